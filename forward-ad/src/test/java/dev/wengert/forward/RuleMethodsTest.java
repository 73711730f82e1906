package dev.wengert.forward;

import static dev.wengert.core.testing.RuleMethodTable.EDGES;
import static dev.wengert.core.testing.RuleMethodTable.sameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.Rules;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.testing.RuleMethodTable;
import dev.wengert.core.testing.RuleMethodTable.Row;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every {@code RealFieldElement} method of {@link Dual}, {@link DualVector} and {@link HyperDual}
 * (and every {@code Functions} helper) goes through its rule of the ad-core table: at every edge
 * value ({@link RuleMethodTable#EDGES}: ±0, subnormals, ±∞, NaN, huge and domain edges) for the
 * value and for each derivative part, the result is bit for bit what the rule's value and partials
 * give by the chain rule written out here —
 *
 * <pre>
 * one operand x, partial g₁ (and g₂ = ∂²):   ẋ ↦ chain(g₁, ẋ);  hyper-dual ε₁ε₂: chain(g₁, x₁₂) + chain(g₂, x₁x₂)
 * two operands x, y, partials gx, gy:        chain(gx, ẋ) + chain(gy, ẏ);  hyper-dual ε₁ε₂ with gxx, gxy, gyy
 * </pre>
 *
 * <p>with the partials {@code first}/{@code second} of a unary or parametric rule, {@code dx}/{@code dxx}
 * of a binary rule with a constant, and all five of a binary rule. Dual's written-out sum and
 * difference ({@code unitLinear}) are checked by the same rows. All NaNs count as one NaN.
 */
class RuleMethodsTest {

    /** Tangents of the receiver and the argument: zeros, one, a subnormal, huge, NaN. */
    private static final double[] TANGENTS = {1, 0.0, -0.0, -2.5, Double.MIN_VALUE, 1e300, Double.NaN};

    @Test
    void everyRealFieldElementMethodIsARowOfTheTable() {
        RuleMethodTable.assertEveryRealFieldElementMethodIsARow();
    }

    @Test
    void everyDualMethodIsItsRuleBitForBit() {
        int cases = 0;
        for (Row row : RuleMethodTable.rows()) {
            for (double a : EDGES) {
                for (double b : TANGENTS) {
                    Dual x = Dual.of(a, b);
                    if (row.kind == RuleMethodTable.Kind.BINARY) {
                        for (double c : EDGES) {
                            for (double d : new double[] {1, -0.0, Double.NaN}) {
                                check(row, x, Dual.of(c, d), 0, expectedDual(row, a, b, c, d));
                                cases++;
                            }
                        }
                    } else if (row.kind == RuleMethodTable.Kind.UNARY) {
                        check(row, x, null, 0, expectedDual(row, a, b, 0, 0));
                        cases++;
                    } else {
                        for (double c : row.constants()) {
                            check(row, x, null, c, expectedDual(row, a, b, c, 0));
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(true, cases > 20000, "cases: " + cases);
    }

    @Test
    void everyDualVectorMethodIsItsRuleBitForBit() {
        // x's tangents (b, 0, 1) and y's (0, d, −2): ranges that overlap in part, as in a chunk
        for (Row row : RuleMethodTable.rows()) {
            for (double a : EDGES) {
                for (double b : TANGENTS) {
                    double[] tx = {b, 0, 1};
                    DualVector x = DualVector.of(a, tx);
                    if (row.kind == RuleMethodTable.Kind.BINARY) {
                        for (double c : EDGES) {
                            for (double d : new double[] {1, -0.0, Double.NaN}) {
                                double[] ty = {0, d, -2};
                                check(row, x, DualVector.of(c, ty), 0, expectedVector(row, a, tx, c, ty));
                            }
                        }
                    } else if (row.kind == RuleMethodTable.Kind.UNARY) {
                        check(row, x, null, 0, expectedVector(row, a, tx, 0, new double[3]));
                    } else {
                        for (double c : row.constants()) {
                            check(row, x, null, c, expectedVector(row, a, tx, c, new double[3]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyHyperDualMethodIsItsRuleBitForBit() {
        for (Row row : RuleMethodTable.rows()) {
            for (double a : EDGES) {
                for (double b : TANGENTS) {
                    double[] px = {a, b, 0.5, -0.0};
                    HyperDual x = HyperDual.of(px[0], px[1], px[2], px[3]);
                    if (row.kind == RuleMethodTable.Kind.BINARY) {
                        for (double c : EDGES) {
                            for (double d : new double[] {1, -0.0, Double.NaN}) {
                                double[] py = {c, -1, d, 0.25};
                                check(row, x, HyperDual.of(py[0], py[1], py[2], py[3]), 0,
                                        expectedHyper(row, px, py, 0));
                            }
                        }
                    } else if (row.kind == RuleMethodTable.Kind.UNARY) {
                        check(row, x, null, 0, expectedHyper(row, px, null, 0));
                    } else {
                        for (double c : row.constants()) {
                            check(row, x, null, c, expectedHyper(row, px, null, c));
                        }
                    }
                }
            }
        }
    }

    // ---- the chain rule, written out once per number type --------------------------------------

    /** Value and partials (∂x, ∂y) of the row's rule at (a, c): ∂y is 0 unless the row is binary. */
    private static double[] partials(Row row, double a, double c) {
        switch (row.kind) {
            case UNARY: {
                UnaryRule r = row.unary();
                double f = r.value(a);
                return new double[] {f, r.first(a, f), 0};
            }
            case BINARY: {
                BinaryRule r = row.binary();
                double f = r.value(a, c);
                return new double[] {f, r.dx(a, c, f), r.dy(a, c, f)};
            }
            case CONSTANT: {
                BinaryRule r = row.binary();
                double f = r.value(a, c);
                return new double[] {f, r.dx(a, c, f), 0};
            }
            default: {
                ParametricRule r = row.parametric();
                double f = r.value(a, c);
                return new double[] {f, r.first(a, c, f), 0};
            }
        }
    }

    private static double[] expectedDual(Row row, double a, double b, double c, double d) {
        double[] g = partials(row, a, c);
        double t = row.kind == RuleMethodTable.Kind.BINARY
                ? Rules.chain(g[1], b) + Rules.chain(g[2], d) : Rules.chain(g[1], b);
        return new double[] {g[0], t};
    }

    /**
     * As for Dual, tangent by tangent, then {@code + 0.0}: DualVector's tangents are
     * f₁·bᵢ + 0.0 ({@link Tangents}), which is chain's term except that a product that underflows
     * to −0 becomes +0.
     */
    private static double[] expectedVector(Row row, double a, double[] tx, double c, double[] ty) {
        double[] g = partials(row, a, c);
        double[] out = new double[1 + tx.length];
        out[0] = g[0];
        for (int i = 0; i < tx.length; i++) {
            out[1 + i] = (row.kind == RuleMethodTable.Kind.BINARY
                    ? Rules.chain(g[1], tx[i]) + Rules.chain(g[2], ty[i]) : Rules.chain(g[1], tx[i])) + 0.0;
        }
        return out;
    }

    /** Parts (f₀, f₁, f₂, f₁₂) of g(x) or g(x, y) from the rule's value, partials and second partials. */
    private static double[] expectedHyper(Row row, double[] x, double[] y, double c) {
        double a = x[0];
        if (row.kind == RuleMethodTable.Kind.BINARY) {
            BinaryRule r = row.binary();
            double g = r.value(a, y[0]);
            double gx = r.dx(a, y[0], g);
            double gy = r.dy(a, y[0], g);
            return new double[] {g,
                Rules.chain(gx, x[1]) + Rules.chain(gy, y[1]),
                Rules.chain(gx, x[2]) + Rules.chain(gy, y[2]),
                Rules.chain(gx, x[3]) + Rules.chain(gy, y[3]) + Rules.chain(r.dxx(a, y[0], g), x[1] * x[2])
                        + Rules.chain(r.dxy(a, y[0], g), x[1] * y[2] + x[2] * y[1])
                        + Rules.chain(r.dyy(a, y[0], g), y[1] * y[2])};
        }
        double g;
        double g1;
        double g2;
        switch (row.kind) {
            case UNARY:
                g = row.unary().value(a);
                g1 = row.unary().first(a, g);
                g2 = row.unary().second(a, g, g1);
                break;
            case CONSTANT:
                g = row.binary().value(a, c);
                g1 = row.binary().dx(a, c, g);
                g2 = row.binary().dxx(a, c, g);
                break;
            default:
                g = row.parametric().value(a, c);
                g1 = row.parametric().first(a, c, g);
                g2 = row.parametric().second(a, c, g, g1);
                break;
        }
        return new double[] {g, Rules.chain(g1, x[1]), Rules.chain(g1, x[2]),
            Rules.chain(g1, x[3]) + Rules.chain(g2, x[1] * x[2])};
    }

    // ---- comparing ----------------------------------------------------------------------------

    private static double[] parts(Object n) {
        if (n instanceof Dual) {
            return new double[] {((Dual) n).getValue(), ((Dual) n).getTangent()};
        }
        if (n instanceof DualVector) {
            DualVector v = (DualVector) n;
            double[] t = v.getTangents();
            double[] out = new double[1 + t.length];
            out[0] = v.getValue();
            System.arraycopy(t, 0, out, 1, t.length);
            return out;
        }
        HyperDual h = (HyperDual) n;
        return new double[] {h.getValue(), h.getEps1(), h.getEps2(), h.getEps12()};
    }

    private static <T extends org.apache.commons.math3.RealFieldElement<T>> void check(Row row, T x, T y, double c,
            double[] expected) {
        double[] actual = parts(row.call(x, y, c));
        for (int i = 0; i < expected.length; i++) {
            if (!sameBits(expected[i], actual[i])) {
                fail(row + " on " + x + (y != null ? ", " + y : "") + (row.argument != null && y == null ? ", " + c : "")
                        + ": part " + i + " expected " + expected[i] + ", got " + actual[i]
                        + " (all parts " + Arrays.toString(actual) + ")");
            }
        }
    }
}
