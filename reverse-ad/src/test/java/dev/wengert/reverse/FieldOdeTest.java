package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.ScalarFunction;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.ode.FieldExpandableODE;
import org.apache.commons.math3.ode.FirstOrderFieldDifferentialEquations;
import org.apache.commons.math3.ode.FieldODEState;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaFieldIntegrator;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * Var inside commons-math3's field-generic code: y′ = (Σ pᵢ·gᵢ(t))·y, y(0) = 1, integrated by
 * {@link ClassicalRungeKuttaFieldIntegrator} with a fixed step to T = 1, gᵢ(t) = e<sup>−i·t/20</sup>.
 * Analytically y(T) = exp(Σ pᵢ·Gᵢ) with Gᵢ = ∫₀ᵀ gᵢ = (20/i)(1 − e<sup>−i·T/20</sup>), so
 * ∂y(T)/∂pᵢ = y(T)·Gᵢ: twenty sensitivities from one adjoint sweep.
 */
class FieldOdeTest {

    static final int P = 20;
    static final double T = 1;
    static final double STEP = 1e-3;

    static <T extends RealFieldElement<T>> T finalValue(T[] p) {
        Field<T> field = p[0].getField();
        FirstOrderFieldDifferentialEquations<T> ode = new FirstOrderFieldDifferentialEquations<T>() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public void init(T t0, T[] y0, T finalTime) {
            }

            @Override
            public T[] computeDerivatives(T t, T[] y) {
                T rate = field.getZero();
                for (int i = 1; i <= P; i++) {
                    rate = rate.add(p[i - 1].multiply(t.multiply(-i / 20.0).exp()));
                }
                T[] dy = MathArrays.buildArray(field, 1);
                dy[0] = rate.multiply(y[0]);
                return dy;
            }
        };
        ClassicalRungeKuttaFieldIntegrator<T> rk4 =
                new ClassicalRungeKuttaFieldIntegrator<>(field, field.getZero().add(STEP));
        T[] y0 = MathArrays.buildArray(field, 1);
        y0[0] = field.getOne();
        return rk4.integrate(new FieldExpandableODE<>(ode), new FieldODEState<>(field.getZero(), y0),
                field.getZero().add(T)).getState()[0];
    }

    private static double[] parameters(double scale) {
        double[] p = new double[P];
        for (int i = 0; i < P; i++) {
            p[i] = scale * ((i % 2 == 0 ? 1 : -1) + 0.1 * i);
        }
        return p;
    }

    private static double[] analyticSensitivities(double[] p) {
        double[] g = new double[P];
        double exponent = 0;
        for (int i = 1; i <= P; i++) {
            g[i - 1] = 20.0 / i * (1 - FastMath.exp(-i * T / 20));
            exponent += p[i - 1] * g[i - 1];
        }
        double y = FastMath.exp(exponent);
        for (int i = 0; i < P; i++) {
            g[i] *= y;
        }
        return g;
    }

    @Test
    void sensitivitiesOfAFieldOdeSolutionToTwentyParametersFromOneAdjointSweep() {
        ScalarFunction f = FieldOdeTest::finalValue;
        double[] p = parameters(0.05);
        Recording rec = new ReverseMode().record(f, p);
        double[] sensitivities = rec.gradient();
        double[] expected = analyticSensitivities(p);
        for (int i = 0; i < P; i++) {
            assertEquals(expected[i], sensitivities[i], 1e-10 * Math.abs(expected[i]), "∂y(T)/∂p" + (i + 1));
        }
        // the integrator's time arithmetic is constant-folded, so nothing escaped: replay works
        double[] p2 = parameters(-0.03);
        if (rec.isReplayable()) {
            assertArrayEquals(new ReverseMode().gradient(f, p2), rec.gradient(p2));
        }
        assertEquals(true, rec.isReplayable(), () -> "escape: " + rec.escape());
    }
}
