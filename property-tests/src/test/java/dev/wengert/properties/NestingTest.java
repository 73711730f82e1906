package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.forward.HyperDual;
import dev.wengert.forward.UnivariateScalarFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * Nested differentiation and perturbation confusion (Siskind &amp; Pearlmutter). Wengert's number
 * types do not nest — there is no {@code Dual<Dual>}, and no Var of Vars — so the classic
 * d/dx [x · d/dy (x + y)] is expressible only through the second-order constructs, where the two
 * perturbations are distinct by construction: HyperDual's ε1 and ε2, and second-order adjoints
 * (a tangent sweep under an adjoint sweep). There, x · d/dy(x + y) = ∂/∂y [x·(x + y)], so the
 * answer is the mixed partial ∂²/∂x∂y [x·(x + y)] = 1 at any point, and confusion (tagging both
 * perturbations alike) would give 2.
 *
 * <p>What is <b>not</b> supported: calling a differentiator inside a function that another
 * differentiator is running. The inner call needs a {@code double} point, so it reads the outer
 * number's value ({@code getReal()}); its result re-enters the outer computation as a constant,
 * and the outer derivative silently misses the inner derivative's dependence on x. Forward mode
 * cannot detect this; reverse mode records it as an escape (the recording refuses replay) but
 * still differentiates with the inner result held constant. The last two tests pin this down.
 */
class NestingTest {

    /** x·(x + y), whose mixed partial is d/dx [x · d/dy (x + y)]. */
    private static <T extends RealFieldElement<T>> T classic(T[] v) {
        return v[0].multiply(v[0].add(v[1]));
    }

    /** x·x·y, whose mixed partial is d/dx [x · d/dy (x·y)] = 2x. */
    private static <T extends RealFieldElement<T>> T product(T[] v) {
        return v[0].multiply(v[0].multiply(v[1]));
    }

    @Test
    void hyperDualGivesTheClassicNestedDerivativeWithoutPerturbationConfusion() {
        for (double y : new double[] {0, 1, -2.5}) {
            HyperDual x1 = HyperDual.of(1, 1, 0, 0);    // ε1 perturbs x
            HyperDual yy = HyperDual.of(y, 0, 1, 0);    // ε2 perturbs y
            assertEquals(1.0, classic(new HyperDual[] {x1, yy}).getEps12());
            assertEquals(2.0, product(new HyperDual[] {x1, yy}).getEps12());
        }
    }

    @Test
    void everyHessianGivesTheClassicMixedPartial() {
        ScalarFunction f = NestingTest::classic;
        ScalarFunction g = NestingTest::product;
        double[] point = {1, 0.5};
        assertEquals(1.0, new ForwardMode().hessian(f, point)[0][1]);
        assertEquals(1.0, new ReverseMode().hessian(f, point)[0][1]);
        assertEquals(1.0, new ReverseMode().hessian(f, point)[1][0]);
        assertEquals(2.0, new ForwardMode().hessian(g, point)[1][0]);
        assertEquals(2.0, new ReverseMode().hessian(g, point)[0][1]);
        for (Modes.Named mode : Modes.exact()) {
            assertEquals(1.0, mode.differentiator.hessian(f, point)[0][1], mode.name);
            assertEquals(2.0, mode.differentiator.hessian(g, point)[0][1], mode.name);
        }
    }

    /** x · (d/dy of x·y at y = 1, by an inner ForwardMode call at the value of x). */
    private static final UnivariateScalarFunction OUTER = new UnivariateScalarFunction() {
        @Override
        public <T extends RealFieldElement<T>> T value(T x) {
            double xValue = x.getReal();   // the inner differentiator needs a double
            double inner = new ForwardMode().derivative(new UnivariateScalarFunction() {
                @Override
                public <U extends RealFieldElement<U>> U value(U y) {
                    return y.multiply(xValue);
                }
            }, 1.0);
            return x.multiply(inner);
        }
    };

    @Test
    void aDifferentiatorCalledInsideForwardModeSeesOnlyTheValueAndIsNotNesting() {
        // true answer d/dx [x · x] = 2 at x = 1; the inner result enters as a constant: 1
        assertEquals(1.0, new ForwardMode().derivative(OUTER, 1.0));
    }

    @Test
    void reverseModeCalledInsideForwardModeSeesOnlyTheValueAndIsNotNesting() {
        UnivariateScalarFunction outer = new UnivariateScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T x) {
                double xValue = x.getReal();
                ScalarFunction inner = new ScalarFunction() {
                    @Override
                    public <U extends RealFieldElement<U>> U value(U[] y) {
                        return y[0].multiply(xValue);
                    }
                };
                return x.multiply(new ReverseMode().gradient(inner, new double[] {1.0})[0]);
            }
        };
        // d/dx [x · d/dy (x·y)] = 2x = 2 at x = 1; the inner gradient enters as a constant: 1
        assertEquals(1.0, new ForwardMode().derivative(outer, 1.0));
        assertEquals(0.0, new ForwardMode().secondDerivative(outer, 1.0));   // and f″ = 0, not 2
    }

    @Test
    void aDifferentiatorCalledInsideReverseModeIsAnEscapeAndIsNotNesting() {
        ScalarFunction f = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return OUTER.value(x[0].multiply(1.0));   // a computed value, so reading it escapes
            }
        };
        Recording r = new ReverseMode().record(f, new double[] {1});
        assertFalse(r.isReplayable());
        assertEquals(1.0, r.gradient()[0]);   // not 2: the inner derivative is held constant
    }

    @Test
    void aDifferentiatorCalledOnAnInputInsideReverseModeRefusesReplay() {
        ScalarFunction f = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return OUTER.value(x[0]);   // the inner ForwardMode reads the input's value
            }
        };
        Recording r = new ReverseMode().record(f, new double[] {1});
        assertFalse(r.isReplayable());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.gradient(new double[] {3}));
        assertTrue(e.getMessage().contains("input 0"), e.getMessage());
    }
}
