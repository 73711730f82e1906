package dev.wengert.forward;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.Rules;
import dev.wengert.core.UnaryRule;
import org.apache.commons.math3.Field;

/**
 * A hyper-dual number f0 + f1·ε1 + f2·ε2 + f12·ε1ε2 with ε1² = ε2² = 0 and ε1ε2 ≠ 0 (Fike &amp;
 * Alonso 2011): exact first and second derivatives with no step size. Seeding input j with
 * ε1 and input k with ε2 gives ∂f/∂x<sub>j</sub> in f1, ∂f/∂x<sub>k</sub> in f2 and
 * ∂²f/∂x<sub>j</sub>∂x<sub>k</sub> in f12, exactly, so a Hessian takes n(n+1)/2 evaluations
 * ({@link ForwardMode#hessian}).
 *
 * <p>For a unary g with g0 = g(f0), g′ and g″ at f0:
 * g(x) = g0 + g′f1·ε1 + g′f2·ε2 + (g′f12 + g″f1f2)·ε1ε2. For a binary g(x, y) with partials
 * g<sub>x</sub>, g<sub>y</sub>, g<sub>xx</sub>, g<sub>xy</sub>, g<sub>yy</sub>: the ε1 part is
 * g<sub>x</sub>x1 + g<sub>y</sub>y1, the ε2 part g<sub>x</sub>x2 + g<sub>y</sub>y2, and the ε1ε2
 * part g<sub>x</sub>x12 + g<sub>y</sub>y12 + g<sub>xx</sub>x1x2 + g<sub>xy</sub>(x1y2 + x2y1) +
 * g<sub>yy</sub>y1y2. These are the only two formulas in the class ({@code compose}); g and its
 * derivatives come from ad-core's rule table, named by {@link dev.wengert.core.RuleNumber}'s methods. Values are bit-identical to {@code Decimal64}; a
 * zero part never multiplies an infinite or NaN derivative ({@link Rules#chain}).
 *
 * <p><b>Data layout</b>: four {@code double} fields f0, f1, f2, f12; immutable. There is one kind
 * of hyper-dual number (two infinitesimals), so every two hyper-duals combine.
 *
 * <p>Example: x = {@code HyperDual.variable(3)} = 3 + ε1 + ε2; {@code x.multiply(x).multiply(x)} =
 * 27 + 27ε1 + 27ε2 + 18ε1ε2: x³, its derivative 3x² and its second derivative 6x at 3.
 *
 * <p><b>Passes</b>: a number also carries the identity of the {@link ForwardMode} pass whose
 * inputs it was computed from (none for constants and for numbers built with the public
 * factories); combining numbers of two different passes throws {@link IllegalArgumentException}
 * (see {@link ForwardMode}'s pass rule). {@code equals} compares values and tangents only.
 */
public final class HyperDual extends ForwardNumber<HyperDual> {

    private final double f0;
    private final double f1;
    private final double f2;
    private final double f12;
    /** The forward-mode pass the ε parts belong to, 0 for none ({@link Pass}). */
    private final int pass;

    private HyperDual(double f0, double f1, double f2, double f12, int pass) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f12 = f12;
        this.pass = pass;
    }

    /** An input of a {@link ForwardMode} pass, tagged with the pass. */
    static HyperDual seeded(double f0, double f1, double f2, int pass) {
        return new HyperDual(f0, f1, f2, 0, pass);
    }

    /** @return the pass this number's ε parts belong to, 0 for none */
    int pass() {
        return pass;
    }

    /**
     * @param value the value
     * @return value + 0ε1 + 0ε2 + 0ε1ε2, a constant
     */
    public static HyperDual constant(double value) {
        return new HyperDual(value, 0, 0, 0, 0);
    }

    /**
     * @param value the value
     * @return value + ε1 + ε2: the variable of a univariate function, whose ε1ε2 part is then f″
     */
    public static HyperDual variable(double value) {
        return new HyperDual(value, 1, 1, 0, 0);
    }

    /**
     * @param f0 the value
     * @param f1 the ε1 part
     * @param f2 the ε2 part
     * @param f12 the ε1ε2 part
     * @return f0 + f1·ε1 + f2·ε2 + f12·ε1ε2
     */
    public static HyperDual of(double f0, double f1, double f2, double f12) {
        return new HyperDual(f0, f1, f2, f12, 0);
    }

    /** @return the value f0 */
    public double getValue() {
        return f0;
    }

    /** @return the ε1 part f1 (the first derivative along the ε1 direction) */
    public double getEps1() {
        return f1;
    }

    /** @return the ε2 part f2 (the first derivative along the ε2 direction) */
    public double getEps2() {
        return f2;
    }

    /** @return the ε1ε2 part f12 (the second derivative along the ε1 and ε2 directions) */
    public double getEps12() {
        return f12;
    }

    /** @return the value f0 */
    @Override
    public double getReal() {
        return f0;
    }

    /** @return the field of hyper-dual numbers: zero 0, one 1 (all ε parts 0) */
    @Override
    public Field<HyperDual> getField() {
        return HyperDualField.INSTANCE;
    }

    // ---- the only places where derivatives are combined -----------------------------------

    /** g(x) = g0 + g1·f1·ε1 + g1·f2·ε2 + (g1·f12 + g2·f1·f2)·ε1ε2. */
    private HyperDual compose(double g0, double g1, double g2) {
        return new HyperDual(g0, Rules.chain(g1, f1), Rules.chain(g1, f2),
                Rules.chain(g1, f12) + Rules.chain(g2, f1 * f2), pass);
    }

    /** g(x, y) from its value, partials and second partials (see the class comment). */
    private HyperDual compose(double g0, double gx, double gy, double gxx, double gxy, double gyy, HyperDual y) {
        return new HyperDual(g0,
                Rules.chain(gx, f1) + Rules.chain(gy, y.f1),
                Rules.chain(gx, f2) + Rules.chain(gy, y.f2),
                Rules.chain(gx, f12) + Rules.chain(gy, y.f12) + Rules.chain(gxx, f1 * f2)
                        + Rules.chain(gxy, f1 * y.f2 + f2 * y.f1) + Rules.chain(gyy, y.f1 * y.f2),
                (pass == y.pass ? pass : Pass.join(pass, y.pass)));
    }

    /**
     * @param rule a unary rule
     * @return rule(this), with g, g′ and g″ from {@code rule.value}, {@code rule.first},
     *         {@code rule.second}
     */
    @Override
    public HyperDual apply(UnaryRule rule) {
        double g0 = rule.value(f0);
        double g1 = rule.first(f0, g0);
        return compose(g0, g1, rule.second(f0, g0, g1));
    }

    /**
     * @param rule a binary rule
     * @param y its second argument
     * @return rule(this, y), with the value, partials and second partials of the rule
     */
    @Override
    public HyperDual apply(BinaryRule rule, HyperDual y) {
        double x0 = f0;
        double y0 = y.f0;
        double g0 = rule.value(x0, y0);
        return compose(g0, rule.dx(x0, y0, g0), rule.dy(x0, y0, g0),
                rule.dxx(x0, y0, g0), rule.dxy(x0, y0, g0), rule.dyy(x0, y0, g0), y);
    }

    /** rule(this, c) for a constant c: only the x partials act. */
    @Override
    protected HyperDual apply(BinaryRule rule, double c) {
        double g0 = rule.value(f0, c);
        return compose(g0, rule.dx(f0, c, g0), rule.dxx(f0, c, g0));
    }

    /** rule(this; p) for a constant parameter p. */
    @Override
    protected HyperDual apply(ParametricRule rule, double p) {
        double g0 = rule.value(f0, p);
        double g1 = rule.first(f0, p, g0);
        return compose(g0, g1, rule.second(f0, p, g0, g1));
    }

    // ---- linear combinations (ForwardNumber's; this type adds the terms' derivative parts) ---

    /** The given value with the sums of the terms' ε parts (each ε part of a sum is the sum). */
    @Override
    HyperDual sum(double value, HyperDual[] terms) {
        double s1 = 0;
        double s2 = 0;
        double s12 = 0;
        int pass = 0;
        for (HyperDual term : terms) {
            s1 += term.f1;
            s2 += term.f2;
            s12 += term.f12;
            pass = Pass.join(pass, term.pass);
        }
        return new HyperDual(value, s1, s2, s12, pass);
    }

    // ---- Object -----------------------------------------------------------------------------

    /** Equal when all four parts are equal as by {@link Double#equals}. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HyperDual)) {
            return false;
        }
        HyperDual h = (HyperDual) o;
        return bits(f0) == bits(h.f0) && bits(f1) == bits(h.f1) && bits(f2) == bits(h.f2) && bits(f12) == bits(h.f12);
    }

    private static long bits(double d) {
        return Double.doubleToLongBits(d);
    }

    @Override
    public int hashCode() {
        return ((Double.hashCode(f0) * 31 + Double.hashCode(f1)) * 31 + Double.hashCode(f2)) * 31 + Double.hashCode(f12);
    }

    /** @return e.g. {@code "27.0 + 27.0ε1 + 27.0ε2 + 18.0ε1ε2"} */
    @Override
    public String toString() {
        return f0 + " + " + f1 + "ε1 + " + f2 + "ε2 + " + f12 + "ε1ε2";
    }
}
