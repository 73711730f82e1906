package dev.wengert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observations for {@code wengert fit}: columns separated by commas or white space, one
 * observation per line; blank lines and lines starting with {@code #} are skipped. A first line
 * that is not all numbers names the columns; otherwise they are {@code y x} (two columns) or
 * {@code y x1 x2 …}. A NIST StRD {@code .dat} file is recognised and read as one ({@link NistFile}).
 */
record DataFile(Path path, List<String> columns, double[][] rows, NistFile nist) {

    static DataFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UserError("cannot read the data file " + path + ": " + e.getMessage());
        }
        if (NistFile.recognises(text)) {
            NistFile nist = NistFile.parse(stem(path), text);
            return new DataFile(path, nist.columns(), nist.data(), nist);
        }
        List<String> names = null;
        List<double[]> rows = new ArrayList<>();
        List<String> lines = text.replace("\r", "").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s*,\\s*|\\s+");
            if (names == null && rows.isEmpty() && !numeric(f[0])) {
                names = List.of(f);
                continue;
            }
            int expected = names != null ? names.size() : rows.isEmpty() ? f.length : rows.get(0).length;
            if (f.length != expected) {
                throw new UserError(path + " line " + (i + 1) + ": " + f.length + " values, expected " + expected);
            }
            double[] row = new double[f.length];
            for (int c = 0; c < f.length; c++) {
                if (!numeric(f[c])) {
                    throw new UserError(path + " line " + (i + 1) + ": not a number: '" + f[c] + "'");
                }
                row[c] = Double.parseDouble(f[c]);
                if (!Double.isFinite(row[c])) {
                    throw new UserError(path + " line " + (i + 1) + ": " + f[c] + " is not finite");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new UserError(path + ": no observations");
        }
        if (names == null) {
            int k = rows.get(0).length;
            List<String> n = new ArrayList<>(List.of("y"));
            for (int c = 1; c < k; c++) {
                n.add(k == 2 ? "x" : "x" + c);
            }
            names = n;
        }
        return new DataFile(path, List.copyOf(names), rows.toArray(new double[0][]), null);
    }

    /** @return the data as named columns */
    Map<String, double[]> columnMap() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            double[] col = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                col[i] = rows[i][c];
            }
            map.put(columns.get(c), col);
        }
        return map;
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty() && !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String stem(Path path) {
        String f = path.getFileName().toString();
        return f.endsWith(".dat") ? f.substring(0, f.length() - 4) : f;
    }
}
