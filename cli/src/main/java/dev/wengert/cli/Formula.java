package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.core.expr.ParseException;
import dev.wengert.mixed.LeastSquaresFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model as {@code wengert fit} takes it: {@code RESPONSE ~ MODEL}, or {@code MODEL} alone for
 * the response {@code y}. Both sides are in the expression language; the response names data
 * columns only (Nelson's {@code log(y)}), the model names data columns and parameters — every name
 * that is not a column is a parameter.
 */
record Formula(String text, Expression response, Expression model) {

    static Formula parse(String text, List<String> columns) {
        int tilde = text.indexOf('~');
        String lhs = tilde < 0 ? "y" : text.substring(0, tilde).trim();
        String rhs = tilde < 0 ? text.trim() : text.substring(tilde + 1).trim();
        Expression response = expression(lhs, text);
        Expression model = expression(rhs, text);
        for (String v : response.variables()) {
            if (!columns.contains(v)) {
                throw new UserError("the response " + lhs + " names '" + v + "', which is not a data column ("
                        + String.join(", ", columns) + ")");
            }
        }
        if (model.outputs() != 1 || response.outputs() != 1) {
            throw new UserError("a model has one output on each side of ~, but '" + text + "' has "
                    + response.outputs() + " ~ " + model.outputs());
        }
        return new Formula(text, response, model);
    }

    /** @return the model's parameters: its names that are not data columns, in order */
    List<String> parameters(List<String> columns) {
        List<String> p = new ArrayList<>();
        for (String v : model.variables()) {
            if (!columns.contains(v)) {
                p.add(v);
            }
        }
        return p;
    }

    /** @return the response at each observation */
    double[] responseValues(Map<String, double[]> columns, int m) {
        double[] y = new double[m];
        double[] args = new double[response.inputs()];
        for (int i = 0; i < m; i++) {
            for (int v = 0; v < args.length; v++) {
                args[v] = columns.get(response.variables().get(v))[i];
            }
            y[i] = response.inputs() == 0 ? response.value()[0] : response.value(args)[0];
        }
        return y;
    }

    /**
     * @param columns the data
     * @param parameters the parameters in the order of the start
     * @return a fit of this formula to the data
     */
    LeastSquaresFit fit(Map<String, double[]> columns, List<String> parameters) {
        int m = columns.values().iterator().next().length;
        return LeastSquaresFit.of(model, parameters, columns, responseValues(columns, m));
    }

    private static Expression expression(String side, String whole) {
        try {
            return Expression.parse(side);
        } catch (ParseException e) {
            throw new BadExpression(side, e);
        }
    }
}
