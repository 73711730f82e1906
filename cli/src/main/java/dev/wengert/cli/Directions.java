package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import java.util.List;
import java.util.Map;

/** Parses the {@code --seed dx=1,dy=0} direction and the {@code --output i} choice of trace and graph. */
final class Directions {

    private Directions() {
    }

    /**
     * @param text {@code dx=1,dy=0} (the {@code d} is optional: {@code x=1} works too), or null
     *        for the first variable's unit direction
     * @param e the expression
     * @return the direction ẋ, one component per input; unnamed inputs get 0
     */
    static double[] seed(String text, Expression e) {
        List<String> vars = e.variables();
        double[] v = new double[vars.size()];
        if (text == null) {
            v[0] = 1;
            return v;
        }
        for (Map.Entry<String, Double> a : Points.assignments(text, "--seed").entrySet()) {
            String name = a.getKey();
            int j = vars.indexOf(name);
            if (j < 0 && name.startsWith("d")) {
                j = vars.indexOf(name.substring(1));
            }
            if (j < 0) {
                throw new UserError("--seed names '" + name + "', which is not d<variable> for a variable of the expression"
                        + " (its variables: " + String.join(", ", vars) + ")");
            }
            v[j] = a.getValue();
        }
        return v;
    }

    /**
     * @param output the output number given, or null for 0
     * @param e the expression
     * @return the output number, checked
     */
    static int output(Integer output, Expression e) {
        int k = output == null ? 0 : output;
        if (k < 0 || k >= e.outputs()) {
            throw new UserError("--output " + k + " is out of range: the expression has " + e.outputs()
                    + (e.outputs() == 1 ? " output (0)" : " outputs (0.." + (e.outputs() - 1) + ")"));
        }
        return k;
    }

    /**
     * @param v a direction
     * @param e its expression
     * @return "(x: 1, y: 0)"
     */
    static String text(double[] v, Expression e) {
        StringBuilder b = new StringBuilder("(");
        for (int j = 0; j < v.length; j++) {
            b.append(j == 0 ? "" : ", ").append('d').append(e.variables().get(j)).append(" = ").append(Fmt.num(v[j]));
        }
        return b.append(')').toString();
    }
}
