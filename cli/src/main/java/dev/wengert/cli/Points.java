package dev.wengert.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Parses {@code --at x=2,y=3} into a point, in the expression's variable order. */
final class Points {

    private Points() {
    }

    /**
     * @param text assignments {@code name=value}, separated by commas
     * @param variables the expression's variables, in order
     * @return the point, one coordinate per variable
     * @throws UserError naming the unknown, missing or malformed part
     */
    static double[] parse(String text, List<String> variables) {
        return parse(text, variables, w -> { });
    }

    /**
     * @param text assignments {@code name=value}, separated by commas
     * @param variables the expression's variables, in order
     * @param warn receives a message for each number beyond the range of {@code double}, which is
     *        read as ±∞ (1e400) or 0 (1e-400)
     * @return the point, one coordinate per variable
     * @throws UserError naming the unknown, missing or malformed part
     */
    static double[] parse(String text, List<String> variables, Consumer<String> warn) {
        Map<String, Double> values = assignments(text, "--at");
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String number = part.substring(eq + 1).trim();
                Double v = values.get(part.substring(0, eq).trim());
                String lower = number.toLowerCase(java.util.Locale.ROOT);
                if (v != null && v.isInfinite() && !lower.contains("inf")) {
                    warn.accept("--at " + part.trim() + ": " + number + " is beyond the largest double ("
                            + Double.MAX_VALUE + ") and is read as " + v);
                } else if (v != null && v == 0 && lower.replaceAll("e.*", "").matches(".*[1-9].*")) {
                    warn.accept("--at " + part.trim() + ": " + number + " is below the smallest double ("
                            + Double.MIN_VALUE + ") and is read as 0");
                }
            }
        }
        double[] x = new double[variables.size()];
        for (String name : values.keySet()) {
            if (!variables.contains(name)) {
                throw new UserError("--at names '" + name + "', which is not a variable of the expression "
                        + "(its variables: " + String.join(", ", variables) + ")");
            }
        }
        for (int j = 0; j < x.length; j++) {
            Double v = values.get(variables.get(j));
            if (v == null) {
                throw new UserError("--at gives no value for variable '" + variables.get(j) + "' (expected "
                        + String.join(",", variables.stream().map(s -> s + "=...").toList()) + ")");
            }
            x[j] = v;
        }
        return x;
    }

    /**
     * @param text {@code name=value} pairs separated by commas
     * @param option the option's name, for messages
     * @return the assignments in order
     */
    static Map<String, Double> assignments(String text, String option) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new UserError(option + " expects name=value pairs separated by commas, but got '" + part.trim() + "'");
            }
            String name = part.substring(0, eq).trim();
            String number = part.substring(eq + 1).trim();
            double value;
            try {
                value = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new UserError(option + ": '" + number + "' (for " + name + ") is not a number");
            }
            if (values.put(name, value) != null) {
                throw new UserError(option + " gives '" + name + "' twice");
            }
        }
        return values;
    }
}
