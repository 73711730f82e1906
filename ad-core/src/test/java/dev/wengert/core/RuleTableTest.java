package dev.wengert.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.FastMath;
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
                DerivativeStructure ds = rule.applyTo(new DerivativeStructure(1, 2, 0, x));
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
                    DerivativeStructure ds = rule.applyTo(a, b);
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
                Decimal64 d = rule.applyTo(new Decimal64(x));
                assertEquals(Double.doubleToLongBits(d.getReal()), Double.doubleToLongBits(rule.value(x)),
                        rule + " at " + x);
            }
        }
    }

    @Test
    void parametricRulesMatchDerivativeStructureToSecondOrder() {
        double[][] parameters = {
            {2.5, -0.5, 3.0, 0, 1}, {3, -2, 0, 1}, {3, 2, -3}, {-3, 2}, {0.7, -1.3}, {-1, 1, -0.0}};
        for (ParametricRule rule : ParametricRule.values()) {
            for (double p : parameters[rule.ordinal()]) {
                for (double x : POINTS) {
                    if (!rule.safe(x, p, 1e-3)) {
                        continue;
                    }
                    String at = rule + " at " + x + ", p = " + p;
                    double f = rule.value(x, p);
                    assertEquals(Double.doubleToLongBits(rule.applyTo(new Decimal64(x), p).getReal()),
                            Double.doubleToLongBits(f), at + " value vs Decimal64");
                    if (rule == ParametricRule.ROOT_N && x < 0) {
                        continue; // DerivativeStructure has no value there (Rules' conventions table, ≠)
                    }
                    DerivativeStructure ds = rule.applyTo(new DerivativeStructure(1, 2, 0, x), p);
                    double f1 = rule.first(x, p, f);
                    assertClose(ds.getPartialDerivative(1), f1, at + " f'");
                    assertClose(ds.getPartialDerivative(2), rule.second(x, p, f, f1), at + " f''");
                }
            }
        }
    }

    @Test
    void binaryValuesAreBitIdenticalToDecimal64() {
        for (BinaryRule rule : BinaryRule.values()) {
            for (double x : EDGES) {
                for (double y : EDGES) {
                    Decimal64 d = rule.applyTo(new Decimal64(x), new Decimal64(y));
                    assertEquals(Double.doubleToLongBits(d.getReal()), Double.doubleToLongBits(rule.value(x, y)),
                            rule + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    /**
     * POW, REMAINDER and COPY_SIGN with a constant parameter are their binary rules with y held
     * at p: value, first and second derivative bit for bit the formulas they had when written out
     * (kept here as the reference), at every pair of edge values.
     */
    @Test
    void derivedParametricRulesKeepTheirFormerFormulasBitForBit() {
        for (double x : EDGES) {
            for (double p : EDGES) {
                double f = FastMath.pow(x, p);
                same(f, ParametricRule.POW.value(x, p), "POW value", x, p);
                same(p == 0 ? 0 : p * FastMath.pow(x, p - 1), ParametricRule.POW.first(x, p, f), "POW f'", x, p);
                same((p == 0 || p == 1) ? 0 : p * (p - 1) * FastMath.pow(x, p - 2),
                        ParametricRule.POW.second(x, p, f, 0), "POW f''", x, p);
                double r = FastMath.IEEEremainder(x, p);
                same(r, ParametricRule.REMAINDER.value(x, p), "REMAINDER value", x, p);
                same(1, ParametricRule.REMAINDER.first(x, p, r), "REMAINDER f'", x, p);
                same(0, ParametricRule.REMAINDER.second(x, p, r, 1), "REMAINDER f''", x, p);
                double s = FastMath.copySign(x, p);
                same(s, ParametricRule.COPY_SIGN.value(x, p), "COPY_SIGN value", x, p);
                double sameSign = (Double.doubleToRawLongBits(x) < 0) == (Double.doubleToRawLongBits(p) < 0) ? 1 : -1;
                same(sameSign, ParametricRule.COPY_SIGN.first(x, p, s), "COPY_SIGN f'", x, p);
                same(0, ParametricRule.COPY_SIGN.second(x, p, s, sameSign), "COPY_SIGN f''", x, p);
            }
        }
    }

    private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 0.5, 1, -1, 2,
        -2.5, 3, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    private static void same(double expected, double actual, String what, double x, double p) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + " at (" + x + ", " + p + ")");
    }

    private static void assertClose(double expected, double actual, String what) {
        double tol = 1e-13 * Math.max(1, Math.abs(expected) + Math.abs(actual));
        assertEquals(expected, actual, tol, what);
    }
}
