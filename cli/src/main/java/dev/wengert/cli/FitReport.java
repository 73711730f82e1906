package dev.wengert.cli;

import dev.wengert.mixed.FitResult;
import java.util.List;
import java.util.Locale;

/**
 * The output of {@code wengert fit}: text laid out like NIST's certified-values table (with the
 * certified values and each LRE beside the fit for a NIST file), JSON, or CSV.
 */
record FitReport(Formula formula, DataFile file, NistFile nist, int nistStart, FitResult r) {

    String text() {
        StringBuilder s = new StringBuilder();
        List<String> names = r.parameters();
        double[] b = r.estimates();
        double[] se = r.isSingular() || r.degreesOfFreedom() == 0 ? null : r.standardErrors();
        s.append("Model:     ").append(formula.text().replace("\n", "; ")).append('\n');
        s.append("Data:      ").append(file.path().getFileName()).append(", ").append(file.rows().length)
                .append(" observations").append(nist != null ? " (NIST StRD " + nist.name() + ")" : "")
                .append(nistStart > 0 ? ", NIST start " + nistStart : "").append('\n');
        s.append("Jacobian:  ").append(r.jacobianMethod()).append("\n\n");
        s.append(String.format(Locale.ROOT, "%-6s %17s %19s", "", "Parameter", "Standard Deviation"));
        if (nist != null) {
            s.append(String.format(Locale.ROOT, "   %17s %5s %19s %5s", "Certified", "LRE", "Certified Std Dev", "LRE"));
        }
        s.append('\n');
        for (int j = 0; j < b.length; j++) {
            s.append(String.format(Locale.ROOT, "%4s = %17s %19s", names.get(j), sci(b[j]), se == null ? "-" : sci(se[j])));
            if (nist != null) {
                s.append(String.format(Locale.ROOT, "   %17s %5s %19s %5s", sci(nist.certified()[j]),
                        NistSuite.fmt(NistSuite.lre(b[j], nist.certified()[j])), sci(nist.certifiedSd()[j]),
                        se == null ? "-" : NistSuite.fmt(NistSuite.lre(se[j], nist.certifiedSd()[j]))));
            }
            s.append('\n');
        }
        s.append('\n');
        s.append(String.format(Locale.ROOT, "Residual Sum of Squares:      %17s", sci(r.residualSumOfSquares())));
        if (nist != null) {
            s.append(String.format(Locale.ROOT, "   certified %s, LRE %s", sci(nist.certifiedRss()),
                    NistSuite.fmt(NistSuite.lre(r.residualSumOfSquares(), nist.certifiedRss())).trim()));
        }
        s.append('\n');
        if (r.degreesOfFreedom() > 0) {
            s.append(String.format(Locale.ROOT, "Residual Standard Deviation:  %17s%n", sci(r.residualStandardDeviation())));
        }
        s.append(String.format(Locale.ROOT, "Degrees of Freedom:           %17d%n", r.degreesOfFreedom()));
        s.append(String.format(Locale.ROOT, "Number of Observations:       %17d%n", file.rows().length));
        if (se == null) {
            s.append("\nStandard deviations and correlations not available: ").append(unavailable()).append('\n');
        } else if (b.length > 1) {
            s.append("\nCorrelation matrix:\n");
            double[][] c = r.correlation();
            for (int j = 0; j < b.length; j++) {
                s.append(String.format(Locale.ROOT, "%6s", names.get(j)));
                for (int k = 0; k <= j; k++) {
                    s.append(String.format(Locale.ROOT, " %7.4f", c[j][k]));
                }
                s.append('\n');
            }
        }
        s.append('\n').append(stopped()).append('\n');
        return s.toString();
    }

    String json() {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"model\": ").append(quote(formula.text())).append(",\n");
        s.append("  \"data\": ").append(quote(file.path().getFileName().toString())).append(",\n");
        s.append("  \"observations\": ").append(file.rows().length).append(",\n");
        s.append("  \"jacobian\": ").append(quote(r.jacobianMethod())).append(",\n");
        s.append("  \"parameters\": [\n");
        double[] b = r.estimates();
        double[] se = r.isSingular() || r.degreesOfFreedom() == 0 ? null : r.standardErrors();
        for (int j = 0; j < b.length; j++) {
            s.append("    {\"name\": ").append(quote(r.parameters().get(j))).append(", \"estimate\": ").append(num(b[j]))
                    .append(", \"standardDeviation\": ").append(se == null ? "null" : num(se[j]));
            if (nist != null) {
                s.append(", \"certified\": ").append(num(nist.certified()[j])).append(", \"lre\": ")
                        .append(num(round1(NistSuite.lre(b[j], nist.certified()[j]))))
                        .append(", \"certifiedStandardDeviation\": ").append(num(nist.certifiedSd()[j]));
            }
            s.append(j + 1 < b.length ? "},\n" : "}\n");
        }
        s.append("  ],\n");
        s.append("  \"residualSumOfSquares\": ").append(num(r.residualSumOfSquares())).append(",\n");
        if (nist != null) {
            s.append("  \"certifiedResidualSumOfSquares\": ").append(num(nist.certifiedRss())).append(",\n");
        }
        s.append("  \"residualStandardDeviation\": ")
                .append(r.degreesOfFreedom() > 0 ? num(r.residualStandardDeviation()) : "null").append(",\n");
        s.append("  \"degreesOfFreedom\": ").append(r.degreesOfFreedom()).append(",\n");
        if (se != null) {
            s.append("  \"correlation\": [");
            double[][] c = r.correlation();
            for (int j = 0; j < c.length; j++) {
                s.append(j == 0 ? "[" : ", [");
                for (int k = 0; k < c.length; k++) {
                    s.append(k == 0 ? "" : ", ").append(num(c[j][k]));
                }
                s.append(']');
            }
            s.append("],\n");
        } else {
            s.append("  \"unavailable\": ").append(quote(unavailable())).append(",\n");
        }
        s.append("  \"iterations\": ").append(r.iterations()).append(",\n");
        s.append("  \"evaluations\": ").append(r.evaluations()).append(",\n");
        s.append("  \"restarts\": ").append(r.restarts()).append(",\n");
        s.append("  \"converged\": ").append(r.converged()).append(",\n");
        s.append("  \"stop\": ").append(quote(r.stop().text())).append("\n}\n");
        return s.toString();
    }

    String csv() {
        StringBuilder s = new StringBuilder("parameter,estimate,standard_deviation");
        if (nist != null) {
            s.append(",certified,lre,certified_standard_deviation,sd_lre");
        }
        s.append('\n');
        double[] b = r.estimates();
        double[] se = r.isSingular() || r.degreesOfFreedom() == 0 ? null : r.standardErrors();
        for (int j = 0; j < b.length; j++) {
            s.append(r.parameters().get(j)).append(',').append(num(b[j])).append(',').append(se == null ? "" : num(se[j]));
            if (nist != null) {
                s.append(',').append(num(nist.certified()[j])).append(',')
                        .append(num(round1(NistSuite.lre(b[j], nist.certified()[j])))).append(',')
                        .append(num(nist.certifiedSd()[j])).append(',')
                        .append(se == null ? "" : num(round1(NistSuite.lre(se[j], nist.certifiedSd()[j]))));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private String stopped() {
        return "Stopped:   " + r.stop().text() + ", after " + r.iterations() + " iterations, " + r.evaluations()
                + " evaluations, " + r.restarts() + (r.restarts() == 1 ? " restart" : " restarts");
    }

    private String unavailable() {
        try {
            r.standardErrors();
            return "";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.10E", v);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String quote(String t) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : t.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }
}
