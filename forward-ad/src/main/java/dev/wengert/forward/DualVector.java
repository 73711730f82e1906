package dev.wengert.forward;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.Rules;
import dev.wengert.core.UnaryRule;
import java.util.Arrays;
import org.apache.commons.math3.Field;

/**
 * A vector dual number a + b·ε with k tangents: ε = (ε<sub>1</sub>, …, ε<sub>k</sub>) and
 * ε<sub>i</sub>ε<sub>j</sub> = 0, so b ∈ R<sup>k</sup> carries the derivatives along k directions
 * at once. For every elementary f, f(a + b·ε) = f(a) + f′(a)·b·ε; for a binary g,
 * g(a + b·ε, c + d·ε) = g(a, c) + (g<sub>x</sub>·b + g<sub>y</sub>·d)·ε. Seeding input j of a chunk
 * with the unit tangent e<sub>j</sub> gives k columns of a Jacobian per evaluation, so an
 * n-input Jacobian takes ⌈n/k⌉ evaluations ({@link ForwardMode}).
 *
 * <p><b>Data layout</b>: a {@code double} value, the number k of tangents, and the tangents as a
 * <i>range</i>: an array {@code t} of length w ≤ k holding b<sub>lo</sub>, …, b<sub>lo+w−1</sub>,
 * every other tangent being exactly +0.0 (this is the invariant; {@code t} is never exposed and
 * never written after construction). A constant has w = 0 (a shared empty array, a <i>symbolic
 * zero</i> as JAX skips zero tangents); a chunk's j-th variable has lo = j, w = 1; an operation's
 * range is the union of its operands' ranges ({@link Tangents}). So an operation costs about as
 * many tangent operations as the chunk's inputs it depends on — 1 or 2 for each term of a
 * partially separable function such as extended Rosenbrock, whatever k is — and the results are
 * bit-identical to carrying all k tangents everywhere (the exactness argument is in
 * {@link Tangents}). k is fixed per {@link #getField() field}: combining numbers with different k
 * throws {@link IllegalArgumentException} naming both. Every elementary method is
 * {@link dev.wengert.core.RuleNumber}'s (it names its rule); the {@code apply} primitives read f, f′ (or the
 * partials) from ad-core's rule table through one private {@code compose}; values are
 * bit-identical to {@code Decimal64}; a zero tangent never multiplies an infinite or NaN partial
 * ({@link Rules#chain}).
 *
 * <p>Example, k = 2: x = {@code DualVector.variable(3, 0, 2)} = 3 + (1, 0)·ε and
 * y = {@code DualVector.variable(4, 1, 2)} = 4 + (0, 1)·ε; {@code x.multiply(y)} =
 * 12 + (4, 3)·ε, the value and gradient of xy at (3, 4). Here x holds lo = 0, t = [1]; y holds
 * lo = 1, t = [1]; the product lo = 0, t = [4, 3].
 *
 * <p><b>Passes</b>: a number also carries the identity of the {@link ForwardMode} pass whose
 * inputs it was computed from (none for constants and for numbers built with the public
 * factories); combining numbers of two different passes throws {@link IllegalArgumentException}
 * (see {@link ForwardMode}'s pass rule). {@code equals} compares values and tangents only.
 */
public final class DualVector extends ForwardNumber<DualVector> {

    private final double value;
    /** k, the number of tangents. */
    private final int count;
    /** The index of t[0] among the k tangents. */
    private final int lo;
    /** Tangents lo … lo + t.length − 1; all others are +0.0. Empty for a constant. */
    private final double[] t;
    /** The forward-mode pass the tangents belong to ({@link Pass}); 0 for none, always 0 when t is empty. */
    private final int pass;

    /** No copy: {@code t} must be fresh (or {@link Tangents#NONE}), with lo + t.length ≤ count. */
    private DualVector(double value, int count, int lo, double[] t, int pass) {
        this.value = value;
        this.count = count;
        this.lo = lo;
        this.t = t;
        this.pass = pass;
    }

    /** The index-th variable of a {@link ForwardMode} chunk (k already checked), tagged with the pass. */
    static DualVector seeded(double value, int index, int k, int pass) {
        return new DualVector(value, k, index, new double[] {1}, pass);
    }

    /** @return the pass this number's tangents belong to, 0 for none */
    int pass() {
        return pass;
    }

    /**
     * @param value the value
     * @param k the number of tangents, ≥ 1
     * @return value + 0·ε, a constant
     */
    public static DualVector constant(double value, int k) {
        DualVectorField.of(k);
        return new DualVector(value, k, 0, Tangents.NONE, 0);
    }

    /** A constant with a k already checked (for {@link DualVectorField} and {@link ForwardMode}). */
    static DualVector constantUnchecked(double value, int k) {
        return new DualVector(value, k, 0, Tangents.NONE, 0);
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
        return new DualVector(value, k, index, new double[] {1}, 0);
    }

    /**
     * @param value the value
     * @param tangent the k ≥ 1 tangents (copied; the range is trimmed to exclude leading and
     *     trailing +0.0 entries, −0.0 is kept)
     * @return value + tangent·ε
     */
    public static DualVector of(double value, double... tangent) {
        if (tangent == null || tangent.length == 0) {
            throw new IllegalArgumentException("tangent must have at least one element, but is "
                    + (tangent == null ? "null" : "empty"));
        }
        int k = tangent.length;
        int lo = 0;
        while (lo < k && Double.doubleToRawLongBits(tangent[lo]) == 0) {
            lo++;
        }
        int hi = k;
        while (hi > lo && Double.doubleToRawLongBits(tangent[hi - 1]) == 0) {
            hi--;
        }
        if (lo == hi) {
            return new DualVector(value, k, 0, Tangents.NONE, 0);
        }
        double[] t = new double[hi - lo];
        System.arraycopy(tangent, lo, t, 0, hi - lo);
        return new DualVector(value, k, lo, t, 0);
    }

    /** @return the value a */
    public double getValue() {
        return value;
    }

    /** @return the number k of tangents */
    public int getTangentCount() {
        return count;
    }

    /**
     * @param i the direction, 0 ≤ i &lt; k
     * @return the i-th tangent b<sub>i</sub>
     */
    public double getTangent(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("tangent index must be in [0, " + count + "), but is " + i);
        }
        return Tangents.at(t, lo, i);
    }

    /** @return a copy of the k tangents */
    public double[] getTangents() {
        return Tangents.expand(t, lo, count);
    }

    /**
     * @return the range [lo, hi) outside which every tangent is exactly +0.0, as {lo, hi}; empty
     *     (lo = hi) for a constant. A superset of the non-zero tangents: a tangent inside may be 0.
     */
    int[] getTangentRange() {
        return new int[] {lo, lo + t.length};
    }

    /** @return the value a */
    @Override
    public double getReal() {
        return value;
    }

    /** @return the field of vector duals with this k: zero 0 + 0·ε, one 1 + 0·ε */
    @Override
    public Field<DualVector> getField() {
        return DualVectorField.of(count);
    }

    // ---- the only places where derivatives are combined -----------------------------------

    /**
     * f(a + b·ε) = f0 + f1·b·ε over b's range ({@link Tangents#scale}): with a finite f1 the
     * products are formed directly, and {@code + 0.0} turns a −0 product into +0, so the result is
     * {@link Rules#chain}'s, except that a product that underflows to −0 is +0 here.
     */
    private DualVector compose(double f0, double f1) {
        return new DualVector(f0, count, lo, t.length == 0 ? Tangents.NONE : Tangents.scale(f1, t), pass);
    }

    /**
     * g(a + b·ε, c + d·ε) = f0 + (fx·b + fy·d)·ε over the union of the two ranges
     * ({@link Tangents#combine}); exactly {@link Rules#chain}'s sum, −0 sums turned into +0.
     */
    private DualVector compose(double f0, double fx, double fy, DualVector other) {
        double[] d = other.t;
        int newLo;
        double[] newT;
        int newPass;
        if (d.length == 0) {
            newLo = lo;
            newT = t.length == 0 ? Tangents.NONE : Tangents.scale(fx, t);
            newPass = pass;
        } else if (t.length == 0) {
            newLo = other.lo;
            newT = Tangents.scale(fy, d);
            newPass = other.pass;
        } else {
            newPass = pass == other.pass ? pass : Pass.join(pass, other.pass);
            newLo = Math.min(lo, other.lo);
            int w = Math.max(lo + t.length, other.lo + d.length) - newLo;
            newT = Tangents.combine(fx, t, lo, fy, d, other.lo, newLo, w);
        }
        // one allocation site, so that escape analysis can remove an intermediate number
        return new DualVector(f0, count, newLo, newT, newPass);
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
    @Override
    protected DualVector apply(BinaryRule rule, double c) {
        double f0 = rule.value(value, c);
        return compose(f0, rule.dx(value, c, f0));
    }

    /** rule(this; p) for a constant parameter p: tangents ∂f/∂x·b. */
    @Override
    protected DualVector apply(ParametricRule rule, double p) {
        double f0 = rule.value(value, p);
        return compose(f0, rule.first(value, p, f0));
    }

    private void sameCount(DualVector other) {
        if (other.count != count) {
            throw new IllegalArgumentException("DualVector tangent counts differ: this has k = "
                    + count + ", the other has k = " + other.count);
        }
    }

    // ---- linear combinations (ForwardNumber's; this type adds the terms' derivative parts) ---

    /**
     * The given value with the sum of the terms' tangents (all terms have this k: checked), over
     * the union of their ranges. Exact: the sum starts at +0.0 and so never holds −0, and
     * x + (+0.0) = x for every other x, so terms outside their ranges are skipped.
     */
    @Override
    DualVector sum(double value, DualVector[] terms) {
        int newLo = count;
        int hi = 0;
        int newPass = 0;
        for (DualVector term : terms) {
            sameCount(term);
            if (term.t.length > 0) {
                newLo = Math.min(newLo, term.lo);
                hi = Math.max(hi, term.lo + term.t.length);
                newPass = Pass.join(newPass, term.pass);
            }
        }
        if (hi <= newLo) {
            return new DualVector(value, count, 0, Tangents.NONE, 0);
        }
        double[] s = new double[hi - newLo];
        for (DualVector term : terms) {
            int off = term.lo - newLo;
            for (int i = 0; i < term.t.length; i++) {
                s[off + i] += term.t[i];
            }
        }
        return new DualVector(value, count, newLo, s, newPass);
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
                && Arrays.equals(getTangents(), d.getTangents());
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Arrays.hashCode(getTangents());
    }

    /** @return e.g. {@code "12.0 + [4.0, 3.0]ε"} */
    @Override
    public String toString() {
        return value + " + " + Arrays.toString(getTangents()) + "ε";
    }
}
