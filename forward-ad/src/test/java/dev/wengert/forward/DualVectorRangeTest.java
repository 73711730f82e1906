package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.testing.Seed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link DualVector} keeps only the range [lo, hi) of possibly non-zero tangents; these tests check
 * that the range is what the inputs reach, and that results are bit-identical to carrying all k
 * tangents. The dense reference is the same computation with every input's zero tangents written
 * as −0.0 ({@code DualVector.of} keeps −0.0 inside the range, so those inputs span all k tangents):
 * a zero tangent of either sign contributes exactly the same, by {@link dev.wengert.core.Rules#chain}.
 */
class DualVectorRangeTest {

    private static final int K = 8;
    private static final double[] POINTS = {
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, Double.MIN_NORMAL, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
    };

    /** The j-th variable of a chunk of K, its range the single tangent j. */
    private static DualVector sparse(double x, int j) {
        return DualVector.variable(x, j, K);
    }

    /** The j-th variable with its other K − 1 tangents written out as −0.0: range [0, K). */
    private static DualVector dense(double x, int j) {
        double[] t = new double[K];
        Arrays.fill(t, -0.0);
        t[j] = 1;
        return DualVector.of(x, t);
    }

    private static void sameBits(DualVector expected, DualVector actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected.getValue()), Double.doubleToRawLongBits(actual.getValue()),
                what + ": value");
        double[] e = expected.getTangents();
        double[] a = actual.getTangents();
        for (int i = 0; i < K; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]),
                    what + ": tangent " + i + " expected " + e[i] + " but was " + a[i]);
        }
    }

    @Test
    void aVariableHoldsOneTangentAndAConstantNone() {
        assertArrayEquals(new int[] {3, 4}, DualVector.variable(2, 3, K).getTangentRange());
        int[] constant = DualVector.constant(2, K).getTangentRange();
        assertEquals(constant[0], constant[1]);
        assertArrayEquals(new int[] {2, 5}, DualVector.of(1, 0, 0, 1, -0.0, 2, 0, 0, 0).getTangentRange());
    }

    @Test
    void anOperationsRangeIsTheUnionOfItsOperandsRanges() {
        DualVector x1 = sparse(3, 1);
        DualVector x5 = sparse(4, 5);
        DualVector product = x1.multiply(x5);
        assertArrayEquals(new int[] {1, 6}, product.getTangentRange());
        assertArrayEquals(new double[] {0, 4, 0, 0, 0, 3, 0, 0}, product.getTangents());
        assertArrayEquals(new int[] {1, 2}, x1.sin().multiply(2).add(1).getTangentRange());
        assertArrayEquals(new int[] {1, 2}, x1.add(DualVector.constant(7, K)).getTangentRange());
    }

    @Test
    void aRunningSumGrowsItsRangeTermByTerm() {
        DualVector sum = DualVector.constant(0, K);
        for (int j = 0; j < K; j += 2) {
            sum = sum.add(sparse(1 + j, j).multiply(sparse(2 + j, j + 1)));
            assertArrayEquals(new int[] {0, j + 2}, sum.getTangentRange());
        }
        assertArrayEquals(new double[] {2, 1, 4, 3, 6, 5, 8, 7}, sum.getTangents());
    }

    @Test
    void everyUnaryRuleGivesTheDenseTangentsBitForBit() {
        for (UnaryRule rule : UnaryRule.values()) {
            for (double x : POINTS) {
                String what = rule + " at " + x;
                sameBits(dense(x, 2).apply(rule), sparse(x, 2).apply(rule), what);
                // a zero tangent inside the range, times a possibly infinite or NaN f′
                DualVector zeroSparse = sparse(x, 2).multiply(0).add(x);
                DualVector zeroDense = dense(x, 2).multiply(0).add(x);
                sameBits(zeroDense.apply(rule), zeroSparse.apply(rule), what + ", zero tangent");
            }
        }
    }

    @Test
    void everyBinaryRuleGivesTheDenseTangentsBitForBit() {
        for (BinaryRule rule : BinaryRule.values()) {
            for (double x : POINTS) {
                for (double y : POINTS) {
                    String what = rule + " at " + x + ", " + y;
                    // disjoint ranges with a gap, overlapping ranges, one operand constant
                    sameBits(dense(x, 1).apply(rule, dense(y, 4)), sparse(x, 1).apply(rule, sparse(y, 4)), what);
                    DualVector a = sparse(x, 1).add(sparse(0.5, 3));
                    DualVector b = sparse(y, 2).multiply(sparse(2, 6));
                    DualVector ad = dense(x, 1).add(dense(0.5, 3));
                    DualVector bd = dense(y, 2).multiply(dense(2, 6));
                    sameBits(ad.apply(rule, bd), a.apply(rule, b), what + ", overlapping");
                    sameBits(bd.apply(rule, ad), b.apply(rule, a), what + ", overlapping, swapped");
                    sameBits(dense(x, 3).apply(rule, DualVector.constant(y, K)),
                            sparse(x, 3).apply(rule, DualVector.constant(y, K)), what + ", constant y");
                    sameBits(DualVector.constant(x, K).apply(rule, dense(y, 3)),
                            DualVector.constant(x, K).apply(rule, sparse(y, 3)), what + ", constant x");
                }
            }
        }
    }

    @Test
    void linearCombinationsGiveTheDenseTangentsBitForBit() {
        for (double x : POINTS) {
            DualVector[] a = {sparse(x, 0), sparse(2, 7), DualVector.constant(3, K)};
            DualVector[] b = {sparse(-1, 3), sparse(x, 5), sparse(4, 6)};
            DualVector[] ad = {dense(x, 0), dense(2, 7), DualVector.constant(3, K)};
            DualVector[] bd = {dense(-1, 3), dense(x, 5), dense(4, 6)};
            sameBits(ad[0].linearCombination(ad, bd), a[0].linearCombination(a, b), "linearCombination at " + x);
            double[] c = {x, -0.0, 2};
            sameBits(ad[0].linearCombination(c, bd), a[0].linearCombination(c, b), "constant coefficients at " + x);
        }
    }

    @Test
    void forwardModeGradientsAgreeForEveryChunkSize() {
        double[] point = {-1.2, 1, -1.2, 1, 0.5, 0.25, 3, -2, 0, 1e-3};
        double[] reference = new ForwardMode(1).gradient(Seed::rosenbrock, point);
        for (int k : new int[] {2, 3, 4, 7, 10, 16}) {
            double[] g = new ForwardMode(k).gradient(Seed::rosenbrock, point);
            for (int j = 0; j < point.length; j++) {
                assertEquals(Double.doubleToRawLongBits(reference[j]), Double.doubleToRawLongBits(g[j]), "k = " + k + ", j = " + j);
            }
        }
    }
}
