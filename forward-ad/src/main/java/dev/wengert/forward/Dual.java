package dev.wengert.forward;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.Rules;
import dev.wengert.core.UnaryRule;
import org.apache.commons.math3.Field;

/**
 * A dual number a + bε with ε² = 0: a value a and one tangent b, the derivative of the value along
 * one direction. For every elementary f, f(a + bε) = f(a) + f′(a)·b·ε, and for a binary g,
 * g(a + bε, c + dε) = g(a, c) + (g<sub>x</sub>·b + g<sub>y</sub>·d)ε — the chain rule, applied one
 * operation at a time while the function runs (forward mode).
 *
 * <p><b>Data layout</b>: two {@code double} fields, {@code value} and {@code tangent}; immutable.
 * Every elementary method is {@link dev.wengert.core.RuleNumber}'s: it names its rule of ad-core's table
 * ({@link UnaryRule}, {@link ParametricRule}, {@link BinaryRule}), and the four {@code apply}
 * primitives here read f, f′ (and for binary operations the partials) from it through one private
 * {@code compose}; no derivative formula is written here. (Sum and difference go through
 * {@code unitLinear}, which takes the value and ∂y from the table and adds the tangents in an
 * order that is faster for running sums and bit-identical to {@code compose}.) Values are
 * bit-identical to commons-math3's {@code Decimal64}; a zero tangent never multiplies an infinite
 * or NaN partial ({@link Rules#chain}); singular points follow the conventions table in
 * {@link Rules}.
 *
 * <p>Example: with x = {@code Dual.variable(3)} = 3 + 1ε,
 * {@code x.multiply(x).add(x.sin())} = (9 + sin 3) + (6 + cos 3)ε, so its tangent is the
 * derivative of x² + sin x at 3.
 *
 * <p><b>Passes</b>: a number also carries the identity of the {@link ForwardMode} pass whose
 * inputs it was computed from (none for constants and for numbers built with the public
 * factories); combining numbers of two different passes throws {@link IllegalArgumentException}
 * (see {@link ForwardMode}'s pass rule). {@code equals} compares values and tangents only.
 */
public final class Dual extends ForwardNumber<Dual> {

    private final double value;
    private final double tangent;
    /** The forward-mode pass the tangent belongs to, 0 for none ({@link Pass}). */
    private final int pass;

    private Dual(double value, double tangent, int pass) {
        this.value = value;
        this.tangent = tangent;
        this.pass = pass;
    }

    /** An input of a {@link ForwardMode} pass: value + tangent·ε, tagged with the pass. */
    static Dual seeded(double value, double tangent, int pass) {
        return new Dual(value, tangent, pass);
    }

    /** @return the pass this number's tangent belongs to, 0 for none */
    int pass() {
        return pass;
    }

    /**
     * @param value the value
     * @return value + 0ε, a constant
     */
    public static Dual constant(double value) {
        return new Dual(value, 0, 0);
    }

    /**
     * @param value the value
     * @return value + 1ε, the variable being differentiated
     */
    public static Dual variable(double value) {
        return new Dual(value, 1, 0);
    }

    /**
     * @param value the value
     * @param tangent its tangent
     * @return value + tangent·ε
     */
    public static Dual of(double value, double tangent) {
        return new Dual(value, tangent, 0);
    }

    /** @return the value a of a + bε */
    public double getValue() {
        return value;
    }

    /** @return the tangent b of a + bε (the directional derivative) */
    public double getTangent() {
        return tangent;
    }

    /** @return the value a of a + bε */
    @Override
    public double getReal() {
        return value;
    }

    /** @return the field of dual numbers: zero 0 + 0ε, one 1 + 0ε */
    @Override
    public Field<Dual> getField() {
        return DualField.INSTANCE;
    }

    // ---- the only places where derivatives are combined -----------------------------------

    /** f(a + bε) = f0 + f1·b·ε, given f0 = f(a) and f1 = f′(a). */
    private Dual compose(double f0, double f1) {
        return new Dual(f0, Rules.chain(f1, tangent), pass);
    }

    /** g(a + bε, c + dε) = f0 + (fx·b + fy·d)ε. */
    private Dual compose(double f0, double fx, double fy, Dual other) {
        int p = pass == other.pass ? pass : Pass.join(pass, other.pass);
        return new Dual(f0, Rules.chain(fx, tangent) + Rules.chain(fy, other.tangent), p);
    }

    /**
     * @param rule a unary rule
     * @return rule(this): value {@code rule.value(a)}, tangent {@code rule.first(a, f)·b}
     */
    @Override
    public Dual apply(UnaryRule rule) {
        double f0 = rule.value(value);
        return compose(f0, rule.first(value, f0));
    }

    /**
     * @param rule a binary rule
     * @param other its second argument
     * @return rule(this, other): tangent f<sub>x</sub>·b + f<sub>y</sub>·d
     */
    @Override
    public Dual apply(BinaryRule rule, Dual other) {
        double f0 = rule.value(value, other.value);
        return compose(f0, rule.dx(value, other.value, f0), rule.dy(value, other.value, f0), other);
    }

    /**
     * rule(this, y) for {@link BinaryRule#ADD} and {@link BinaryRule#SUBTRACT}, whose partials are
     * f<sub>x</sub> = 1 and f<sub>y</sub> = ±1: the same number as {@code compose}, written so
     * that the receiver's tangent b takes one addition. In {@code sum = sum.add(term)} b is carried
     * from one loop iteration to the next, and every operation on it lengthens each iteration:
     * written this way the sum's tangent skips the {@code chain} test {@code compose} would put
     * on that chain (measured in {@code benchmarks/JOURNAL.md}, "Forward mode").
     *
     * <p>Why it is the same number: {@code chain(1, b)} is b + 0.0 (+0 for b = ±0, else b), and
     * {@code chain(fy, d)} is d′ = fy·d + 0.0 for fy = ±1, which is never −0. So the table's
     * (b + 0.0) + d′ equals b + d′ bit for bit: they could differ only at b = −0, where both give
     * d′ (+0 if d′ is zero). {@code DualEdgeValuesTest} checks it on every edge value.
     */
    private Dual unitLinear(BinaryRule rule, Dual y) {
        double f0 = rule.value(value, y.value);
        int p = pass == y.pass ? pass : Pass.join(pass, y.pass);
        return new Dual(f0, tangent + (rule.dy(value, y.value, f0) * y.tangent + 0.0), p);
    }

    /** rule(this, c) for a constant c: tangent f<sub>x</sub>(a, c)·b. */
    @Override
    protected Dual apply(BinaryRule rule, double c) {
        double f0 = rule.value(value, c);
        return compose(f0, rule.dx(value, c, f0));
    }

    /** rule(this; p) for a constant parameter p: tangent ∂f/∂x·b. */
    @Override
    protected Dual apply(ParametricRule rule, double p) {
        double f0 = rule.value(value, p);
        return compose(f0, rule.first(value, p, f0));
    }

    // ---- a measured fast path (every other elementary method is RuleNumber's) ---------------

    /**
     * (a + bε) + (c + dε) = (a + c) + (b + d)ε: {@link BinaryRule#ADD} through {@code unitLinear},
     * bit for bit the rule's result (the receiver is often a running sum).
     */
    @Override public Dual add(Dual y) { return unitLinear(BinaryRule.ADD, y); }
    /** (a + bε) − (c + dε) = (a − c) + (b − d)ε: {@link BinaryRule#SUBTRACT} through {@code unitLinear}. */
    @Override public Dual subtract(Dual y) { return unitLinear(BinaryRule.SUBTRACT, y); }

    // ---- linear combinations (ForwardNumber's; this type adds the terms' derivative parts) ---

    /** The given value with the sum of the terms' tangents (the tangent of a sum is the sum). */
    @Override
    Dual sum(double value, Dual[] terms) {
        double t = 0;
        int pass = 0;
        for (Dual term : terms) {
            t += term.tangent;
            pass = Pass.join(pass, term.pass);
        }
        return new Dual(value, t, pass);
    }

    // ---- Object -----------------------------------------------------------------------------

    /** Equal when value and tangent are equal as by {@link Double#equals} (NaN equals NaN, 0.0 ≠ −0.0). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dual)) {
            return false;
        }
        Dual d = (Dual) o;
        return Double.doubleToLongBits(value) == Double.doubleToLongBits(d.value)
                && Double.doubleToLongBits(tangent) == Double.doubleToLongBits(d.tangent);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Double.hashCode(tangent);
    }

    /** @return e.g. {@code "9.0 + 6.0ε"} */
    @Override
    public String toString() {
        return value + " + " + tangent + "ε";
    }
}
