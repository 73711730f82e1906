package dev.wengert.properties;

import static java.lang.Double.NaN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.ReverseMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/singular-points.md, mode by mode: where an exact zero made by a
 * <em>sum</em> meets an infinite or NaN partial, forward and reverse mode multiply in different
 * orders and may differ; mixed mode then takes the tangent order, in its dense Jacobian, its
 * sparse Jacobian and its gradient alike.
 */
class SingularPointsTest {

    private static final List<String> XY = List.of("x", "y");

    @Test
    void aZeroMadeByASumIsSeenByForwardModeOnly() {
        Expression e = Expression.parse("hypot(x - x, y - y) + x", XY);
        double[] x = {1, 2};
        assertArrayEquals(new double[] {1, 0}, new ForwardMode().gradient(e.asScalarFunction(), x));
        assertArrayEquals(new double[] {NaN, NaN}, new ReverseMode().gradient(e.asScalarFunction(), x));
        assertArrayEquals(new double[] {1, 0}, new MixedMode().jacobian(e, x)[0]);
        assertArrayEquals(new double[] {1, 0}, new MixedMode().sparseJacobian(e, x).toDense()[0]);
        assertArrayEquals(new double[] {1, 0}, new MixedMode().gradient(e.asScalarFunction(), x));
    }

    @Test
    void aZeroMadeByASumOfAdjointsIsSeenByReverseModeOnly() {
        Expression e = Expression.parse("sqrt(x) - sqrt(x) + y", XY);
        double[] x = {0, 2};
        assertArrayEquals(new double[] {NaN, 1}, new ForwardMode().gradient(e.asScalarFunction(), x));
        assertArrayEquals(new double[] {0, 1}, new ReverseMode().gradient(e.asScalarFunction(), x));
        assertArrayEquals(new double[] {NaN, 1}, new MixedMode().jacobian(e, x)[0]);
        assertArrayEquals(new double[] {NaN, 1}, new MixedMode().sparseJacobian(e, x).toDense()[0]);
        // the gradient is one adjoint sweep, and keeps its finite answer (docs/singular-points.md)
        assertArrayEquals(new double[] {0, 1}, new MixedMode().gradient(e.asScalarFunction(), x));
    }

    @Test
    void normsAtTheOriginHaveAZeroGradientInEveryMode() {
        for (String text : List.of("sqrt(x*x + y*y)", "sqrt(x^2 + y^2)", "sqrt(square(x) + square(y))")) {
            Expression e = Expression.parse(text, XY);
            double[] origin = {0, 0};
            for (Modes.Named m : Modes.exact()) {
                assertArrayEquals(new double[] {0, 0}, m.differentiator.gradient(e.asScalarFunction(), origin),
                        text + " by " + m.name);
                assertArrayEquals(new double[] {0, 0}, m.differentiator.jacobian(e, origin)[0], text + " by " + m.name);
            }
        }
    }
}
