package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.Functions;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * At each singular point of the conventions table in {@link dev.wengert.core.Rules}, every
 * forward type — {@link Dual}, {@link DualVector} and {@link HyperDual} — returns the tabled
 * value and derivatives (exactly: ±∞, NaN and signed zeros included).
 */
class ConventionsTableTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    @SuppressWarnings("unused")
    static <T extends RealFieldElement<T>> T unary(String op, T x) {
        switch (op) {
            case "abs": return x.abs();
            case "sqrt": return x.sqrt();
            case "cbrt": return x.cbrt();
            case "rootN3": return x.rootN(3);
            case "pow0.0": return x.pow(0.0);
            case "pow0": return x.pow(0);
            case "pow2.0": return x.pow(2.0);
            case "pow1.0": return x.pow(1.0);
            case "pow0.5": return x.pow(0.5);
            case "log": return x.log();
            case "log1p": return x.log1p();
            case "relu": return Functions.relu(x);
            case "rint": return x.rint();
            case "floor": return x.floor();
            case "ceil": return x.ceil();
            case "signum": return x.signum();
            case "reciprocal": return x.reciprocal();
            case "copySign-0": return x.copySign(-0.0);
            default: throw new AssertionError(op);
        }
    }

    static <T extends RealFieldElement<T>> T binary(String op, T x, T y) {
        switch (op) {
            case "pow": return x.pow(y);
            case "atan2": return x.atan2(y);
            case "hypot": return x.hypot(y);
            case "max": return Functions.max(x, y);
            case "min": return Functions.min(x, y);
            case "remainder": return x.remainder(y);
            case "copySign": return x.copySign(y);
            case "divide": return x.divide(y);
            default: throw new AssertionError(op);
        }
    }

    /** Checks value, f′ and (HyperDual) f″ of a unary operation at x in all three types. */
    private static void unaryRow(String op, double x, double value, double first, double second) {
        String at = op + " at " + x;
        Dual d = unary(op, Dual.variable(x));
        same(value, d.getValue(), "Dual value, " + at);
        same(first, d.getTangent(), "Dual f', " + at);
        DualVector v = unary(op, DualVector.variable(x, 1, 2));
        same(value, v.getValue(), "DualVector value, " + at);
        same(first, v.getTangent(1), "DualVector f', " + at);
        same(0.0, v.getTangent(0), "DualVector zero tangent stays zero, " + at);
        HyperDual h = unary(op, HyperDual.variable(x));
        same(value, h.getValue(), "HyperDual value, " + at);
        same(first, h.getEps1(), "HyperDual f', " + at);
        same(first, h.getEps2(), "HyperDual f' (eps2), " + at);
        same(second, h.getEps12(), "HyperDual f'', " + at);
    }

    /** Checks value, ∂x and ∂y of a binary operation at (x, y) in all three types. */
    private static void binaryRow(String op, double x, double y, double value, double dx, double dy) {
        String at = op + " at (" + x + ", " + y + ")";
        Dual d1 = binary(op, Dual.of(x, 1), Dual.of(y, 0));
        Dual d2 = binary(op, Dual.of(x, 0), Dual.of(y, 1));
        same(value, d1.getValue(), "Dual value, " + at);
        same(dx, d1.getTangent(), "Dual dx, " + at);
        same(dy, d2.getTangent(), "Dual dy, " + at);
        DualVector v = binary(op, DualVector.variable(x, 0, 2), DualVector.variable(y, 1, 2));
        same(value, v.getValue(), "DualVector value, " + at);
        same(dx, v.getTangent(0), "DualVector dx, " + at);
        same(dy, v.getTangent(1), "DualVector dy, " + at);
        HyperDual h = binary(op, HyperDual.of(x, 1, 0, 0), HyperDual.of(y, 0, 1, 0));
        same(value, h.getValue(), "HyperDual value, " + at);
        same(dx, h.getEps1(), "HyperDual dx, " + at);
        same(dy, h.getEps2(), "HyperDual dy, " + at);
    }

    private static void same(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void absAtSignedZerosFollowsTheSignBit() {
        unaryRow("abs", 0.0, 0.0, 1, 0);
        unaryRow("abs", -0.0, 0.0, -1, 0);
    }

    @Test
    void rootsAtZeroHaveInfiniteSlopeAndSqrtOfANegativeIsNaN() {
        unaryRow("sqrt", 0.0, 0.0, INF, -INF);
        unaryRow("sqrt", -1.0, NAN, NAN, NAN);
        unaryRow("cbrt", 0.0, 0.0, INF, -INF);
        unaryRow("rootN3", 0.0, 0.0, INF, -INF);
        unaryRow("rootN3", -8.0, -2.0, 1.0 / 12, (1.0 / 12) * (1.0 / 3 - 1) / -8.0);
    }

    @Test
    void constantPowersFollowTheTable() {
        for (double x : new double[] {0.0, -2.0, 3.0}) {
            unaryRow("pow0.0", x, 1, 0, 0);
            unaryRow("pow0", x, 1, 0, 0);
        }
        unaryRow("pow2.0", 0.0, 0.0, 0.0, 2.0);
        unaryRow("pow1.0", 0.0, 0.0, 1.0, 0.0);
        unaryRow("pow0.5", 0.0, 0.0, INF, -INF);
    }

    @Test
    void powerOfTwoVariablesFollowsTheTable() {
        binaryRow("pow", 0.0, 0.0, 1, 0, -INF);
        binaryRow("pow", 0.0, 2.0, 0, 0, 0);
        binaryRow("pow", 0.0, -1.0, INF, -INF, -INF);
        binaryRow("pow", -2.0, 3.0, -8, 12, NAN);
    }

    @Test
    void aZeroTangentNeverMultipliesAnInfiniteOrNaNPartial() {
        // x^c with c a constant 2 held as a number: ∂y = x^y·ln x is NaN at x = −1, its tangent 0
        assertEquals(-2.0, Dual.variable(-1).pow(Dual.constant(2)).getTangent());
        assertEquals(-2.0, DualVector.variable(-1, 0, 1).pow(DualVector.constant(2, 1)).getTangent(0));
        HyperDual h = HyperDual.variable(-1).pow(HyperDual.constant(2));
        assertEquals(-2.0, h.getEps1());
        assertEquals(2.0, h.getEps12());
    }

    @Test
    void logarithmsAtTheirPoleAreMinusInfinityWithInfiniteSlope() {
        unaryRow("log", 0.0, -INF, INF, -INF);
        unaryRow("log1p", -1.0, -INF, INF, -INF);
    }

    @Test
    void atan2AndHypotAtTheOriginHaveNaNPartials() {
        binaryRow("atan2", 0.0, 0.0, FastMath.atan2(0.0, 0.0), NAN, NAN);
        binaryRow("atan2", 0.0, -0.0, FastMath.atan2(0.0, -0.0), NAN, NAN);
        binaryRow("hypot", 0.0, 0.0, 0.0, NAN, NAN);
        binaryRow("hypot", INF, 1.0, INF, 0, 0);
    }

    @Test
    void tiesOfMaxAndMinSplitTheDerivativeInHalves() {
        binaryRow("max", 2.0, 2.0, 2.0, 0.5, 0.5);
        binaryRow("min", 2.0, 2.0, 2.0, 0.5, 0.5);
        binaryRow("max", 3.0, 2.0, 3.0, 1, 0);
        binaryRow("min", 3.0, 2.0, 2.0, 0, 1);
    }

    @Test
    void reluAtZeroHasDerivativeZero() {
        unaryRow("relu", 0.0, 0.0, 0, 0);
    }

    @Test
    void remainderCopySignAndStepsFollowTheTable() {
        binaryRow("remainder", 5.0, 3.0, FastMath.IEEEremainder(5, 3), 1, -2);
        binaryRow("copySign", -3.0, 0.0, 3.0, -1, 0);
        unaryRow("copySign-0", 3.0, -3.0, -1, 0);
        unaryRow("rint", 2.5, 2.0, 0, 0);
        unaryRow("floor", 3.0, 3.0, 0, 0);
        unaryRow("ceil", 3.0, 3.0, 0, 0);
        unaryRow("signum", 0.0, 0.0, 0, 0);
    }

    @Test
    void reciprocalAndDivisionByZeroGiveTheFormulasInfinities() {
        unaryRow("reciprocal", 0.0, INF, -INF, INF);
        unaryRow("reciprocal", -0.0, -INF, -INF, -INF);
        binaryRow("divide", 1.0, 0.0, INF, INF, -INF);
    }
}
