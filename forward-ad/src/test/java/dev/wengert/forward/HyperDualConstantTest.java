package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.UnaryRule;
import org.junit.jupiter.api.Test;

/**
 * A {@link HyperDual} whose ε parts are all zero (of either sign) stays a constant: every operation
 * on it gives exactly +0 parts, even where the rule's derivatives are infinite or NaN, since a zero
 * part never multiplies a derivative ({@link dev.wengert.core.Rules#chain}).
 */
class HyperDualConstantTest {

    private static final double[] POINTS = {
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
    };

    private static void constantParts(HyperDual h, double value, String what) {
        assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(h.getValue()), what + ": value");
        assertEquals(0L, Double.doubleToRawLongBits(h.getEps1()), what + ": eps1 is +0");
        assertEquals(0L, Double.doubleToRawLongBits(h.getEps2()), what + ": eps2 is +0");
        assertEquals(0L, Double.doubleToRawLongBits(h.getEps12()), what + ": eps12 is +0");
    }

    @Test
    void everyUnaryRuleOnAConstantGivesPlusZeroPartsEvenWhereItsDerivativesAreInfiniteOrNaN() {
        for (UnaryRule rule : UnaryRule.values()) {
            for (double x : POINTS) {
                constantParts(HyperDual.of(x, -0.0, 0.0, -0.0).apply(rule), rule.value(x), rule + " at " + x);
            }
        }
    }

    @Test
    void everyBinaryRuleOnConstantsGivesPlusZeroParts() {
        for (BinaryRule rule : BinaryRule.values()) {
            for (double x : POINTS) {
                for (double y : POINTS) {
                    constantParts(HyperDual.constant(x).apply(rule, HyperDual.of(y, -0.0, -0.0, 0.0)),
                            rule.value(x, y), rule + " at " + x + ", " + y);
                }
            }
        }
    }

    @Test
    void aConstantMeetingAVariableStillTakesTheFullFormula() {
        HyperDual x = HyperDual.of(3, 1, 0, 0);
        HyperDual y = HyperDual.of(4, 0, 1, 0);
        HyperDual c = HyperDual.constant(2);
        HyperDual f = x.multiply(c).multiply(y);
        assertEquals(24.0, f.getValue());
        assertEquals(8.0, f.getEps1());
        assertEquals(6.0, f.getEps2());
        assertEquals(2.0, f.getEps12());
    }
}
