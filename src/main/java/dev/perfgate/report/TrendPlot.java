package dev.perfgate.report;

import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.history.HistorySeries;
import dev.perfgate.io.AtomicFiles;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes {@code history plot}'s output: one PNG trend chart per benchmark (with its change points and, when given,
 * the baseline's median) and one self-contained {@code index.html} holding all of them.
 */
public final class TrendPlot {

    private TrendPlot() {
    }

    /** Writes the charts and the page to {@code out}; returns how many charts there are (0: nothing written). */
    public static int write(HistorySeries all, RunResult baseline, Path out) {
        return write(all, baseline, null, out);
    }

    /**
     * As {@link #write(HistorySeries, RunResult, Path)}, with the drift ledger's chart ({@code drift.png}) at the
     * top of the page when {@code drift} is not null.
     */
    public static int write(HistorySeries all, RunResult baseline, DriftLedger.Ledger drift, Path out) {
        List<TrendSeries> series = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        Set<String> fileNames = new HashSet<>();
        for (HistorySeries.Series s : all.series()) {
            String name = HistoryTables.column(s.suite(), s.name(), all.manySuites());
            TrendSeries trend = new TrendSeries(name, s.unit(), s.direction(), s.points(),
                    baselineMedian(baseline, s), s.changePoints());
            byte[] png = TrendChart.png(trend);
            AtomicFiles.write(out.resolve(fileName(name, fileNames)), png);
            series.add(trend);
            pngs.add(png);
        }
        byte[] driftPng = drift == null || series.isEmpty() ? null : DriftChart.png(drift);
        if (driftPng != null) AtomicFiles.write(out.resolve(fileName("drift", fileNames)), driftPng);
        if (!series.isEmpty()) {
            ReportWriter.writeFile(out.resolve("index.html"), TrendPage.html(series, pngs, "perfgate history",
                    drift, driftPng));
        }
        return series.size();
    }

    /** The baseline's median of this benchmark, when the baseline is of the same suite and has samples. */
    private static Double baselineMedian(RunResult base, HistorySeries.Series s) {
        if (base == null || (base.suite() != null && s.suite() != null && !base.suite().equals(s.suite()))) return null;
        return base.benchmark(s.name()).filter(b -> !b.samples().isEmpty())
                .map(b -> Summary.median(b.sampleArray())).orElse(null);
    }

    /** A file name made of the benchmark's safe characters, unique within the folder. */
    private static String fileName(String name, Set<String> taken) {
        String base = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        String candidate = base + ".png";
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) candidate = base + "-" + i + ".png";
        return candidate;
    }
}
