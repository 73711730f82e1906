package dev.wengert.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/** Each rule's value is Decimal64's, and its derivatives are DerivativeStructure's (order 2). */
class RuleTableTest {

    private static final double[] POINTS = {-2.5, -0.7, -0.3, 0.2, 0.5, 0.9, 1.7, 3.1};

    @Test
    void unaryRulesMatchDerivativeStructureToSecondOrder() {
        for (UnaryRule rule : UnaryRule.values()) {
            for (double x : POINTS) {
                if (!rule.safe(x, 1e-3)) {
                    continue;
                }
                DerivativeStructure ds = RuleMethods.unary(rule, new DerivativeStructure(1, 2, 0, x));
                double f = rule.value(x);
                double f1 = rule.first(x, f);
                double f2 = rule.second(x, f, f1);
                assertClose(ds.getValue(), f, rule + " value at " + x);
                assertClose(ds.getPartialDerivative(1), f1, rule + " f' at " + x);
                assertClose(ds.getPartialDerivative(2), f2, rule + " f'' at " + x);
            }
        }
    }

    @Test
    void binaryRulesMatchDerivativeStructureToSecondOrder() {
        for (BinaryRule rule : BinaryRule.values()) {
            for (double x : POINTS) {
                for (double y : POINTS) {
                    if (!rule.safe(x, y, 1e-3)) {
                        continue;
                    }
                    DerivativeStructure a = new DerivativeStructure(2, 2, 0, x);
                    DerivativeStructure b = new DerivativeStructure(2, 2, 1, y);
                    DerivativeStructure ds = binaryOnDs(rule, a, b);
                    double f = rule.value(x, y);
                    String at = rule + " at (" + x + ", " + y + ")";
                    assertClose(ds.getValue(), f, at + " value");
                    assertClose(ds.getPartialDerivative(1, 0), rule.dx(x, y, f), at + " dx");
                    assertClose(ds.getPartialDerivative(0, 1), rule.dy(x, y, f), at + " dy");
                    assertClose(ds.getPartialDerivative(2, 0), rule.dxx(x, y, f), at + " dxx");
                    assertClose(ds.getPartialDerivative(1, 1), rule.dxy(x, y, f), at + " dxy");
                    assertClose(ds.getPartialDerivative(0, 2), rule.dyy(x, y, f), at + " dyy");
                }
            }
        }
    }

    @Test
    void unaryValuesAreBitIdenticalToDecimal64() {
        for (UnaryRule rule : UnaryRule.values()) {
            for (double x : POINTS) {
                Decimal64 d = RuleMethods.unary(rule, new Decimal64(x));
                assertEquals(Double.doubleToLongBits(d.getReal()), Double.doubleToLongBits(rule.value(x)),
                        rule + " at " + x);
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double tol = 1e-13 * Math.max(1, Math.abs(expected) + Math.abs(actual));
        assertEquals(expected, actual, tol, what);
    }

    static DerivativeStructure binaryOnDs(BinaryRule rule, DerivativeStructure a, DerivativeStructure b) {
        switch (rule) {
            case ADD: return a.add(b);
            case SUBTRACT: return a.subtract(b);
            case MULTIPLY: return a.multiply(b);
            case DIVIDE: return a.divide(b);
            case POW: return a.pow(b);
            case ATAN2: return a.atan2(b);
            case HYPOT: return a.hypot(b);
            case REMAINDER: return a.remainder(b);
            case COPY_SIGN: return a.copySign(b);
            case MAX: return Functions.max(a, b);
            case MIN: return Functions.min(a, b);
            default: throw new AssertionError(rule);
        }
    }
}
