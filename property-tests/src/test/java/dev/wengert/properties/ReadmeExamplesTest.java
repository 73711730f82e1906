package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/** The README's code, run: if this fails, the README is wrong. */
class ReadmeExamplesTest {

    static <T extends RealFieldElement<T>> T z(T[] v) {
        return v[0].multiply(v[1]).add(Functions.square(v[0]));
    }

    static <T extends RealFieldElement<T>> T energy(T[] x) {
        return x[0].multiply(x[1]).sin().add(x[0].pow(2));
    }

    static <T extends RealFieldElement<T>> T[] model(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 2);
        f[0] = x[0].exp().multiply(x[1]);
        f[1] = x[1].atan2(x[0]);
        return f;
    }

    static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i += 2) {
            T a = x[i + 1].subtract(x[i].multiply(x[i]));
            T b = x[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        return sum;
    }

    @Test
    void theOpeningExampleGivesSevenAndTwo() {
        Differentiator d = new ReverseMode();
        assertArrayEquals(new double[] {7, 2}, d.gradient(ReadmeExamplesTest::z, new double[] {2, 3}), 0);
    }

    @Test
    void forwardModeSectionRuns() {
        ForwardMode forward = new ForwardMode();
        double[] g = forward.gradient(ReadmeExamplesTest::energy, new double[] {1.0, 2.0});
        double[][] j = forward.jacobian(ReadmeExamplesTest::model, new double[] {1.0, 2.0});
        double[][] h = forward.hessian(ReadmeExamplesTest::energy, new double[] {1.0, 2.0});
        assertEquals(2 * Math.cos(2) + 2, g[0], 1e-14);
        assertEquals(Math.exp(1) * 2, j[0][0], 1e-14);
        assertEquals(h[0][1], h[1][0], 0);
    }

    @Test
    void reverseModeSectionRecordsOnceAndReplays() {
        ReverseMode reverse = new ReverseMode();
        ScalarFunction f = ReadmeExamplesTest::rosenbrock;
        double[] x = {-1.2, 1, 0.5, 0.5};
        double[] g = reverse.gradient(f, x);
        Recording rec = reverse.record(f, x);
        double[][] h = rec.hessian();
        assertEquals(1200 * 1.44 - 400 + 2, h[0][0], 1e-12);
        for (double[] p : List.of(new double[] {1, 1, 1, 1}, new double[] {0.3, -0.2, 2, 4})) {
            g = rec.gradient(p);
            assertArrayEquals(reverse.gradient(f, p), g, 0);
        }
    }

    @Test
    void expressionSectionRuns() {
        Expression z = Expression.parse("x*y + x^2");
        assertArrayEquals(new double[] {7, 2}, new ReverseMode().gradient(z.asScalarFunction(), new double[] {2, 3}), 0);
        double[][] j = new ForwardMode().jacobian(Expression.parse("x*y; sin(x)"), new double[] {2, 3});
        assertArrayEquals(new double[] {3, 2}, j[0], 0);
        assertEquals(Math.cos(2), j[1][0], 1e-15);
        Expression net = Expression.parse("sigmoid(w2*relu(w1*x + b1) + b2)", List.of("x", "w1", "b1", "w2", "b2"));
        assertEquals(0.9999724643088853, net.value(2, 3, 4, 1, 0.5)[0], 0);
        Expression shared = Expression.parse("t = x*y; t + sin(t)");
        assertEquals(1, shared.outputs());
        assertThrows(dev.wengert.core.expr.ParseException.class, () -> Expression.parse("x*y +"));
    }
}
