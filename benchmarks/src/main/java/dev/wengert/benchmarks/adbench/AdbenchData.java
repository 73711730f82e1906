package dev.wengert.benchmarks.adbench;

import dev.wengert.core.testing.ExternalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the ADBench data folder and reads its golden files.
 *
 * <p>The data is not in the repository (it is ADBench's, github.com/microsoft/ADBench, Copyright
 * (c) Microsoft Corporation, MIT licence; {@code LICENSE.TXT} stays with it). It lives in
 * {@code shared/data/adbench} beside the checkout, found by the system property
 * {@value #PROPERTY} (naming the folder that contains {@code adbench/}) or by walking up from the
 * working directory: see {@link ExternalData}.
 */
public final class AdbenchData {

    /** The system property naming the data folder (the one that contains {@code adbench/}). */
    public static final String PROPERTY = ExternalData.PROPERTY;

    /** The data set's folder name under {@code shared/data}. */
    public static final String NAME = "adbench";

    private AdbenchData() {
    }

    /**
     * The {@code adbench} folder, which holds {@code data/}, {@code golden/} and the licence.
     *
     * @return the folder
     * @throws IllegalStateException if neither the property nor the walk up finds it
     */
    public static Path root() {
        return ExternalData.require(NAME);
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
