package dev.wengert.benchmarks.adbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the ADBench data folder and reads its golden files.
 *
 * <p>The data is not in the repository: it lives in a sibling folder {@code shared/data/adbench}
 * of the checkout (for a checkout at {@code /work/main}, the data is at
 * {@code /work/shared/data/adbench}). It is located as follows, first match wins:
 *
 * <ol>
 *   <li>the system property {@value #PROPERTY}, naming the folder that contains {@code adbench/}
 *       (for example {@code -Dwengert.data=/work/shared/data}); a relative path is resolved
 *       against the working directory;</li>
 *   <li>otherwise the working directory and each of its parents in turn, looking for
 *       {@code shared/data/adbench} inside it. From the repository root that finds
 *       {@code ../shared/data/adbench}; from a module directory (where Maven runs the tests)
 *       {@code ../../shared/data/adbench}.</li>
 * </ol>
 *
 * <p>The data is ADBench's (github.com/microsoft/ADBench), Copyright (c) Microsoft Corporation,
 * MIT licence; {@code LICENSE.TXT} stays with it.
 */
public final class AdbenchData {

    /** The system property naming the data folder (the one that contains {@code adbench/}). */
    public static final String PROPERTY = "wengert.data";

    private AdbenchData() {
    }

    /**
     * @return the {@code adbench} folder, which holds {@code data/}, {@code golden/} and the licence
     * @throws IllegalStateException if neither the property nor the walk up finds it
     */
    public static Path root() {
        String property = System.getProperty(PROPERTY);
        Path cwd = Paths.get("").toAbsolutePath();
        if (property != null && !property.isBlank()) {
            Path folder = cwd.resolve(property).normalize().resolve("adbench");
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + property
                        + " must name a folder containing adbench/, but " + folder + " is not a folder");
            }
            return folder;
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path folder = dir.resolve("shared").resolve("data").resolve("adbench");
            if (Files.isDirectory(folder)) {
                return folder;
            }
        }
        throw new IllegalStateException("ADBench data not found: no shared/data/adbench in " + cwd
                + " or any of its parents; set -D" + PROPERTY + "=<folder containing adbench/>");
    }

    /**
     * @param relative a path inside the {@code adbench} folder, e.g. {@code "data/gmm/test.txt"}
     * @return the file
     * @throws IllegalStateException if the data folder is not found or the file does not exist
     */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("ADBench file " + relative + " not found at " + file);
        }
        return file;
    }

    /**
     * Reads a golden file: one number per line (or several, separated by blanks); lines
     * starting with {@code #} (the source note) and blank lines are skipped.
     *
     * @param relative a path inside the {@code adbench} folder, e.g. {@code "golden/gmm_test_J.txt"}
     * @return the numbers, in file order
     */
    public static double[] golden(String relative) {
        List<String> lines = lines(file(relative));
        List<Double> values = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            for (String token : trimmed.split("\\s+")) {
                values.add(Double.parseDouble(token));
            }
        }
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whitespace-separated tokens of a data file, read in order. */
    static final class Tokens {
        private final String[] tokens;
        private final Path file;
        private int next;

        Tokens(Path file) {
            this.file = file;
            try {
                this.tokens = Files.readString(file).trim().split("\\s+");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        double nextDouble() {
            if (next >= tokens.length) {
                throw new IllegalArgumentException(file + ": unexpected end of file after "
                        + next + " numbers");
            }
            return Double.parseDouble(tokens[next++]);
        }

        int nextInt() {
            double v = nextDouble();
            if (v != Math.rint(v) || v < 0) {
                throw new IllegalArgumentException(file + ": number " + next
                        + " must be a non-negative integer, but is " + v);
            }
            return (int) v;
        }
    }
}
