package dev.perfgate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson setup of perfgate: {@link #MAPPER} reads every JSON input (results files, history lines, other
 * harnesses' output) under the same limits and strictness, and writes every JSON output. Thread-safe.
 */
public final class Json {

    /**
     * The largest JSON document perfgate reads: a JMH file with sample-mode histograms of many benchmarks. Each
     * reader also refuses what is too big for its own kind of file before parsing (results files: 32 MB).
     */
    public static final long MAX_DOCUMENT_BYTES = 128L * 1024 * 1024;

    // Our documents are 4 levels deep, JMH's 6; Jackson's default (1000) is for others.
    private static final int MAX_NESTING_DEPTH = 64;
    private static final int MAX_STRING_CHARS = 1024 * 1024;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN gets "sample is NaN", not a syntax error
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // two "samples" keys: which one was meant?
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // Schubfach: shortest exact doubles on any JDK
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // 2-3x faster reads of sample-heavy files
            .build();

    /** Files perfgate writes for people and diffs (results, baselines): jq's layout, two-space indent, "\n". */
    public static final ObjectWriter FILE_WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** Reports ({@code perfgate-comparison/1}): Jackson's default pretty layout, as the format was first sealed. */
    public static final ObjectWriter REPORT_WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
