package dev.perfgate.report;

import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.format.Numbers;
import dev.perfgate.model.ChangeEstimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code history drift}: the drift since the anchor after each checked commit, one line each, then
 * the commits that spent most of the budget with their own paired estimates.
 */
public final class DriftTables {

    private DriftTables() {
    }

    /** The ledger, or a line saying how to get one when the history holds no drift check. */
    public static String render(DriftLedger.Ledger ledger) {
        if (ledger == null) {
            return "No drift checks in the history yet: 'perfgate check SUITE --against-anchor' on main records one "
                    + "(and 'check SUITE --against HEAD~1' each commit's own change).\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("Drift of ").append(ledger.benchmark()).append(" since anchor ")
                .append(shortCommit(ledger.anchor().commit()))
                .append(ledger.anchor().reason() == null ? "" : " ('" + ledger.anchor().reason() + "')")
                .append(", budget ").append(Numbers.share(ledger.anchor().budget())).append(":\n");
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"date", "commit", "drift", "interval", "budget"});
        for (DriftLedger.Row r : ledger.rows()) {
            table.add(new String[]{r.at() == null ? "-" : r.at().toString().substring(0, 16).replace('T', ' '),
                    shortCommit(r.commit()), Numbers.percent(r.drift().change()),
                    Numbers.interval(r.drift().low(), r.drift().high()), switch (r.standing()) {
                        case OVER -> "over";
                        case NEAR -> "over half";
                        case WITHIN -> "within";
                    }});
        }
        out.append(TextTable.render(table, new int[]{2}));
        out.append(spenders(ledger));
        return out.toString();
    }

    private static String spenders(DriftLedger.Ledger ledger) {
        List<DriftLedger.Spender> spenders = ledger.spenders();
        if (spenders.isEmpty()) {
            return "No per-commit checks since the anchor name a commit that added to it ('check SUITE --against "
                    + "HEAD~1' on each commit records them).\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(Numbers.count(spenders.size(), "commit accounts", "commits account")).append(" for ")
                .append(Numbers.percent(ledger.spent())).append(" of ").append(Numbers.percent(ledger.latest().change()))
                .append(":");
        for (DriftLedger.Spender s : spenders) {
            ChangeEstimate c = s.change();
            out.append("\n  ").append(shortCommit(s.commit())).append("  ").append(Numbers.percent(c.change()))
                    .append(" ").append(Numbers.interval(c.low(), c.high()));
        }
        return out.append("\n").toString();
    }

    private static String shortCommit(String commit) {
        return commit == null ? "unknown" : commit.substring(0, Math.min(8, commit.length()));
    }
}
