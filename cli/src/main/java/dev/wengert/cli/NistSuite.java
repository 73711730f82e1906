package dev.wengert.cli;

import dev.wengert.mixed.FitResult;
import dev.wengert.mixed.LeastSquaresFit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The NIST StRD nonlinear-regression suite: every problem from both starting points with a
 * Jacobian method, scored by the log relative error against the certified values.
 *
 * <p>LRE(q) = −log10(|q − c|/|c|) against the certified c, capped at 11 (NIST certifies 11
 * digits). A fit passes when every estimate has LRE ≥ 6, every standard deviation LRE ≥ 4, and the
 * residual sum of squares LRE ≥ 6 — except Lanczos1, whose certified sum (1.4e-25) is below
 * double-precision noise: there S ≤ 1e-20 instead, and its standard deviations, which scale with
 * √S, are not scored.
 */
final class NistSuite {

    /** NIST certifies 11 significant digits: an LRE is capped there */
    static final double MAX_LRE = 11;
    static final double ESTIMATE_BAR = 6;
    static final double SD_BAR = 4;
    static final double RSS_BAR = 6;
    /** Lanczos1's absolute bound on S: its certified 1.4e-25 is below double noise */
    static final double LANCZOS1_RSS_BOUND = 1e-20;

    /** The Jacobian methods of the suite, by command-line name. */
    static final List<String> METHODS = List.of("forward", "reverse", "mixed", "fd-forward");

    private NistSuite() {
    }

    /** One fit of the suite and its score. */
    record Row(String problem, int start, String method, FitResult fit, double minEstimateLre, double minSdLre,
            double rssLre, boolean pass, String failure) {
    }

    /** @return the .dat files in dir, sorted by name */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param nist a problem
     * @param start 1 or 2
     * @param method one of {@link #METHODS}
     * @return the fit
     */
    static LeastSquaresFit fit(NistFile nist, int start, String method) {
        Formula formula = Formula.parse(nist.formula(), nist.columns());
        LeastSquaresFit fit = formula.fit(nist.columnMap(), nist.parameters()).start(nist.starts()[start - 1]);
        return method.equals("fd-forward") ? fit.forwardDifferences() : fit.differentiator(Modes.named(method));
    }

    /** @return the fit, scored */
    static Row run(NistFile nist, int start, String method) {
        FitResult r = fit(nist, start, method).fit();
        double[] b = r.estimates();
        double minB = MAX_LRE;
        for (int j = 0; j < b.length; j++) {
            minB = Math.min(minB, lre(b[j], nist.certified()[j]));
        }
        boolean lanczos1 = nist.name().equals("Lanczos1");
        double minSd = MAX_LRE;
        if (r.isSingular()) {
            minSd = 0;
        } else if (!lanczos1) {
            double[] se = r.standardErrors();
            for (int j = 0; j < se.length; j++) {
                minSd = Math.min(minSd, lre(se[j], nist.certifiedSd()[j]));
            }
        }
        double rssLre = lre(r.residualSumOfSquares(), nist.certifiedRss());
        List<String> why = new ArrayList<>();
        if (minB < ESTIMATE_BAR) {
            why.add("estimate LRE " + fmt(minB));
        }
        if (!lanczos1 && minSd < SD_BAR) {
            why.add("sd LRE " + fmt(minSd));
        }
        if (lanczos1 ? !(r.residualSumOfSquares() <= LANCZOS1_RSS_BOUND) : rssLre < RSS_BAR) {
            why.add("S LRE " + fmt(rssLre));
        }
        return new Row(nist.name(), start, method, r, minB, lanczos1 ? Double.NaN : minSd, rssLre, why.isEmpty(),
                String.join(", ", why));
    }

    /** @return −log10(|q − c|/|c|), capped at {@link #MAX_LRE} (0 when q is NaN) */
    static double lre(double q, double c) {
        if (Double.isNaN(q)) {
            return 0;
        }
        double rel = c == 0 ? Math.abs(q) : Math.abs(q - c) / Math.abs(c);
        return rel == 0 ? MAX_LRE : Math.max(0, Math.min(MAX_LRE, -Math.log10(rel)));
    }

    static String fmt(double lre) {
        return Double.isNaN(lre) ? "  -" : String.format(Locale.ROOT, "%4.1f", lre);
    }

    /**
     * @param dir a folder of NIST .dat files
     * @param methods Jacobian methods
     * @return every problem from both starts with each method, in file order
     */
    static List<Row> runAll(Path dir, List<String> methods) {
        List<Row> rows = new ArrayList<>();
        for (Path p : files(dir)) {
            NistFile nist;
            try {
                nist = NistFile.read(p);
            } catch (IOException e) {
                throw new UserError("cannot read " + p + ": " + e.getMessage());
            }
            for (int start = 1; start <= 2; start++) {
                for (String method : methods) {
                    rows.add(run(nist, start, method));
                }
            }
        }
        return rows;
    }

    /**
     * Prints the suite's table: per problem and start, for each method, the smallest LRE of the
     * estimates and the evaluations taken, a mark where the fit does not pass; then the tally.
     */
    static void printTable(Path dir, java.io.PrintWriter out) {
        out.print(table(runAll(dir, METHODS)));
    }

    /**
     * @param rows the rows of {@link #runAll} with {@link #METHODS}
     * @return the table of {@link #printTable}
     */
    static String table(List<Row> rows) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        out.println("NIST StRD nonlinear regression: smallest LRE of the estimates (ev = model-and-Jacobian evaluations;");
        out.println("* = below the bar: estimates LRE >= 6, standard deviations >= 4, S >= 6; Lanczos1: S <= 1e-20)");
        out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s %5s", "problem", "start"));
        for (String m : METHODS) {
            head.append(String.format(Locale.ROOT, " | %-15s", m.equals("fd-forward") ? "forward diff." : m));
        }
        out.println(head);
        StringBuilder sub = new StringBuilder(String.format(Locale.ROOT, "%-9s %5s", "", ""));
        for (int k = 0; k < METHODS.size(); k++) {
            sub.append(String.format(Locale.ROOT, " | %5s %8s ", "LRE", "ev"));
        }
        out.println(sub);
        int[] pass = new int[METHODS.size()];
        for (int i = 0; i < rows.size(); i += METHODS.size()) {
            Row first = rows.get(i);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s %5d", first.problem(), first.start()));
            for (int k = 0; k < METHODS.size(); k++) {
                Row r = rows.get(i + k);
                if (r.pass()) {
                    pass[k]++;
                }
                line.append(String.format(Locale.ROOT, " | %5s%s %7d ", fmt(r.minEstimateLre()), r.pass() ? " " : "*",
                        r.fit().evaluations()));
            }
            out.println(line);
        }
        out.println();
        StringBuilder tally = new StringBuilder(String.format(Locale.ROOT, "%-15s", "passed"));
        for (int k = 0; k < METHODS.size(); k++) {
            tally.append(String.format(Locale.ROOT, " | %8s       ", pass[k] + "/" + rows.size() / METHODS.size()));
        }
        out.println(tally);
        for (Row r : rows) {
            if (!r.pass()) {
                out.println("  " + r.problem() + " start " + r.start() + ", " + r.method() + ": " + r.failure());
            }
        }
        out.flush();
        return text.toString();
    }
}
