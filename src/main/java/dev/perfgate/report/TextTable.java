package dev.perfgate.report;

import java.util.Arrays;
import java.util.List;

/** Lays out rows as an aligned plain-text table; the first row is the header. */
public final class TextTable {

    private TextTable() {
    }

    /** @param rightAligned indexes of the numeric columns */
    public static String render(List<String[]> rows, int... rightAligned) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                int pad = width[c] - row[c].codePointCount(0, row[c].length());
                boolean right = isRightAligned(rightAligned, c);
                if (c > 0) line.append("  ");
                if (right) line.append(" ".repeat(pad)).append(row[c]);
                else line.append(row[c]).append(" ".repeat(pad));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = Arrays.stream(width).sum() + 2 * (columns - 1);
                out.append("-".repeat(total)).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean isRightAligned(int[] rightAligned, int column) {
        for (int i : rightAligned) if (i == column) return true;
        return false;
    }
}
