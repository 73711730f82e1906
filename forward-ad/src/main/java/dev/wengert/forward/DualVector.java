package dev.wengert.forward;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Elementary;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.Rules;
import dev.wengert.core.UnaryRule;
import java.util.Arrays;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * A vector dual number a + b·ε with k tangents: ε = (ε<sub>1</sub>, …, ε<sub>k</sub>) and
 * ε<sub>i</sub>ε<sub>j</sub> = 0, so b ∈ R<sup>k</sup> carries the derivatives along k directions
 * at once. For every elementary f, f(a + b·ε) = f(a) + f′(a)·b·ε; for a binary g,
 * g(a + b·ε, c + d·ε) = g(a, c) + (g<sub>x</sub>·b + g<sub>y</sub>·d)·ε. Seeding input j of a chunk
 * with the unit tangent e<sub>j</sub> gives k columns of a Jacobian per evaluation, so an
 * n-input Jacobian takes ⌈n/k⌉ evaluations ({@link ForwardMode}).
 *
 * <p><b>Data layout</b>: a {@code double} value, a {@code double[k]} tangent array, never
 * exposed and never written after construction, and a flag for a <i>symbolic zero</i> tangent:
 * constants share their field's zero array, and an operation on symbolic zeros only yields a
 * symbolic zero without touching the array (as JAX skips zero tangents). This is exact, since a
 * zero tangent contributes exactly 0 ({@link Rules#chain}); it makes a pass cost about k
 * operations only where the chunk's inputs reach. k is fixed per {@link #getField() field}: combining numbers with different k throws
 * {@link IllegalArgumentException} naming both. Every operation reads f, f′ (or the partials) from
 * ad-core's rule table through one private {@code compose}; values are bit-identical to
 * {@code Decimal64}; a zero tangent never multiplies an infinite or NaN partial
 * ({@link Rules#chain}).
 *
 * <p>Example, k = 2: x = {@code DualVector.variable(3, 0, 2)} = 3 + (1, 0)·ε and
 * y = {@code DualVector.variable(4, 1, 2)} = 4 + (0, 1)·ε; {@code x.multiply(y)} =
 * 12 + (4, 3)·ε, the value and gradient of xy at (3, 4).
 */
public final class DualVector implements RealFieldElement<DualVector>, Elementary<DualVector> {

    private final double value;
    private final double[] tangent;
    /** True when the tangent is known to be zero (a constant, or computed from constants only). */
    private final boolean zero;

    /** No copy: {@code tangent} must be fresh, or the field's shared zero array when {@code zero}. */
    private DualVector(double value, double[] tangent, boolean zero) {
        this.value = value;
        this.tangent = tangent;
        this.zero = zero;
    }

    /**
     * @param value the value
     * @param k the number of tangents, ≥ 1
     * @return value + 0·ε, a constant
     */
    public static DualVector constant(double value, int k) {
        return new DualVector(value, DualVectorField.of(k).zeros(), true);
    }

    /** A constant over a field's shared zero array (for {@link DualVectorField}). */
    static DualVector constant(double value, double[] zeros) {
        return new DualVector(value, zeros, true);
    }

    /**
     * @param value the value
     * @param index which tangent is seeded with 1, 0 ≤ index &lt; k
     * @param k the number of tangents, ≥ 1
     * @return value + e<sub>index</sub>·ε, the index-th variable of a chunk
     */
    public static DualVector variable(double value, int index, int k) {
        DualVectorField.of(k);
        if (index < 0 || index >= k) {
            throw new IllegalArgumentException("index must be in [0, " + k + "), but is " + index);
        }
        double[] t = new double[k];
        t[index] = 1;
        return new DualVector(value, t, false);
    }

    /**
     * @param value the value
     * @param tangent the k ≥ 1 tangents (copied)
     * @return value + tangent·ε
     */
    public static DualVector of(double value, double... tangent) {
        if (tangent == null || tangent.length == 0) {
            throw new IllegalArgumentException("tangent must have at least one element, but is "
                    + (tangent == null ? "null" : "empty"));
        }
        return new DualVector(value, tangent.clone(), false);
    }

    /** @return the value a */
    public double getValue() {
        return value;
    }

    /** @return the number k of tangents */
    public int getTangentCount() {
        return tangent.length;
    }

    /** @param i the direction, 0 ≤ i &lt; k @return the i-th tangent b<sub>i</sub> */
    public double getTangent(int i) {
        return tangent[i];
    }

    /** @return a copy of the k tangents */
    public double[] getTangents() {
        return tangent.clone();
    }

    /** @return the value a */
    @Override
    public double getReal() {
        return value;
    }

    /** @return the field of vector duals with this k: zero 0 + 0·ε, one 1 + 0·ε */
    @Override
    public Field<DualVector> getField() {
        return DualVectorField.of(tangent.length);
    }

    // ---- the only places where derivatives are combined -----------------------------------

    /**
     * f(a + b·ε) = f0 + f1·b·ε. With a finite f1 the products are formed directly, and
     * {@code + 0.0} turns a −0 product into +0, so the result is exactly {@link Rules#chain}'s.
     */
    private DualVector compose(double f0, double f1) {
        if (zero) {
            return new DualVector(f0, tangent, true);
        }
        return new DualVector(f0, scale(f1, tangent), false);
    }

    /** f·b, each product +0 where Rules.chain would give it. */
    private static double[] scale(double f1, double[] tangent) {
        int k = tangent.length;
        double[] t = new double[k];
        if (Double.isFinite(f1)) {
            for (int i = 0; i < k; i++) {
                t[i] = f1 * tangent[i] + 0.0;
            }
        } else {
            for (int i = 0; i < k; i++) {
                t[i] = Rules.chain(f1, tangent[i]);
            }
        }
        return t;
    }

    /**
     * g(a + b·ε, c + d·ε) = f0 + (fx·b + fy·d)·ε. With finite partials the products are formed
     * directly, {@code + 0.0} turning a −0 sum into +0 as {@link Rules#chain} would give.
     */
    private DualVector compose(double f0, double fx, double fy, DualVector other) {
        if (other.zero) {
            return compose(f0, fx);
        }
        if (zero) {
            return new DualVector(f0, scale(fy, other.tangent), false);
        }
        double[] b = tangent;
        double[] d = other.tangent;
        int k = b.length;
        double[] t = new double[k];
        if (Double.isFinite(fx) && Double.isFinite(fy)) {
            for (int i = 0; i < k; i++) {
                t[i] = fx * b[i] + fy * d[i] + 0.0;
            }
        } else {
            for (int i = 0; i < k; i++) {
                t[i] = Rules.chain(fx, b[i]) + Rules.chain(fy, d[i]);
            }
        }
        return new DualVector(f0, t, false);
    }

    /**
     * @param rule a unary rule
     * @return rule(this): value {@code rule.value(a)}, tangents {@code rule.first(a, f)·b}
     */
    @Override
    public DualVector apply(UnaryRule rule) {
        double f0 = rule.value(value);
        return compose(f0, rule.first(value, f0));
    }

    /**
     * @param rule a binary rule
     * @param other its second argument, with the same k
     * @return rule(this, other): tangents f<sub>x</sub>·b + f<sub>y</sub>·d
     * @throws IllegalArgumentException if the tangent counts differ
     */
    @Override
    public DualVector apply(BinaryRule rule, DualVector other) {
        sameCount(other);
        double f0 = rule.value(value, other.value);
        return compose(f0, rule.dx(value, other.value, f0), rule.dy(value, other.value, f0), other);
    }

    /** rule(this, c) for a constant c: tangents f<sub>x</sub>(a, c)·b. */
    private DualVector apply(BinaryRule rule, double c) {
        double f0 = rule.value(value, c);
        return compose(f0, rule.dx(value, c, f0));
    }

    /** rule(this; p) for a constant parameter p: tangents ∂f/∂x·b. */
    private DualVector apply(ParametricRule rule, double p) {
        double f0 = rule.value(value, p);
        return compose(f0, rule.first(value, p, f0));
    }

    private void sameCount(DualVector other) {
        if (other.tangent.length != tangent.length) {
            throw new IllegalArgumentException("DualVector tangent counts differ: this has k = "
                    + tangent.length + ", the other has k = " + other.tangent.length);
        }
    }

    // ---- arithmetic (BinaryRule ADD, SUBTRACT, MULTIPLY, DIVIDE) ----------------------------

    /** (a + bε) + (c + dε) = (a + c) + (b + d)ε. */
    @Override public DualVector add(DualVector y) { return apply(BinaryRule.ADD, y); }
    /** (a + bε) + c = (a + c) + bε. */
    @Override public DualVector add(double c) { return apply(BinaryRule.ADD, c); }
    /** (a + bε) − (c + dε) = (a − c) + (b − d)ε. */
    @Override public DualVector subtract(DualVector y) { return apply(BinaryRule.SUBTRACT, y); }
    /** (a + bε) − c = (a − c) + bε. */
    @Override public DualVector subtract(double c) { return apply(BinaryRule.SUBTRACT, c); }
    /** −(a + bε) = −a − bε. */
    @Override public DualVector negate() { return apply(UnaryRule.NEGATE); }
    /** (a + bε)(c + dε) = ac + (bc + ad)ε. */
    @Override public DualVector multiply(DualVector y) { return apply(BinaryRule.MULTIPLY, y); }
    /** (a + bε)·c = ac + bcε. */
    @Override public DualVector multiply(double c) { return apply(BinaryRule.MULTIPLY, c); }
    /** (a + bε)·n = na + nbε (value {@code a * n}, as {@code Decimal64}). */
    @Override public DualVector multiply(int n) { return apply(BinaryRule.MULTIPLY, n); }
    /** (a + bε)/(c + dε) = a/c + (b/c − a·d/c²)ε. */
    @Override public DualVector divide(DualVector y) { return apply(BinaryRule.DIVIDE, y); }
    /** (a + bε)/c = a/c + (b/c)ε. */
    @Override public DualVector divide(double c) { return apply(BinaryRule.DIVIDE, c); }
    /** 1/(a + bε) = 1/a − (b/a²)ε. */
    @Override public DualVector reciprocal() { return apply(UnaryRule.RECIPROCAL); }

    // ---- rounding, sign and scaling ---------------------------------------------------------

    /** IEEE remainder by a constant c; derivative 1 ({@link ParametricRule#REMAINDER}). */
    @Override public DualVector remainder(double c) { return apply(ParametricRule.REMAINDER, c); }
    /** IEEE remainder x − k·y; ∂x = 1, ∂y = −k ({@link BinaryRule#REMAINDER}). */
    @Override public DualVector remainder(DualVector y) { return apply(BinaryRule.REMAINDER, y); }
    /** |a|; derivative ±1 by the sign bit of a ({@link UnaryRule#ABS}). */
    @Override public DualVector abs() { return apply(UnaryRule.ABS); }
    /** ⌈a⌉; derivative 0. */
    @Override public DualVector ceil() { return apply(UnaryRule.CEIL); }
    /** ⌊a⌋; derivative 0. */
    @Override public DualVector floor() { return apply(UnaryRule.FLOOR); }
    /** rint(a); derivative 0. */
    @Override public DualVector rint() { return apply(UnaryRule.RINT); }
    /** @return {@code FastMath.round(a)}, the value only (a long is not a number of the field) */
    @Override public long round() { return FastMath.round(value); }
    /** signum(a); derivative 0. */
    @Override public DualVector signum() { return apply(UnaryRule.SIGNUM); }
    /** |a| with the sign of s; ∂x = ±1, ∂s = 0 ({@link BinaryRule#COPY_SIGN}). */
    @Override public DualVector copySign(DualVector s) { return apply(BinaryRule.COPY_SIGN, s); }
    /** |a| with the sign of the constant s; derivative ±1 ({@link ParametricRule#COPY_SIGN}). */
    @Override public DualVector copySign(double s) { return apply(ParametricRule.COPY_SIGN, s); }
    /** a·2ⁿ; derivative 2ⁿ ({@link ParametricRule#SCALB}). */
    @Override public DualVector scalb(int n) { return apply(ParametricRule.SCALB, n); }

    // ---- powers and roots -------------------------------------------------------------------

    /** √(x² + y²); partials x/f, y/f ({@link BinaryRule#HYPOT}). */
    @Override public DualVector hypot(DualVector y) { return apply(BinaryRule.HYPOT, y); }
    /** √a; derivative 1/(2√a) ({@link UnaryRule#SQRT}). */
    @Override public DualVector sqrt() { return apply(UnaryRule.SQRT); }
    /** ∛a; derivative 1/(3∛a²) ({@link UnaryRule#CBRT}). */
    @Override public DualVector cbrt() { return apply(UnaryRule.CBRT); }
    /** a<sup>1/n</sup>; derivative 1/(n·|f|<sup>n−1</sup>) ({@link ParametricRule#ROOT_N}). */
    @Override public DualVector rootN(int n) { return apply(ParametricRule.ROOT_N, n); }
    /** a<sup>p</sup>; derivative p·a<sup>p−1</sup> ({@link ParametricRule#POW}). */
    @Override public DualVector pow(double p) { return apply(ParametricRule.POW, p); }
    /** aⁿ; derivative n·aⁿ⁻¹ ({@link ParametricRule#POW_INT}). */
    @Override public DualVector pow(int n) { return apply(ParametricRule.POW_INT, n); }
    /** xʸ; ∂x = y·xʸ⁻¹, ∂y = xʸ·ln x ({@link BinaryRule#POW}). */
    @Override public DualVector pow(DualVector y) { return apply(BinaryRule.POW, y); }

    // ---- exponentials, logarithms, trigonometric and hyperbolic functions --------------------

    /** eᵃ; derivative eᵃ. */
    @Override public DualVector exp() { return apply(UnaryRule.EXP); }
    /** eᵃ − 1; derivative eᵃ. */
    @Override public DualVector expm1() { return apply(UnaryRule.EXPM1); }
    /** ln a; derivative 1/a. */
    @Override public DualVector log() { return apply(UnaryRule.LOG); }
    /** ln(1 + a); derivative 1/(1 + a). */
    @Override public DualVector log1p() { return apply(UnaryRule.LOG1P); }
    /** cos a; derivative −sin a. */
    @Override public DualVector cos() { return apply(UnaryRule.COS); }
    /** sin a; derivative cos a. */
    @Override public DualVector sin() { return apply(UnaryRule.SIN); }
    /** tan a; derivative 1 + tan² a. */
    @Override public DualVector tan() { return apply(UnaryRule.TAN); }
    /** acos a; derivative −1/√(1 − a²). */
    @Override public DualVector acos() { return apply(UnaryRule.ACOS); }
    /** asin a; derivative 1/√(1 − a²). */
    @Override public DualVector asin() { return apply(UnaryRule.ASIN); }
    /** atan a; derivative 1/(1 + a²). */
    @Override public DualVector atan() { return apply(UnaryRule.ATAN); }
    /** atan2(this, x), this the ordinate; ∂ = x/r², −y/r² ({@link BinaryRule#ATAN2}). */
    @Override public DualVector atan2(DualVector x) { return apply(BinaryRule.ATAN2, x); }
    /** cosh a; derivative sinh a. */
    @Override public DualVector cosh() { return apply(UnaryRule.COSH); }
    /** sinh a; derivative cosh a. */
    @Override public DualVector sinh() { return apply(UnaryRule.SINH); }
    /** tanh a; derivative 1 − tanh² a. */
    @Override public DualVector tanh() { return apply(UnaryRule.TANH); }
    /** acosh a; derivative 1/√(a² − 1). */
    @Override public DualVector acosh() { return apply(UnaryRule.ACOSH); }
    /** asinh a; derivative 1/√(a² + 1). */
    @Override public DualVector asinh() { return apply(UnaryRule.ASINH); }
    /** atanh a; derivative 1/(1 − a²). */
    @Override public DualVector atanh() { return apply(UnaryRule.ATANH); }

    // ---- linear combinations ----------------------------------------------------------------

    /**
     * Σ a<sub>i</sub>·b<sub>i</sub>: the value is {@code MathArrays.linearCombination} of the values
     * (as {@code Decimal64}), the tangents the sums of the products' tangents (product rule, from
     * {@link BinaryRule#MULTIPLY}).
     */
    @Override
    public DualVector linearCombination(DualVector[] a, DualVector[] b) {
        int n = Linear.sameLength(a, b);
        double[] va = new double[n];
        double[] vb = new double[n];
        DualVector[] products = new DualVector[n];
        for (int i = 0; i < n; i++) {
            va[i] = a[i].value;
            vb[i] = b[i].value;
            products[i] = a[i].multiply(b[i]);
        }
        return sum(MathArrays.linearCombination(va, vb), products);
    }

    /** Σ a<sub>i</sub>·b<sub>i</sub> with constant a<sub>i</sub>; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(double[] a, DualVector[] b) {
        int n = Linear.sameLength(a, b);
        double[] vb = new double[n];
        DualVector[] products = new DualVector[n];
        for (int i = 0; i < n; i++) {
            vb[i] = b[i].value;
            products[i] = b[i].multiply(a[i]);
        }
        return sum(MathArrays.linearCombination(a, vb), products);
    }

    /** a1·b1 + a2·b2; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(DualVector a1, DualVector b1, DualVector a2, DualVector b2) {
        return sum(MathArrays.linearCombination(a1.value, b1.value, a2.value, b2.value),
                a1.multiply(b1), a2.multiply(b2));
    }

    /** a1·b1 + a2·b2 with constant a1, a2; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(double a1, DualVector b1, double a2, DualVector b2) {
        return sum(MathArrays.linearCombination(a1, b1.value, a2, b2.value), b1.multiply(a1), b2.multiply(a2));
    }

    /** a1·b1 + a2·b2 + a3·b3; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(DualVector a1, DualVector b1, DualVector a2, DualVector b2,
                                        DualVector a3, DualVector b3) {
        return sum(MathArrays.linearCombination(a1.value, b1.value, a2.value, b2.value, a3.value, b3.value),
                a1.multiply(b1), a2.multiply(b2), a3.multiply(b3));
    }

    /** a1·b1 + a2·b2 + a3·b3 with constant a<sub>i</sub>; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(double a1, DualVector b1, double a2, DualVector b2, double a3, DualVector b3) {
        return sum(MathArrays.linearCombination(a1, b1.value, a2, b2.value, a3, b3.value),
                b1.multiply(a1), b2.multiply(a2), b3.multiply(a3));
    }

    /** a1·b1 + … + a4·b4; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(DualVector a1, DualVector b1, DualVector a2, DualVector b2,
                                        DualVector a3, DualVector b3, DualVector a4, DualVector b4) {
        return sum(MathArrays.linearCombination(a1.value, b1.value, a2.value, b2.value,
                a3.value, b3.value, a4.value, b4.value),
                a1.multiply(b1), a2.multiply(b2), a3.multiply(b3), a4.multiply(b4));
    }

    /** a1·b1 + … + a4·b4 with constant a<sub>i</sub>; value as {@code Decimal64}. */
    @Override
    public DualVector linearCombination(double a1, DualVector b1, double a2, DualVector b2,
                                        double a3, DualVector b3, double a4, DualVector b4) {
        return sum(MathArrays.linearCombination(a1, b1.value, a2, b2.value, a3, b3.value, a4, b4.value),
                b1.multiply(a1), b2.multiply(a2), b3.multiply(a3), b4.multiply(a4));
    }

    /** The given value with the sum of the terms' tangents (all terms have this k: checked). */
    private DualVector sum(double value, DualVector... terms) {
        double[] t = new double[tangent.length];
        for (DualVector term : terms) {
            sameCount(term);
            if (term.zero) {
                continue;
            }
            for (int i = 0; i < t.length; i++) {
                t[i] += term.tangent[i];
            }
        }
        return new DualVector(value, t, false);
    }

    // ---- Object -----------------------------------------------------------------------------

    /** Equal when values and all tangents are equal as by {@link Double#equals}. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DualVector)) {
            return false;
        }
        DualVector d = (DualVector) o;
        return Double.doubleToLongBits(value) == Double.doubleToLongBits(d.value)
                && Arrays.equals(tangent, d.tangent);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Arrays.hashCode(tangent);
    }

    /** @return e.g. {@code "12.0 + [4.0, 3.0]ε"} */
    @Override
    public String toString() {
        return value + " + " + Arrays.toString(tangent) + "ε";
    }
}
