package dev.wengert.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, then rows; columns padded to their widest cell. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;
    private final String indent;

    /**
     * @param indent printed before every row
     * @param headers the column headings; a heading starting with '>' is right-aligned (the '>' is dropped)
     */
    Table(String indent, String... headers) {
        this.indent = indent;
        this.right = new boolean[headers.length];
        String[] h = new String[headers.length];
        for (int c = 0; c < headers.length; c++) {
            right[c] = headers[c].startsWith(">");
            h[c] = right[c] ? headers[c].substring(1) : headers[c];
        }
        rows.add(h);
    }

    /**
     * @param cells one row; missing cells are blank
     * @return this table
     */
    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** @return the table, one line per row, each ending in a line break */
    String render() {
        int[] width = new int[right.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length && c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < width.length; c++) {
                String cell = c < r.length ? r[c] : "";
                line.append(c == 0 ? "" : "  ").append(right[c] ? Fmt.right(cell, width[c]) : Fmt.left(cell, width[c]));
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            b.append(line, 0, end).append('\n');
        }
        return b.toString();
    }
}
