package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.exception.DimensionMismatchException;
import org.junit.jupiter.api.Test;

/**
 * Random raw programs — special values (0, −0.0, ±1, ±∞, NaN, MIN_VALUE, MIN_NORMAL, MAX_VALUE)
 * and unguarded domains: every Wengert mode throws exactly when double evaluation throws, values
 * are bit-identical to double evaluation, and the forward modes and reverse mode's tangent sweep
 * agree bit for bit (NaN with NaN, each infinity with itself; the sign of a zero tangent aside) —
 * except, for values and derivatives, on programs that read a NaN's sign bit
 * ({@link Program#readsNaNSign}), where not even {@code Decimal64} is deterministic.
 *
 * <p>DerivativeStructure is left out of the exception check: commons-math3 3.6.1's
 * {@code DerivativeStructure.hypot} returns, for a NaN argument, a structure built with the number
 * of free parameters as its order, and the next operation throws
 * {@code DimensionMismatchException} ({@link #derivativeStructureHypotOfNaNBreaksTheNextOperation}).
 */
class RawProgramsTest {

    @Test
    void everyModeThrowsExactlyWhenDoubleEvaluationThrowsAndValuesAreBitIdentical() {
        Budget.qt().forAll(ProgramGenerator.raw()).checkAssert(p -> {
            double[] x = p.point();
            Outcome<double[]> plain = Outcome.of("double", () -> Modes.values(p.expression, x));
            if (p.readsNaNSign && plain.error == null) {
                plain = Outcome.of("double", () -> null);   // exceptions still compared, values not
            }
            Outcome<double[]> reference = plain;
            List<Outcome<?>> all = new ArrayList<>();
            all.add(Outcome.of("Dual", () -> Modes.dualJacobian(p.expression, x, reference)));
            all.add(Outcome.of("DualVector", () -> Modes.dualVectorJacobian(p.expression, x, reference)));
            all.add(Outcome.of("HyperDual", () -> Modes.hyperDualJacobian(p.expression, x, reference)));
            all.add(Outcome.of("Var", () -> Modes.varJacobian(p.expression, x, reference)));
            all.add(Outcome.of("MixedMode plan", () -> Modes.mixedJacobian(p.expression, x, reference)));
            all.add(Outcome.of("MixedMode sparse", () -> Modes.sparseJacobian(p.expression, x)));
            for (Modes.Named mode : Modes.exact()) {
                all.add(Outcome.of(mode.name, () -> mode.differentiator.jacobian(p.expression, x)));
            }
            for (Outcome<?> o : all) {
                o.assertThrowsLike(reference);
            }
        });
    }

    @Test
    void forwardModesGiveBitIdenticalDerivativesOnRawPrograms() {
        Budget.qt().forAll(ProgramGenerator.raw()).assuming(p -> !p.readsNaNSign).checkAssert(p -> {
            double[] x = p.point();
            Outcome<double[]> plain = Outcome.of("double", () -> Modes.values(p.expression, x));
            double[][] dual = Modes.dualJacobian(p.expression, x, plain);
            identical("DualVector", dual, Modes.dualVectorJacobian(p.expression, x, plain));
            identical("HyperDual", dual, Modes.hyperDualJacobian(p.expression, x, plain));
            identical("forward (chunk 3)", dual, new ForwardMode(3).jacobian(p.expression, x));
        });
    }

    /**
     * Reverse mode's tangent sweep (J·v over the stored partials) applies the same chain rule in
     * the same order as Dual, so it matches Dual bit for bit on raw programs, NaN and ±∞ included.
     * Its adjoint sweep does not always pair NaN with NaN: see the two tests below.
     */
    @Test
    void reverseModeTangentSweepMatchesDualBitForBitOnRawPrograms() {
        Budget.qt().forAll(ProgramGenerator.raw()).assuming(p -> !p.readsNaNSign).checkAssert(p -> {
            double[] x = p.point();
            Outcome<double[]> plain = Outcome.of("double", () -> Modes.values(p.expression, x));
            double[][] dual = Modes.dualJacobian(p.expression, x, plain);
            Recording r = new ReverseMode().record(p.expression, x);
            double[][] tangents = new double[dual.length][x.length];
            for (int j = 0; j < x.length; j++) {
                double[] e = new double[x.length];
                e[j] = 1;
                double[] column = r.jvp(e);
                for (int i = 0; i < column.length; i++) {
                    tangents[i][j] = column[i];
                }
            }
            identical("reverse tangent sweep", dual, tangents);
        });
    }

    @Test
    void derivativeStructureHypotOfNaNBreaksTheNextOperation() {
        DerivativeStructure nan = new DerivativeStructure(3, 1, 0, Double.NaN);
        DerivativeStructure h = DerivativeStructure.hypot(nan, nan);
        assertEquals(3, h.getOrder());   // should be 1
        assertThrows(DimensionMismatchException.class, () -> h.add(nan));
    }

    @Test
    void zeroPartialTimesInfiniteTangentIsZeroInEveryMode() {
        Expression f = Expression.parse("reciprocal(reciprocal(x))");
        double[] x = {0.0};
        // forward: tangent of 1/x is -inf, times the partial -0.0 of 1/u at u = inf: a zero partial, so 0
        assertEquals(0.0, new ForwardMode().gradient(f.asScalarFunction(), x)[0]);
        // reverse: the adjoint of 1/x is -0.0 * 1 = -0.0, a zero adjoint, never multiplied by -inf
        assertEquals(0.0, new ReverseMode().gradient(f.asScalarFunction(), x)[0]);
    }

    @Test
    void cancellingAdjointsHideAnInfinitePartialFromReverseModeOnly() {
        Expression f = Expression.parse("t = reciprocal(x); t - t");
        double[] x = {0.0};
        // forward: the tangent of t is -inf, and t - t has tangent -inf - (-inf) = NaN
        assertTrue(Double.isNaN(new ForwardMode().gradient(f.asScalarFunction(), x)[0]));
        // reverse: t's adjoint is 1 + (-1) = 0, so the infinite partial of reciprocal is never used
        assertEquals(0.0, new ReverseMode().gradient(f.asScalarFunction(), x)[0]);
    }

    private static void identical(String name, double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                boolean zeros = expected[i][j] == 0 && actual[i][j] == 0;   // the sign of a zero tangent means nothing
                if (!zeros && !Close.identical(expected[i][j], actual[i][j])) {
                    throw new AssertionError(String.format(Locale.ROOT, "[%d][%d]: Dual gives %s, %s gives %s",
                            i, j, expected[i][j], name, actual[i][j]));
                }
            }
        }
    }
}
