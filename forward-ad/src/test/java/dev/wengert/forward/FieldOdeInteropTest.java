package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.ode.FieldExpandableODE;
import org.apache.commons.math3.ode.FieldODEState;
import org.apache.commons.math3.ode.FirstOrderFieldDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaFieldIntegrator;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * The forward types run inside commons-math3's field-generic code: y′ = −p·y, y(0) = y0 integrated
 * with {@link ClassicalRungeKuttaFieldIntegrator} over {@link Dual} and {@link DualVector} gives
 * the sensitivities of y(T) = y0·e<sup>−pT</sup>: ∂y/∂p = −T·y0·e<sup>−pT</sup> and
 * ∂y/∂y0 = e<sup>−pT</sup>. Forward mode differentiates the discrete RK4 scheme exactly; its
 * derivatives converge to the analytic ones at the scheme's order (h⁴; h = 10⁻³ here, so agreement
 * to 1e-11 relative).
 */
class FieldOdeInteropTest {

    private static final double P = 0.7;
    private static final double Y0 = 2.5;
    private static final double END = 1.5;

    /** y(END) for y′ = −p·y, y(0) = y0, by RK4 with step 10⁻³, over any field. */
    static <T extends RealFieldElement<T>> T solve(T p, T y0) {
        Field<T> field = p.getField();
        FirstOrderFieldDifferentialEquations<T> decay = new FirstOrderFieldDifferentialEquations<T>() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public void init(T t0, T[] state, T finalTime) {
            }

            @Override
            public T[] computeDerivatives(T t, T[] y) {
                T[] dy = MathArrays.buildArray(field, 1);
                dy[0] = p.multiply(y[0]).negate();
                return dy;
            }
        };
        T[] start = MathArrays.buildArray(field, 1);
        start[0] = y0;
        ClassicalRungeKuttaFieldIntegrator<T> rk4 =
                new ClassicalRungeKuttaFieldIntegrator<>(field, field.getZero().add(1e-3));
        return rk4.integrate(new FieldExpandableODE<>(decay), new FieldODEState<>(field.getZero(), start),
                field.getZero().add(END)).getState()[0];
    }

    @Test
    void rungeKuttaOverDualGivesTheSensitivityToTheRate() {
        Dual y = solve(Dual.variable(P), Dual.constant(Y0));
        double e = Math.exp(-P * END);
        assertEquals(Y0 * e, y.getValue(), 1e-11 * Y0 * e);
        assertEquals(-END * Y0 * e, y.getTangent(), 1e-11 * END * Y0 * e);
        Dual z = solve(Dual.constant(P), Dual.variable(Y0));
        assertEquals(e, z.getTangent(), 1e-11 * e);
    }

    @Test
    void rungeKuttaOverDualVectorGivesBothSensitivitiesInOnePass() {
        DualVector y = solve(DualVector.variable(P, 0, 2), DualVector.variable(Y0, 1, 2));
        double e = Math.exp(-P * END);
        assertEquals(Y0 * e, y.getValue(), 1e-11 * Y0 * e);
        assertEquals(-END * Y0 * e, y.getTangent(0), 1e-11 * END * Y0 * e);
        assertEquals(e, y.getTangent(1), 1e-11 * e);
        // the same scheme over Dual gives the same numbers
        assertEquals(solve(Dual.variable(P), Dual.constant(Y0)).getTangent(), y.getTangent(0), 1e-15);
    }

    @Test
    void rungeKuttaOverHyperDualGivesTheSecondSensitivity() {
        HyperDual y = solve(HyperDual.variable(P), HyperDual.constant(Y0));
        double e = Math.exp(-P * END);
        assertEquals(END * END * Y0 * e, y.getEps12(), 1e-10 * END * END * Y0 * e);
    }
}
