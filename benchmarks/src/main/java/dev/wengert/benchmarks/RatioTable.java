package dev.wengert.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The ratio table: for each benchmark, its time divided by the time of the plain {@code double}
 * baseline of the same function at the same size, with JMH's error propagated.
 *
 * <p><b>Naming convention.</b> A benchmark method is named {@code <family>_<variant>}, for example
 * {@code rosenbrock_plain}, {@code rosenbrock_derivativeStructure}, {@code gmm_reverse}. The
 * family is the part before the first underscore, the variant the rest; the variant
 * {@value #BASELINE} is the baseline. Benchmarks of one family may live in different classes
 * (and packages): the baseline of a measurement is the {@code <family>_plain} measurement whose
 * every {@code @Param} has the same value in the measurement (extra parameters of the
 * measurement, such as a chunk size, are allowed). A method without an underscore is listed but
 * has no ratio.
 *
 * <p><b>Error.</b> With D ± e<sub>D</sub> the measurement and P ± e<sub>P</sub> the baseline
 * (JMH's score and 99.9% confidence half-width), the ratio is r = D/P and its error
 * r·(e<sub>D</sub>/D + e<sub>P</sub>/P): relative errors added, a conservative first-order bound.
 * The detailed table also gives the ratio of the medians of the iteration scores, which one
 * slow iteration (a collection, a neighbour's compile) moves less than the mean.
 * Only time-per-operation modes (average, sample, single-shot) are compared; times are converted
 * to a common unit first.
 */
public final class RatioTable {

    /** The variant every other variant of a family is divided by. */
    public static final String BASELINE = "plain";

    /**
     * One benchmark result.
     *
     * @param benchmark the full name, {@code package.Class.method}
     * @param params the {@code @Param} values, by name
     * @param score the score (mean time per operation), in {@code unit}
     * @param error the half-width of JMH's 99.9% confidence interval, NaN if unknown
     * @param median the median of the iteration scores
     * @param unit JMH's unit, e.g. {@code "us/op"}
     */
    public record Measurement(String benchmark, Map<String, String> params, double score, double error,
                              double median, String unit) {

        /**
         * @param result a JMH run result
         * @return its primary result as a measurement
         */
        public static Measurement of(RunResult result) {
            Map<String, String> params = new TreeMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.put(key, result.getParams().getParam(key));
            }
            Result<?> primary = result.getPrimaryResult();
            return new Measurement(result.getParams().getBenchmark(), params, primary.getScore(),
                    primary.getScoreError(), primary.getStatistics().getPercentile(50), primary.getScoreUnit());
        }

        /** @return the method name, after the last dot */
        public String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** @return the family: the method name up to its first underscore */
        public String family() {
            int cut = method().indexOf('_');
            return cut < 0 ? method() : method().substring(0, cut);
        }

        /** @return the variant: the method name after its first underscore, or "" */
        public String variant() {
            int cut = method().indexOf('_');
            return cut < 0 ? "" : method().substring(cut + 1);
        }

        /** @return nanoseconds per unit of this measurement, NaN for a non-time unit */
        double nanosPerUnit() {
            switch (unit) {
                case "ns/op": return 1;
                case "us/op": return 1e3;
                case "ms/op": return 1e6;
                case "s/op": return 1e9;
                case "min/op": return 60e9;
                default: return Double.NaN;
            }
        }

        /** @return the score in microseconds per operation */
        double micros() {
            return score * nanosPerUnit() / 1e3;
        }

        String paramText() {
            List<String> parts = new ArrayList<>();
            params.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }
    }

    private final List<Measurement> measurements;

    /**
     * @param measurements the results, in any order; non-time units are ignored
     */
    public RatioTable(Collection<Measurement> measurements) {
        this.measurements = new ArrayList<>();
        for (Measurement m : measurements) {
            if (!Double.isNaN(m.nanosPerUnit())) {
                this.measurements.add(m);
            }
        }
        this.measurements.sort(Comparator.comparing(Measurement::family)
                .thenComparing(Measurement::params, RatioTable::compareParams)
                .thenComparing(m -> !m.variant().equals(BASELINE))
                .thenComparing(Measurement::variant));
    }

    /**
     * @param results JMH run results
     * @return their table
     */
    public static RatioTable ofRuns(Collection<RunResult> results) {
        List<Measurement> list = new ArrayList<>();
        for (RunResult r : results) {
            list.add(Measurement.of(r));
        }
        return new RatioTable(list);
    }

    /**
     * @param m a measurement
     * @return the plain baseline of its family whose parameters all agree with m's (the one with
     *     the most parameters if several do), or {@code null}
     */
    public Measurement baselineOf(Measurement m) {
        Measurement best = null;
        for (Measurement b : measurements) {
            if (b.variant().equals(BASELINE) && b.family().equals(m.family())
                    && m.params().entrySet().containsAll(b.params().entrySet())
                    && (best == null || b.params().size() > best.params().size())) {
                best = b;
            }
        }
        return best;
    }

    /**
     * @param m a measurement
     * @return {ratio, error} of m over its baseline, or {@code null} if it has none; the error is
     *     NaN if either JMH error is unknown
     */
    public double[] ratio(Measurement m) {
        Measurement b = m.variant().isEmpty() ? null : baselineOf(m);
        if (b == null) {
            return null;
        }
        double r = (m.score() * m.nanosPerUnit()) / (b.score() * b.nanosPerUnit());
        double e = r * (m.error() / m.score() + b.error() / b.score());
        return new double[] {r, e};
    }

    /**
     * The table in Markdown: per family, one line per parameter setting with the plain time and
     * each variant's ratio; then every measurement with score, error and median.
     *
     * @param machine the machine description, printed above the tables
     * @return the Markdown text
     */
    public String markdown(String machine) {
        StringBuilder out = new StringBuilder();
        out.append(machine).append("\n");
        Set<String> families = new LinkedHashSet<>();
        measurements.forEach(m -> families.add(m.family()));
        for (String family : families) {
            List<String> variants = new ArrayList<>();
            Map<String, List<Measurement>> bySetting = new java.util.LinkedHashMap<>();
            for (Measurement m : measurements) {
                if (m.family().equals(family)) {
                    if (!m.variant().equals(BASELINE) && !variants.contains(m.variant())) {
                        variants.add(m.variant());
                    }
                    bySetting.computeIfAbsent(m.paramText(), k -> new ArrayList<>()).add(m);
                }
            }
            out.append("\n**").append(family).append("** — time ÷ time of `").append(family)
                    .append("_plain` (± propagated 99.9% error)\n\n| params | plain (µs/op) |");
            variants.forEach(v -> out.append(' ').append(v).append(" |"));
            out.append("\n|---|---:|");
            variants.forEach(v -> out.append("---:|"));
            out.append('\n');
            for (Map.Entry<String, List<Measurement>> setting : bySetting.entrySet()) {
                Measurement plain = null;
                for (Measurement m : setting.getValue()) {
                    if (m.variant().equals(BASELINE)) {
                        plain = m;
                    }
                }
                out.append("| ").append(setting.getKey()).append(" | ")
                        .append(plain == null ? "" : number(plain.micros())).append(" |");
                for (String v : variants) {
                    out.append(' ');
                    for (Measurement m : setting.getValue()) {
                        if (m.variant().equals(v)) {
                            out.append(ratioText(ratio(m)));
                        }
                    }
                    out.append(" |");
                }
                out.append('\n');
            }
        }
        out.append("\n<details><summary>All measurements (score ± 99.9% error, median)</summary>\n\n")
                .append("| benchmark | params | score | ± error | median | unit | ratio | ratio of medians |\n")
                .append("|---|---|---:|---:|---:|---|---:|---:|\n");
        for (Measurement m : measurements) {
            out.append("| ").append(m.method()).append(" | ").append(m.paramText()).append(" | ")
                    .append(number(m.score())).append(" | ").append(number(m.error())).append(" | ")
                    .append(number(m.median())).append(" | ").append(m.unit()).append(" | ")
                    .append(m.variant().equals(BASELINE) ? "baseline" : ratioText(ratio(m))).append(" | ")
                    .append(m.variant().equals(BASELINE) ? "" : medianRatioText(m)).append(" |\n");
        }
        out.append("\n</details>\n");
        return out.toString();
    }

    /**
     * Replaces the text between {@code <!-- results:start -->} and {@code <!-- results:end -->}
     * in a file (the markers stay); appends both markers and the text if the file has none.
     *
     * @param file e.g. {@code benchmarks/README.md}
     * @param text the new text
     */
    public static void writeInto(Path file, String text) {
        String start = "<!-- results:start -->";
        String end = "<!-- results:end -->";
        try {
            String old = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            int a = old.indexOf(start);
            int b = old.indexOf(end);
            String updated;
            if (a >= 0 && b > a) {
                updated = old.substring(0, a + start.length()) + "\n" + text + old.substring(b);
            } else {
                updated = old + (old.isEmpty() || old.endsWith("\n") ? "" : "\n") + start + "\n" + text + end + "\n";
            }
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }

    private String medianRatioText(Measurement m) {
        Measurement b = m.variant().isEmpty() ? null : baselineOf(m);
        return b == null ? "" : number((m.median() * m.nanosPerUnit()) / (b.median() * b.nanosPerUnit()));
    }

    static String ratioText(double[] ratio) {
        if (ratio == null) {
            return "";
        }
        return Double.isNaN(ratio[1]) ? number(ratio[0]) : number(ratio[0]) + " ± " + number(ratio[1]);
    }

    /** Four significant digits, no exponent for 10⁻⁶ ≤ |v| &lt; 10⁷. */
    static String number(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (a == 0) {
            return "0";
        }
        if (a >= 1e7 || a < 1e-6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static int compareParams(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(new TreeMap<>(a).keySet());
        for (String key : b.keySet()) {
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            String x = a.getOrDefault(key, "");
            String y = b.getOrDefault(key, "");
            int c;
            try {
                c = Double.compare(Double.parseDouble(x), Double.parseDouble(y));
            } catch (NumberFormatException e) {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
