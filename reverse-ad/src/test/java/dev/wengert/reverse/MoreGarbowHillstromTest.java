package dev.wengert.reverse;

import static dev.wengert.reverse.Reference.assertClose;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.MoreGarbowHillstrom.Problem;
import dev.wengert.core.testing.Seed;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * Moré, Garbow and Hillstrom, "Testing unconstrained optimization software" (1981): residuals
 * F: Rⁿ → Rᵐ with Jacobians derived by hand (ad-core's shared test fixture
 * {@link MoreGarbowHillstrom}). Reverse-mode Jacobians must agree with them and with DerivativeStructure (order 1) to 1e-13 relative; Hessians of Σ Fᵢ² with
 * DerivativeStructure (order 2) to 1e-12 of the largest entry; values with Decimal64 bit for bit.
 */
class MoreGarbowHillstromTest {

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void jacobiansAgreeWithHandDerivedOnesAndDerivativeStructure() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            for (double[] x : p.points()) {
                String at = p.name() + " at " + java.util.Arrays.toString(x);
                double[][] jac = reverse.jacobian(p.residuals(), x);
                assertClose(p.jacobian().apply(x), jac, 1e-13, 1e-300, at + " vs hand-derived");
                assertClose(Reference.jacobian(p.residuals(), x), jac, 1e-13, 1e-300, at + " vs DerivativeStructure");
                Recording rec = reverse.record(p.residuals(), x);
                double[] y = rec.values();
                double[] expected = Reference.values(p.residuals(), x);
                for (int i = 0; i < y.length; i++) {
                    org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(expected[i]),
                            Double.doubleToRawLongBits(y[i]), at + " value " + i + " vs Decimal64");
                }
            }
        }
    }

    @Test
    void hessiansOfSumOfSquaresAgreeWithDerivativeStructureOrderTwo() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            ScalarFunction phi = new ScalarFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] x) {
                    T[] r = p.residuals().value(x);
                    T s = r[0].multiply(r[0]);
                    for (int i = 1; i < r.length; i++) {
                        s = s.add(r[i].multiply(r[i]));
                    }
                    return s;
                }
            };
            for (double[] x : p.points()) {
                String at = p.name() + " at " + java.util.Arrays.toString(x);
                double[][] h = reverse.hessian(phi, x);
                double[][] ds = Reference.hessian(phi, x);
                assertClose(ds, h, 1e-12, Reference.maxAbs(ds), at + " Hessian vs DerivativeStructure");
                for (int i = 0; i < h.length; i++) {
                    for (int j = 0; j < i; j++) {
                        assertClose(h[i][j], h[j][i], 1e-12, Reference.maxAbs(h), at + " symmetry " + i + "," + j);
                    }
                }
                double[] g = Reference.gradient(phi, x);
                assertClose(g, reverse.gradient(phi, x), 1e-13, gradientScale(p, x), at + " gradient");
            }
        }
    }

    /**
     * The scale of ∇Σrᵢ² = Σ 2rᵢ∇rᵢ before cancellation: max over j of Σᵢ |2 rᵢ ∂rᵢ/∂xⱼ|. Near an
     * optimum the gradient cancels to far below its terms, and each term's rounding is relative to
     * this scale, not to the small result.
     */
    private static double gradientScale(Problem p, double[] x) {
        double[] r = Reference.values(p.residuals(), x);
        double[][] jac = p.jacobian().apply(x);
        double scale = 0;
        for (int j = 0; j < x.length; j++) {
            double terms = 0;
            for (int i = 0; i < r.length; i++) {
                terms += Math.abs(2 * r[i] * jac[i][j]);
            }
            scale = Math.max(scale, terms);
        }
        return scale;
    }

    @Test
    void extendedRosenbrockGradientAndHessianAreExactAtHundredInputs() {
        ScalarFunction f = Seed::rosenbrock;
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -1.2 + 0.01 * i : 1 - 0.005 * i;
        }
        double[] expected = Seed.rosenbrockGradient(x);
        double[][] hand = Seed.rosenbrockHessian(x);
        Recording rec = reverse.record(f, x);
        assertClose(expected, rec.gradient(), 1e-13, 1e-300, "gradient vs hand-derived");
        assertClose(Reference.gradient(f, x), rec.gradient(), 1e-13, 1e-300, "gradient vs DerivativeStructure");
        double[][] h = rec.hessian();
        assertClose(hand, h, 1e-12, Reference.maxAbs(hand), "Hessian vs hand-derived");
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < i; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(h[i][j], h[j][i], 1e-12 * Reference.maxAbs(h));
            }
        }
    }
}
