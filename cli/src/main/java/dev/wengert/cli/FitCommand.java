package dev.wengert.cli;

import dev.wengert.mixed.FitResult;
import dev.wengert.mixed.LeastSquaresFit;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wengert fit}: a nonlinear least-squares fit of a model in the expression language to a data
 * file, by Levenberg–Marquardt with exact Jacobians ({@link LeastSquaresFit}); with a NIST StRD file,
 * its certified values beside the fit. {@code --nist-suite DIR} runs the whole NIST suite.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit MODEL to the data in FILE by nonlinear least squares (Levenberg-Marquardt with exact "
                + "Jacobians): estimates, standard deviations, residual sum of squares, correlations.",
            "MODEL is 'RESPONSE ~ EXPR' or 'EXPR' (response y) in the expression language: names that are data "
                    + "columns are data, every other name is a parameter and needs a --start value.",
            "FILE has columns separated by commas or spaces (a first line of names, else y x or y x1 x2 ...), "
                    + "or is a NIST StRD .dat file: then MODEL defaults to the file's model, --start 1|2 picks "
                    + "its starting values, and its certified values are printed beside the fit with each LRE "
                    + "(-log10 of the relative error)."},
        footer = {"", "Examples:", "  wengert fit 'b1*(1 - exp(-b2*x))' --data misra.csv --start b1=500,b2=1e-4",
            "  wengert fit --data MGH09.dat --start 1 --plot mgh09.svg",
            "  wengert fit --nist-suite DIR     (all NIST problems, both starts, every Jacobian method)", ""})
final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "RESPONSE ~ EXPR, or EXPR for the response y; optional with a NIST file.")
    String model;

    @Option(names = "--data", paramLabel = "FILE", description = "The observations (columns, or a NIST StRD .dat file).")
    Path data;

    @Option(names = "--start", paramLabel = "b1=V,...",
            description = "The starting point, one value per parameter; with a NIST file also 1 or 2.")
    String start;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "mixed",
            description = "The Jacobian: forward, reverse, mixed (default) or fd-forward (forward differences).")
    String mode;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default, laid out as NIST's certified-values table), json or csv.")
    String format;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the data, the fitted curve and the residuals to FILE.svg or FILE.png.")
    Path plot;

    @Option(names = "--nist-suite", paramLabel = "DIR",
            description = "Fit every NIST StRD .dat file in DIR from both starts with every Jacobian method; print the LRE table.")
    Path suite;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (suite != null) {
            if (!Files.isDirectory(suite) || NistSuite.files(suite).isEmpty()) {
                throw new UserError("--nist-suite needs a folder of NIST StRD .dat files, but " + suite + " has none");
            }
            NistSuite.printTable(suite, out);
            out.flush();
            return 0;
        }
        if (data == null) {
            throw new UserError("missing --data FILE (or --nist-suite DIR)");
        }
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new UserError("unknown format '" + format + "'; choose from text, json, csv");
        }
        if (plot != null && !(plot.toString().endsWith(".svg") || plot.toString().endsWith(".png"))) {
            throw new UserError("--plot writes .svg or .png, not " + plot);
        }
        DataFile file = DataFile.read(data);
        NistFile nist = file.nist();
        String text = model != null ? model : nist != null ? nist.formula() : null;
        if (text == null) {
            throw new UserError("missing MODEL: 'RESPONSE ~ EXPR' or 'EXPR' (only a NIST file brings its own)");
        }
        Formula formula = Formula.parse(text, file.columns());
        List<String> names = formula.parameters(file.columns());
        int nistStart = 0;
        double[] b0;
        if (nist != null && start != null && (start.trim().equals("1") || start.trim().equals("2"))) {
            nistStart = Integer.parseInt(start.trim());
            if (!names.equals(nist.parameters()) && !new java.util.HashSet<>(names).equals(new java.util.HashSet<>(nist.parameters()))) {
                throw new UserError("--start " + nistStart + " gives NIST's values for " + nist.parameters()
                        + ", but the model's parameters are " + names);
            }
            names = nist.parameters();
            b0 = nist.starts()[nistStart - 1];
        } else {
            Map<String, Double> given = startValues();
            for (String p : names) {
                if (!given.containsKey(p)) {
                    throw new UserError("the model names '" + p + "', which is neither a data column ("
                            + String.join(", ", file.columns()) + ") nor given a start value (--start " + p + "=...)");
                }
            }
            for (String p : given.keySet()) {
                if (!names.contains(p)) {
                    throw new UserError("--start names '" + p + "', which is not a parameter of the model (its parameters: "
                            + String.join(", ", names) + ")");
                }
            }
            b0 = new double[names.size()];
            for (int j = 0; j < b0.length; j++) {
                b0[j] = given.get(names.get(j));
            }
        }
        LeastSquaresFit fit = formula.fit(file.columnMap(), names).start(b0);
        if (mode.equals("fd-forward")) {
            fit.forwardDifferences();
        } else if (List.of("forward", "reverse", "mixed").contains(mode)) {
            fit.differentiator(Modes.named(mode));
        } else {
            throw new UserError("unknown mode '" + mode + "'; choose from forward, reverse, mixed, fd-forward");
        }
        FitResult r = fit.fit();
        FitReport report = new FitReport(formula, file, nist, nistStart, r);
        switch (format) {
            case "json" -> out.print(report.json());
            case "csv" -> out.print(report.csv());
            default -> out.print(report.text());
        }
        if (plot != null) {
            FitPlot.write(plot, formula, file, r);
        }
        out.flush();
        return 0;
    }

    private Map<String, Double> startValues() {
        if (start == null) {
            throw new UserError("missing --start b1=V,b2=V,... (one value per parameter)");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (String part : start.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new UserError("--start takes name=value pairs separated by commas (or 1|2 with a NIST file), not '"
                        + part.trim() + "'");
            }
            String name = kv[0].trim();
            if (seen.contains(name)) {
                throw new UserError("--start gives '" + name + "' twice");
            }
            seen.add(name);
            try {
                m.put(name, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new UserError("--start " + name + ": not a number: '" + kv[1].trim() + "'");
            }
        }
        return m;
    }
}
