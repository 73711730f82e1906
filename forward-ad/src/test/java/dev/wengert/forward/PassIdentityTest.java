package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import java.util.Arrays;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * Numbers of different forward-mode passes never combine: each pass's inputs carry a pass
 * identity, and a number kept from an earlier pass (a cache inside f) is refused.
 */
class PassIdentityTest {

    /**
     * f(x) = s² with s = Σ xⱼ, memoised on the point: the cached s keeps the tangents of the pass
     * that computed it. ∂f/∂xⱼ = 2s.
     */
    static final class Memoised implements ScalarFunction {
        private double[] lastPoint;
        private Object lastSum;

        @Override
        @SuppressWarnings("unchecked")
        public <T extends RealFieldElement<T>> T value(T[] x) {
            double[] p = new double[x.length];
            for (int j = 0; j < p.length; j++) {
                p[j] = x[j].getReal();
            }
            if (!Arrays.equals(p, lastPoint)) {
                T s = x[0];
                for (int j = 1; j < x.length; j++) {
                    s = s.add(x[j]);
                }
                lastPoint = p;
                lastSum = s;
            }
            T s = (T) lastSum;
            return s.multiply(s);
        }
    }

    private static void assertMixedPasses(IllegalArgumentException e) {
        assertTrue(e.getMessage().contains("different forward-mode passes")
                || e.getMessage().contains("belongs to pass"), e.getMessage());
    }

    @Test
    void aCacheAcrossTheChunksOfOneGradientIsRefused() {
        double[] x = new double[128];
        Arrays.fill(x, 0.25);   // s = 32, gradient 64 everywhere
        ForwardMode forward = new ForwardMode(64);
        assertMixedPasses(assertThrows(IllegalArgumentException.class, () -> forward.gradient(new Memoised(), x)));
        ScalarFunction uncached = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] y) {
                return new Memoised().value(y);   // no cache across passes: right
            }
        };
        double[] g = forward.gradient(uncached, x);
        double[] expected = new double[128];
        Arrays.fill(expected, 64);
        assertArrayEquals(expected, g);
    }

    @Test
    void aCacheAcrossHessianPairsIsRefused() {
        assertMixedPasses(assertThrows(IllegalArgumentException.class,
                () -> new ForwardMode().hessian(new Memoised(), new double[] {1, 2})));
    }

    @Test
    void aCacheAcrossTwoCallsIsRefused() {
        Memoised f = new Memoised();
        ForwardMode forward = new ForwardMode();
        double[] x = {1, 2};
        assertEquals(6.0, forward.directionalDerivative(f, x, new double[] {1, 0}));
        // same point, another direction: the cached sum carries the first call's tangent
        assertMixedPasses(assertThrows(IllegalArgumentException.class,
                () -> forward.directionalDerivative(f, x, new double[] {0, 1})));
        VectorFunction asVector = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] v) {
                return singleton(f.value(v));
            }
        };
        assertMixedPasses(assertThrows(IllegalArgumentException.class,
                () -> forward.jvp(asVector, x, new double[] {0, 1})));
    }

    @Test
    void anOutputKeptFromAnEarlierPassIsRefused() {
        VectorFunction keep = new VectorFunction() {
            private Object kept;

            @Override
            @SuppressWarnings("unchecked")
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                if (kept == null) {
                    kept = x[0].multiply(x[1]);
                }
                return singleton((T) kept);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ForwardMode(1).jacobian(keep, new double[] {3, 4}));
        assertTrue(e.getMessage().contains("output 0 of f belongs to pass"), e.getMessage());
    }

    @Test
    void constantsAndCallerSeededNumbersCombineWithAnyPass() {
        ScalarFunction withConstants = new ScalarFunction() {
            private Object three;

            @Override
            @SuppressWarnings("unchecked")
            public <T extends RealFieldElement<T>> T value(T[] x) {
                if (three == null) {
                    three = x[0].getField().getOne().multiply(3);   // a constant: no pass
                }
                return x[0].multiply(x[1]).multiply((T) three);
            }
        };
        ForwardMode forward = new ForwardMode(1);
        assertArrayEquals(new double[] {12, 9}, forward.gradient(withConstants, new double[] {3, 4}));
        assertArrayEquals(new double[] {12, 9}, forward.gradient(withConstants, new double[] {3, 4}));
        // numbers from the public factories belong to no pass: the caller seeds them
        Dual a = Dual.variable(2);
        assertEquals(4.0, a.multiply(Dual.of(3, 0.5)).getTangent());
        assertEquals(7.0, forward.derivative(new UnivariateScalarFunction() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends RealFieldElement<T>> T value(T x) {
                return x.multiply((T) Dual.of(7, 0));
            }
        }, 1));
    }

    @Test
    void aNumberOfAnotherKindIsNamed() {
        Decimal64 foreign = new Decimal64(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ForwardMode().gradient(new ScalarFunction() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T extends RealFieldElement<T>> T value(T[] x) {
                        return x[0].multiply((T) (Object) foreign);
                    }
                }, new double[] {1}));
        assertTrue(e.getMessage().contains("with a number of another kind"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ForwardMode().hessian(new ScalarFunction() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T extends RealFieldElement<T>> T value(T[] x) {
                        return (T) (Object) foreign;
                    }
                }, new double[] {1}));
        assertTrue(e.getMessage().contains("is a org.apache.commons.math3.util.Decimal64, but forward mode ran f"
                + " on HyperDuals"), e.getMessage());
    }

    static <T extends RealFieldElement<T>> T[] singleton(T y) {
        T[] out = MathArrays.buildArray(y.getField(), 1);
        out[0] = y;
        return out;
    }
}
