package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.testing.Seed;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/** The seed article's examples, the reused node and the points of the conventions table. */
class SeedExamplesTest {

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void productOfThreeAndFourIsTwelve() {
        ScalarFunction f = Seed::product;
        Recording rec = reverse.record(f, new double[] {3, 4});
        assertEquals(12.0, rec.value());
        assertArrayEquals(new double[] {4, 3}, rec.gradient());
    }

    @Test
    void xyPlusXSquaredIsTenWithGradientSevenTwo() {
        ScalarFunction f = Seed::xyPlusXSquared;
        Recording rec = reverse.record(f, new double[] {2, 3});
        assertEquals(10.0, rec.value());
        assertArrayEquals(new double[] {7, 2}, rec.gradient());
        TapeView view = rec.view();
        assertEquals(5, view.size(), "two inputs, ×, square, +");
        assertEquals("v2 = v0 * v1", view.format(2));
        assertEquals("v3 = square(v0)", view.format(3));
        assertEquals("v4 = v2 + v3", view.format(4));
        assertArrayEquals(new double[] {7, 2, 1, 1, 1}, rec.adjoints(new double[] {1}), "adjoint column");
        assertArrayEquals(new double[] {1, 0, 3, 4, 7}, rec.tangents(new double[] {1, 0}), "tangent column");
    }

    @Test
    void twoLayerNetworkMatchesTheArticle() {
        double[] p = {2, 3, 4, 1, 0.5};
        ScalarFunction f = Seed::twoLayer;
        Recording rec = reverse.record(f, p);
        assertEquals(0.9999724643088853, rec.value());
        double s = UnaryRule.SIGMOID.value(10.5);
        assertEquals(s * (1 - s), s * UnaryRule.SIGMOID.value(-10.5), 1e-11 * s * (1 - s));
        double sPrime = s * UnaryRule.SIGMOID.value(-10.5);   // σ(10.5)(1 − σ(10.5)) without cancellation
        double[] expected = {3 * sPrime, 2 * sPrime, sPrime, 10 * sPrime, sPrime};
        double[] g = rec.gradient();
        for (int j = 0; j < 5; j++) {
            assertEquals(expected[j], g[j], 1e-15 * Math.abs(expected[j]) + 1e-20, "gradient " + j);
        }
        assertTrue(rec.isReplayable(), "relu and sigmoid are tape entries, not escapes");
    }

    @Test
    void reusedNodeAccumulatesItsAdjoint() {
        Tape tape = new Tape();
        Var a = tape.input(1);
        Var b = a.add(a);
        Var c = b.add(b);
        Recording rec = tape.record(c);
        assertEquals(4.0, rec.value());
        assertArrayEquals(new double[] {4}, rec.gradient());
        assertArrayEquals(new double[][] {{0}}, rec.hessian());
    }

    // ------------------------------------------------------------------ conventions table

    private double[] grad(ScalarFunction f, double... x) {
        return reverse.gradient(f, x);
    }

    @Test
    void conventionsTablePointsHold() {
        ScalarFunction abs = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].abs(); }
        };
        assertArrayEquals(new double[] {1}, grad(abs, 0.0));
        assertArrayEquals(new double[] {-1}, grad(abs, -0.0));
        ScalarFunction sqrt = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].sqrt(); }
        };
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY}, grad(sqrt, 0.0));
        ScalarFunction powZero = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].pow(0.0); }
        };
        assertArrayEquals(new double[] {0}, grad(powZero, 0.0));
        ScalarFunction pow = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].pow(x[1]); }
        };
        assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY}, grad(pow, 0, 0));
        assertArrayEquals(new double[] {0, 0}, grad(pow, 0, 2));
        ScalarFunction max = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return Functions.max(x[0], x[1]); }
        };
        assertArrayEquals(new double[] {0.5, 0.5}, grad(max, 1, 1));
        ScalarFunction relu = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return Functions.relu(x[0]); }
        };
        assertArrayEquals(new double[] {0}, grad(relu, 0));
        ScalarFunction atan2 = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].atan2(x[1]); }
        };
        double[] g = grad(atan2, 0, 0);
        assertTrue(Double.isNaN(g[0]) && Double.isNaN(g[1]), "atan2 at the origin: NaN");
        ScalarFunction hypot = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].hypot(x[1]); }
        };
        assertArrayEquals(new double[] {0, 0}, grad(hypot, Double.POSITIVE_INFINITY, 1));
        ScalarFunction floor = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return x[0].floor(); }
        };
        assertArrayEquals(new double[] {0}, grad(floor, 2.5));
    }

    @Test
    void zeroAdjointNeverMultipliesAnInfinitePartial() {
        ScalarFunction f = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0].add(x[1].sqrt().multiply(0.0));
            }
        };
        assertArrayEquals(new double[] {1, 0}, grad(f, 3, 0), "not NaN: sqrt′(0) = ∞ meets adjoint 0");
        ScalarFunction h = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0].add(x[1].sqrt().multiply(0.0)).multiply(x[0]);
            }
        };
        Recording rec = reverse.record(h, new double[] {3, 0});
        assertArrayEquals(new double[] {2, 0}, rec.hessianVector(new double[] {1, 0}),
                "sqrt″(0) = −∞ meets adjoint 0 and tangent 0");
    }

    @Test
    void powerOfNegativeBaseByConstantExponentHasTheRealDerivative() {
        Tape tape = new Tape();
        Var x = tape.input(-1);
        Recording rec = tape.record(x.pow(tape.constant(2)));
        assertArrayEquals(new double[] {-2}, rec.gradient(), "the NaN ∂y of a constant exponent is never used");
        Tape t2 = new Tape();
        Var x2 = t2.input(-1);
        assertArrayEquals(new double[] {-2}, t2.record(x2.pow(2.0)).gradient());
    }
}
