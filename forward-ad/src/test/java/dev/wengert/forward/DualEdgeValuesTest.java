package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Rules;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Dual}'s binary operations are the rule table's, bit for bit, at the edges: every binary
 * rule and every arithmetic method gives exactly value f(a, c) and tangent
 * {@code chain(fx, b) + chain(fy, d)} on every combination of edge values — signed zeros,
 * subnormals, products that underflow to ±0, huge values whose products overflow, ±∞ and NaN —
 * for both values and both tangents. "Bit for bit" is {@link Double#equals}: every bit of every
 * number, except that all NaNs are one NaN (a NaN's sign and payload are unspecified in the
 * conventions table: the JIT may swap the operands of a sum of two NaNs, and x86 keeps the first
 * one's bits). A written-out fast path for any of these operations must keep this test green.
 */
class DualEdgeValuesTest {

    /** Values and tangents: zeros, subnormal, tiny, ordinary, huge, infinite, NaN. */
    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, -1e-300,
        1, -1, 2.5, -0.75, 1e300, -1e300, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
    };

    /** The rule table's result: value f(a, c), tangent chain(fx, b) + chain(fy, d). */
    private static double[] table(BinaryRule rule, double a, double b, double c, double d) {
        double f = rule.value(a, c);
        return new double[] {f, Rules.chain(rule.dx(a, c, f), b) + Rules.chain(rule.dy(a, c, f), d)};
    }

    private static void sameBits(double[] expected, Dual actual, String what) {
        if (Double.doubleToLongBits(expected[0]) != Double.doubleToLongBits(actual.getValue())
                || Double.doubleToLongBits(expected[1]) != Double.doubleToLongBits(actual.getTangent())) {
            fail(what + ": expected " + expected[0] + " + " + expected[1] + "ε, got " + actual);
        }
    }

    /** Runs {@code op} on every pair of edge duals and compares with the table's {@code rule}. */
    private static int everyEdgeCase(BinaryRule rule, String name, BinaryOperator<Dual> op) {
        int cases = 0;
        for (double a : EDGES) {
            for (double b : EDGES) {
                for (double c : EDGES) {
                    for (double d : EDGES) {
                        Dual x = Dual.of(a, b);
                        Dual y = Dual.of(c, d);
                        sameBits(table(rule, a, b, c, d), op.apply(x, y),
                                name + "(" + x + ", " + y + ")");
                        cases++;
                    }
                }
            }
        }
        return cases;
    }

    @Test
    void everyBinaryRuleMatchesTheTableBitForBitOnEdgeValues() {
        for (BinaryRule rule : BinaryRule.values()) {
            everyEdgeCase(rule, rule.name(), (x, y) -> x.apply(rule, y));
        }
    }

    @Test
    void arithmeticMethodsMatchTheTableBitForBitOnEdgeValues() {
        int n = EDGES.length * EDGES.length * EDGES.length * EDGES.length;
        assertEquals(n, everyEdgeCase(BinaryRule.ADD, "add", Dual::add));
        assertEquals(n, everyEdgeCase(BinaryRule.SUBTRACT, "subtract", Dual::subtract));
        assertEquals(n, everyEdgeCase(BinaryRule.MULTIPLY, "multiply", Dual::multiply));
        assertEquals(n, everyEdgeCase(BinaryRule.DIVIDE, "divide", Dual::divide));
    }

    @Test
    void aZeroFactorMakesAPositiveZeroTerm() {
        // −0·1 + −0·1: both partials are zero, and a zero partial contributes +0 (chain), so +0
        Dual product = Dual.of(-0.0, 1).multiply(Dual.of(-0.0, 1));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(product.getTangent()));
        // −1·(−0) + 0·... : a nonzero partial times a −0 tangent is skipped too (a zero tangent), so +0
        Dual scaled = Dual.of(2, -0.0).multiply(Dual.constant(-1));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(scaled.getTangent()));
        // a zero partial times an infinite tangent is 0, not NaN: 0·sqrt(x) at 0
        assertEquals(0.0, Dual.variable(0).sqrt().multiply(0.0).getTangent());
        // a zero tangent contributes +0 (chain), so (−0)·0 + (−0)·1 is +0 + −0 = +0
        Dual other = Dual.of(-0.0, 0).multiply(Dual.of(-0.0, 1));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(other.getTangent()));
        // an infinite partial times a zero tangent is 0, not NaN
        assertEquals(3.0, Dual.of(2, 3).multiply(Dual.constant(1)).getTangent());
        assertEquals(0.0, Dual.of(Double.POSITIVE_INFINITY, 0).multiply(Dual.of(2, 0)).getTangent());
    }
}
