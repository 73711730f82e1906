package dev.wengert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NIST StRD nonlinear-regression {@code .dat} file: its model (translated into the expression
 * language), the two starting points, the certified values and standard deviations, the certified
 * residual sum of squares, and the data block.
 *
 * <p>The model is NIST's text made into the expression language by four rewrites — {@code **} to
 * {@code ^}, square brackets to parentheses, {@code arctan} to {@code atan} (not {@code atan2}:
 * Roszman1's certified b1 is on atan's branch), the error term {@code + e} dropped — with
 * {@code pi} bound to π where the text uses it without defining it (ENSO). The left-hand side
 * ({@code y}, or Nelson's {@code log[y]}) is the response: the data's y is transformed by it.
 */
record NistFile(String name, String response, String model, List<String> parameters, double[][] starts,
        double[] certified, double[] certifiedSd, double certifiedRss, List<String> columns, double[][] data) {

    private static final Pattern PARAMETER = Pattern.compile(
            "^\\s*(b\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern BINDING = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*=\\s*([-+0-9.eE]+)\\s*$");

    /** @return whether the text looks like a NIST StRD nonlinear-regression file */
    static boolean recognises(String text) {
        return text.contains("NIST/ITL StRD") && text.contains("Certified Values") && text.contains("Model:");
    }

    static NistFile read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        String file = path.getFileName().toString();
        return parse(file.endsWith(".dat") ? file.substring(0, file.length() - 4) : file, text);
    }

    static NistFile parse(String name, String text) {
        List<String> lines = text.replace("\r", "").lines().toList();
        int model = -1;
        int starting = -1;
        int data = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("Model:") && model < 0) {
                model = i;
            } else if (l.startsWith("Starting") && starting < 0 && model >= 0) {
                starting = i;
            } else if (l.startsWith("Data:")) {
                data = i;
            }
        }
        if (model < 0 || starting < 0 || data < 0) {
            throw new UserError(name + ": not a NIST StRD file (no Model:, Starting values or Data: line)");
        }
        StringBuilder bindings = new StringBuilder();
        StringBuilder equation = new StringBuilder();
        for (int i = model + 1; i < starting; i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.contains("Parameters") || l.contains("Class")) {
                continue;
            }
            Matcher b = BINDING.matcher(l);
            if (b.matches()) {
                bindings.append(b.group(1)).append(" = ").append(b.group(2)).append('\n');
            } else {
                equation.append(' ').append(l);
            }
        }
        String eq = equation.toString().trim().replaceAll("\\+\\s*e\\s*$", "").trim();
        int eqSign = eq.indexOf('=');
        if (eqSign < 0) {
            throw new UserError(name + ": cannot read the model: " + eq);
        }
        String lhs = translate(eq.substring(0, eqSign).trim());
        String rhs = translate(eq.substring(eqSign + 1).trim());
        String prefix = bindings.toString();
        if (rhs.matches(".*\\bpi\\b.*") && !prefix.matches("(?s).*\\bpi\\s*=.*")) {
            prefix = "pi = 3.141592653589793\n" + prefix;
        }
        List<String> params = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        double rss = Double.NaN;
        for (int i = starting; i < data; i++) {
            String l = lines.get(i);
            Matcher p = PARAMETER.matcher(l);
            if (p.matches()) {
                params.add(p.group(1));
                values.add(new double[] {num(name, p.group(2)), num(name, p.group(3)), num(name, p.group(4)),
                    num(name, p.group(5))});
            } else if (l.trim().startsWith("Residual Sum of Squares:")) {
                rss = num(name, l.substring(l.indexOf(':') + 1).trim());
            }
        }
        int n = params.size();
        if (n == 0 || Double.isNaN(rss)) {
            throw new UserError(name + ": no parameter lines (b1 = start1 start2 certified sd) or no certified residual sum of squares");
        }
        double[][] starts = new double[2][n];
        double[] cert = new double[n];
        double[] sd = new double[n];
        for (int j = 0; j < n; j++) {
            starts[0][j] = values.get(j)[0];
            starts[1][j] = values.get(j)[1];
            cert[j] = values.get(j)[2];
            sd[j] = values.get(j)[3];
        }
        List<String> columns = List.of(lines.get(data).trim().substring("Data:".length()).trim().split("\\s+"));
        List<double[]> rows = new ArrayList<>();
        for (int i = data + 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != columns.size()) {
                throw new UserError(name + ": data line " + (i + 1) + " has " + f.length + " values, expected "
                        + columns.size() + " (" + String.join(", ", columns) + ")");
            }
            double[] row = new double[f.length];
            for (int c = 0; c < f.length; c++) {
                row[c] = num(name, f[c]);
            }
            rows.add(row);
        }
        return new NistFile(name, lhs, prefix + rhs, List.copyOf(params), starts, cert, sd, rss, columns,
                rows.toArray(new double[0][]));
    }

    /** @return the data as named columns */
    Map<String, double[]> columnMap() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            double[] col = new double[data.length];
            for (int i = 0; i < data.length; i++) {
                col[i] = data[i][c];
            }
            map.put(columns.get(c), col);
        }
        return map;
    }

    /** @return "LHS ~ RHS", the model as {@code wengert fit} takes it */
    String formula() {
        return response + " ~ " + model.replace("\n", "; ");
    }

    private static String translate(String nist) {
        return nist.replace("**", "^").replace('[', '(').replace(']', ')').replaceAll("\\barctan\\b", "atan");
    }

    private static double num(String name, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError(name + ": not a number: '" + s + "'");
        }
    }
}
