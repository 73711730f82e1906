package dev.wengert.properties;

import static java.lang.Double.NEGATIVE_INFINITY;
import static java.lang.Double.NaN;
import static java.lang.Double.POSITIVE_INFINITY;

import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * At each singular point of the conventions table (the javadoc of {@code dev.wengert.core.Rules},
 * and docs/modes.md), every mode returns the tabled value, first derivatives and — for the unary
 * rows — second derivative: forward mode (DualVector, chunked one tangent per pass, Dual jvp,
 * HyperDual Hessian), reverse mode (adjoint sweep, tangent sweep, second-order adjoints), and
 * every other mode in {@link Modes#exact()}. Equality is exact; NaN equals NaN, −0.0 equals 0.0.
 */
class ConventionsTest {

    /** One row: a program, a point, its value, gradient and (one input) second derivative. */
    private static final class Row {
        final String text;
        final double[] x;
        final double value;
        final double[] gradient;
        final double second;

        Row(String text, double[] x, double value, double[] gradient, double second) {
            this.text = text;
            this.x = x;
            this.value = value;
            this.gradient = gradient;
            this.second = second;
        }

        @Override
        public String toString() {
            return text + " at " + Arrays.toString(x);
        }
    }

    /** In the second-derivative column: not tabled (binary rows, and where the table is silent). */
    private static final double UNTABLED = -12345;

    private static List<Row> table() {
        List<Row> t = new ArrayList<>();
        unary(t, "abs(x)", 0.0, 0.0, 1, 0);
        unary(t, "abs(x)", -0.0, 0.0, -1, 0);
        unary(t, "sqrt(x)", 0.0, 0.0, POSITIVE_INFINITY, NEGATIVE_INFINITY);
        unary(t, "sqrt(x)", -1, NaN, NaN, NaN);
        unary(t, "cbrt(x)", 0.0, 0.0, POSITIVE_INFINITY, NEGATIVE_INFINITY);
        unary(t, "rootN(x, 3)", 0.0, 0.0, POSITIVE_INFINITY, NEGATIVE_INFINITY);
        unary(t, "rootN(x, 3)", -8, -2, 1.0 / 12, UNTABLED);
        unary(t, "x^0.0", 0.0, 1, 0, 0);
        unary(t, "x^0.0", -3, 1, 0, 0);
        unary(t, "x^0", 0.0, 1, 0, 0);
        unary(t, "x^2.5", 0.0, 0.0, 0, UNTABLED);
        unary(t, "x^1.0", 0.0, 0.0, 1, 0);
        unary(t, "x^0.5", 0.0, 0.0, POSITIVE_INFINITY, UNTABLED);
        binary(t, "pow(x, y)", 0.0, 0.0, 1, 0, NEGATIVE_INFINITY);
        binary(t, "pow(x, y)", 0.0, 2, 0.0, 0, 0);
        binary(t, "pow(x, y)", 0.0, -1, POSITIVE_INFINITY, NEGATIVE_INFINITY, NEGATIVE_INFINITY);
        binary(t, "pow(x, y)", -2, 3, -8, 12, NaN);
        unary(t, "log(x)", 0.0, NEGATIVE_INFINITY, POSITIVE_INFINITY, NEGATIVE_INFINITY);
        unary(t, "log1p(x)", -1, NEGATIVE_INFINITY, POSITIVE_INFINITY, NEGATIVE_INFINITY);
        // outside the domain: no value, no derivative
        unary(t, "log(x)", -1, NaN, NaN, NaN);
        unary(t, "log1p(x)", -2, NaN, NaN, NaN);
        unary(t, "acosh(x)", -2, NaN, NaN, NaN);
        unary(t, "atanh(x)", 2, NaN, NaN, NaN);
        unary(t, "log(x) + x", -1, NaN, NaN, NaN);
        // a zero partial never multiplies a derivative: the infinite sqrt′ meets the zero 2x
        unary(t, "sqrt(x*x)", 0.0, 0.0, 0, UNTABLED);
        unary(t, "sqrt(x^2)", 0.0, 0.0, 0, UNTABLED);
        binary(t, "sqrt(x^2 + y^2)", 0.0, 0.0, 0.0, 0, 0);
        binary(t, "hypot(x*y, y)", 0.0, 0.0, 0.0, 0, NaN);
        unary(t, "0*sqrt(x) + x", 0.0, 0.0, 1, UNTABLED);
        binary(t, "atan2(x, y)", 0.0, 0.0, 0.0, NaN, NaN);
        binary(t, "atan2(x, y)", 0.0, -0.0, FastMath.PI, NaN, NaN);
        binary(t, "atan2(x, y)", -0.0, -0.0, -FastMath.PI, NaN, NaN);
        binary(t, "hypot(x, y)", 0.0, 0.0, 0.0, NaN, NaN);
        binary(t, "hypot(x, y)", POSITIVE_INFINITY, 1, POSITIVE_INFINITY, 0, 0);
        binary(t, "max(x, y)", 1.5, 1.5, 1.5, 0.5, 0.5);
        binary(t, "min(x, y)", 1.5, 1.5, 1.5, 0.5, 0.5);
        unary(t, "relu(x)", 0.0, 0.0, 0, 0);
        binary(t, "remainder(x, y)", 5, 3, -1, 1, -2);
        unary(t, "floor(x)", 1.0, 1.0, 0, 0);
        unary(t, "ceil(x)", 1.0, 1.0, 0, 0);
        unary(t, "rint(x)", 0.5, 0.0, 0, 0);
        unary(t, "signum(x)", 0.0, 0.0, 0, 0);
        binary(t, "copySign(x, y)", 2, -1, -2, -1, 0);
        binary(t, "copySign(x, y)", 2, -0.0, -2, -1, 0);
        unary(t, "copySign(x, -0.0)", 2, -2, -1, 0);
        unary(t, "reciprocal(x)", 0.0, POSITIVE_INFINITY, NEGATIVE_INFINITY, POSITIVE_INFINITY);
        binary(t, "x/y", 1, 0.0, POSITIVE_INFINITY, POSITIVE_INFINITY, NEGATIVE_INFINITY);
        // a zero tangent never multiplies a partial: ∂(x^c)/∂c · 0 is not NaN at x < 0
        unary(t, "x^(2)", -1, 1, -2, 2);
        return t;
    }

    private static void unary(List<Row> t, String text, double x, double value, double first, double second) {
        t.add(new Row(text, new double[] {x}, value, new double[] {first}, second));
    }

    private static void binary(List<Row> t, String text, double x, double y, double value, double dx, double dy) {
        t.add(new Row(text, new double[] {x, y}, value, new double[] {dx, dy}, UNTABLED));
    }

    @Test
    void everyModeReturnsTheTabledValueAndDerivativesAtEverySingularPoint() {
        List<String> failures = new ArrayList<>();
        for (Row row : table()) {
            Expression e = row.x.length == 1 ? Expression.parse(row.text, List.of("x"))
                    : Expression.parse(row.text, List.of("x", "y"));
            ScalarFunction f = e.asScalarFunction();
            check(failures, row, "double value", row.value, e.value(row.x)[0]);
            List<Differentiator> modes = new ArrayList<>(List.of(new ForwardMode(), new ForwardMode(1),
                    new ReverseMode()));
            for (Modes.Named named : Modes.exact()) {
                modes.add(named.differentiator);
            }
            for (Differentiator d : modes) {
                String name = d.toString().contains("chunkSize=1]") ? "forward (chunk 1)" : d.name();
                double[] g = d.gradient(f, row.x);
                double[][] jv = new double[row.x.length][];
                for (int j = 0; j < row.x.length; j++) {
                    double[] v = new double[row.x.length];
                    v[j] = 1;
                    jv[j] = d.jvp(e, row.x, v);
                    check(failures, row, name + " gradient[" + j + "]", row.gradient[j], g[j]);
                    check(failures, row, name + " jvp e" + j, row.gradient[j], jv[j][0]);
                }
                double[] vj = d.vjp(e, row.x, new double[] {1});
                for (int j = 0; j < row.x.length; j++) {
                    check(failures, row, name + " vjp[" + j + "]", row.gradient[j], vj[j]);
                }
                if (row.second != UNTABLED) {
                    check(failures, row, name + " Hessian", row.second, d.hessian(f, row.x)[0][0]);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " departures from the conventions table:\n"
                    + String.join("\n", failures));
        }
    }

    private static void check(List<String> failures, Row row, String what, double expected, double actual) {
        boolean same = Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual;
        if (!same) {
            failures.add("  " + row + ": " + what + " is " + actual + ", the table says " + expected);
        }
    }
}
