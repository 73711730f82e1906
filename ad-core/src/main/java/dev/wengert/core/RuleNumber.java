package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;

/**
 * The one place where each {@link RealFieldElement} method is mapped to its rule of the ad-core
 * table, for every Wengert number type ({@code Dual}, {@code DualVector}, {@code HyperDual},
 * {@code Var}). A number type implements four primitives — how it carries derivatives through
 * one rule application — and inherits every elementary method:
 *
 * <pre>
 * primitive                         applies                     e.g.
 * apply(UnaryRule r)                f = r(x)                    sin(), sqrt(), negate()
 * apply(BinaryRule r, T y)          f = r(x, y)                 add(y), pow(y), atan2(y)
 * apply(BinaryRule r, double c)     f = r(x, c), c constant     add(2.0), multiply(3)
 * apply(ParametricRule r, double p) f = r(x; p), p a parameter  pow(2.5), rootN(3), scalb(-1)
 * </pre>
 *
 * <p>Each primitive takes the value and the local partials from the rule — value
 * {@code r.value}, first derivative {@code r.first} (or {@code r.dx}, {@code r.dy}), second
 * derivative where the type carries one — and combines them with the operands' derivatives by
 * the chain rule, in that type's own way: a tangent (forward mode), k tangents, ε₁, ε₂ and ε₁ε₂
 * parts (hyper-dual), or a tape entry whose partials an adjoint sweep reads later (reverse mode).
 * So {@code x.sin()} is {@code x.apply(UnaryRule.SIN)} in every mode, and the derivative of sin is
 * written once, in {@link UnaryRule#SIN}.
 *
 * <p>Example: for a dual number x = 3 + 1ε, {@code x.sin()} is {@code apply(UnaryRule.SIN)}:
 * value sin 3 from {@code SIN.value}, tangent cos 3 · 1 from {@code SIN.first}; for a
 * {@code Var} the same call appends one tape entry with value sin 3 and partial cos 3.
 *
 * <p><b>Adding an elementary function</b>: a function {@code RealFieldElement} lacks is one
 * entry of {@link UnaryRule} or {@link BinaryRule} (value, derivatives, domain, its
 * {@code applyTo}) and, for users, a {@link Functions} helper; no number type changes. What a
 * number type may still override is a measured fast path of an arithmetic method, and then it
 * must give the rule's result bit for bit (a test compares them).
 *
 * <p>Not rules, and so left to each type: {@code getReal}, {@code getField}, the linear
 * combinations (one n-ary operation whose value is {@code Decimal64}'s), {@code equals} and
 * {@code hashCode}. The checks that refuse mixing numbers (two forward passes, two tapes, a
 * closed tape) live in the primitives, so every method applies them.
 *
 * @param <T> the number type itself
 */
public abstract class RuleNumber<T extends RuleNumber<T>> implements RealFieldElement<T>, Elementary<T> {

    /** For subclasses: a number type of Wengert. */
    protected RuleNumber() {
    }

    /**
     * rule(this, c) for a constant c: value {@code rule.value(x, c)}, derivatives through
     * ∂f/∂x = {@code rule.dx(x, c, f)} (and ∂²f/∂x² = {@code rule.dxx} where carried).
     *
     * @param rule a binary rule
     * @param c its second argument, a constant
     * @return rule(this, c)
     */
    protected abstract T apply(BinaryRule rule, double c);

    /**
     * rule(this; p) for a constant parameter p: value {@code rule.value(x, p)}, derivatives
     * through ∂f/∂x = {@code rule.first(x, p, f)} (and {@code rule.second} where carried).
     *
     * @param rule a parametric rule
     * @param p its parameter
     * @return rule(this; p)
     */
    protected abstract T apply(ParametricRule rule, double p);

    // ---- arithmetic -------------------------------------------------------------------------

    /** this + a ({@link BinaryRule#ADD}: ∂x = ∂y = 1). */
    @Override public T add(T a) { return apply(BinaryRule.ADD, a); }
    /** this + a for a constant a ({@link BinaryRule#ADD}). */
    @Override public T add(double a) { return apply(BinaryRule.ADD, a); }
    /** this − a ({@link BinaryRule#SUBTRACT}: ∂x = 1, ∂y = −1). */
    @Override public T subtract(T a) { return apply(BinaryRule.SUBTRACT, a); }
    /** this − a for a constant a ({@link BinaryRule#SUBTRACT}). */
    @Override public T subtract(double a) { return apply(BinaryRule.SUBTRACT, a); }
    /** −this ({@link UnaryRule#NEGATE}: f′ = −1). */
    @Override public T negate() { return apply(UnaryRule.NEGATE); }
    /** this·a ({@link BinaryRule#MULTIPLY}: ∂x = y, ∂y = x). */
    @Override public T multiply(T a) { return apply(BinaryRule.MULTIPLY, a); }
    /** this·a for a constant a ({@link BinaryRule#MULTIPLY}: f′ = a). */
    @Override public T multiply(double a) { return apply(BinaryRule.MULTIPLY, a); }
    /** this·n ({@link BinaryRule#MULTIPLY} with the constant n; value {@code x * n}, as {@code Decimal64}). */
    @Override public T multiply(int n) { return apply(BinaryRule.MULTIPLY, n); }
    /** this/a ({@link BinaryRule#DIVIDE}: ∂x = 1/y, ∂y = −f/y). */
    @Override public T divide(T a) { return apply(BinaryRule.DIVIDE, a); }
    /** this/a for a constant a ({@link BinaryRule#DIVIDE}: f′ = 1/a). */
    @Override public T divide(double a) { return apply(BinaryRule.DIVIDE, a); }
    /** 1/this ({@link UnaryRule#RECIPROCAL}: f′ = −f²). */
    @Override public T reciprocal() { return apply(UnaryRule.RECIPROCAL); }

    // ---- rounding, sign and scaling ---------------------------------------------------------

    /** IEEE remainder by a constant a ({@link ParametricRule#REMAINDER}: f′ = 1). */
    @Override public T remainder(double a) { return apply(ParametricRule.REMAINDER, a); }
    /** IEEE remainder x − k·y ({@link BinaryRule#REMAINDER}: ∂x = 1, ∂y = −k). */
    @Override public T remainder(T a) { return apply(BinaryRule.REMAINDER, a); }
    /** |this| ({@link UnaryRule#ABS}: f′ = ±1 by the sign bit). */
    @Override public T abs() { return apply(UnaryRule.ABS); }
    /** ⌈this⌉ ({@link UnaryRule#CEIL}: f′ = 0). */
    @Override public T ceil() { return apply(UnaryRule.CEIL); }
    /** ⌊this⌋ ({@link UnaryRule#FLOOR}: f′ = 0). */
    @Override public T floor() { return apply(UnaryRule.FLOOR); }
    /** rint(this) ({@link UnaryRule#RINT}: f′ = 0). */
    @Override public T rint() { return apply(UnaryRule.RINT); }
    /** signum(this) ({@link UnaryRule#SIGNUM}: f′ = 0). */
    @Override public T signum() { return apply(UnaryRule.SIGNUM); }
    /** |this| with the sign of s ({@link BinaryRule#COPY_SIGN}: ∂x = ±1, ∂s = 0). */
    @Override public T copySign(T s) { return apply(BinaryRule.COPY_SIGN, s); }
    /** |this| with the sign of the constant s ({@link ParametricRule#COPY_SIGN}: f′ = ±1). */
    @Override public T copySign(double s) { return apply(ParametricRule.COPY_SIGN, s); }
    /** this·2ⁿ ({@link ParametricRule#SCALB}: f′ = 2ⁿ). */
    @Override public T scalb(int n) { return apply(ParametricRule.SCALB, n); }

    /**
     * The value rounded to the nearest long; not a number of the field, so no derivative.
     *
     * @return {@code FastMath.round(getReal())}
     */
    @Override
    public long round() {
        return FastMath.round(getReal());
    }

    // ---- powers and roots -------------------------------------------------------------------

    /** √(x² + y²) ({@link BinaryRule#HYPOT}: ∂x = x/f, ∂y = y/f). */
    @Override public T hypot(T y) { return apply(BinaryRule.HYPOT, y); }
    /** √this ({@link UnaryRule#SQRT}: f′ = 1/(2f)). */
    @Override public T sqrt() { return apply(UnaryRule.SQRT); }
    /** ∛this ({@link UnaryRule#CBRT}: f′ = 1/(3f²)). */
    @Override public T cbrt() { return apply(UnaryRule.CBRT); }
    /** this<sup>1/n</sup> ({@link ParametricRule#ROOT_N}: f′ = 1/(n·|f|<sup>n−1</sup>)). */
    @Override public T rootN(int n) { return apply(ParametricRule.ROOT_N, n); }
    /** this<sup>p</sup> for a constant p ({@link ParametricRule#POW}: f′ = p·x<sup>p−1</sup>). */
    @Override public T pow(double p) { return apply(ParametricRule.POW, p); }
    /** thisⁿ ({@link ParametricRule#POW_INT}: f′ = n·xⁿ⁻¹). */
    @Override public T pow(int n) { return apply(ParametricRule.POW_INT, n); }
    /** this<sup>e</sup> ({@link BinaryRule#POW}: ∂x = y·x<sup>y−1</sup>, ∂y = f·ln x). */
    @Override public T pow(T e) { return apply(BinaryRule.POW, e); }

    // ---- exponentials, logarithms, trigonometric and hyperbolic functions --------------------

    /** e<sup>this</sup> ({@link UnaryRule#EXP}: f′ = f). */
    @Override public T exp() { return apply(UnaryRule.EXP); }
    /** e<sup>this</sup> − 1 ({@link UnaryRule#EXPM1}: f′ = eˣ). */
    @Override public T expm1() { return apply(UnaryRule.EXPM1); }
    /** ln this ({@link UnaryRule#LOG}: f′ = 1/x). */
    @Override public T log() { return apply(UnaryRule.LOG); }
    /** ln(1 + this) ({@link UnaryRule#LOG1P}: f′ = 1/(1 + x)). */
    @Override public T log1p() { return apply(UnaryRule.LOG1P); }
    /** cos this ({@link UnaryRule#COS}: f′ = −sin x). */
    @Override public T cos() { return apply(UnaryRule.COS); }
    /** sin this ({@link UnaryRule#SIN}: f′ = cos x). */
    @Override public T sin() { return apply(UnaryRule.SIN); }
    /** tan this ({@link UnaryRule#TAN}: f′ = 1 + f²). */
    @Override public T tan() { return apply(UnaryRule.TAN); }
    /** acos this ({@link UnaryRule#ACOS}: f′ = −1/√(1 − x²)). */
    @Override public T acos() { return apply(UnaryRule.ACOS); }
    /** asin this ({@link UnaryRule#ASIN}: f′ = 1/√(1 − x²)). */
    @Override public T asin() { return apply(UnaryRule.ASIN); }
    /** atan this ({@link UnaryRule#ATAN}: f′ = 1/(1 + x²)). */
    @Override public T atan() { return apply(UnaryRule.ATAN); }
    /** atan2(this, x), this the ordinate ({@link BinaryRule#ATAN2}: ∂ = x/r², −y/r²). */
    @Override public T atan2(T x) { return apply(BinaryRule.ATAN2, x); }
    /** cosh this ({@link UnaryRule#COSH}: f′ = sinh x). */
    @Override public T cosh() { return apply(UnaryRule.COSH); }
    /** sinh this ({@link UnaryRule#SINH}: f′ = cosh x). */
    @Override public T sinh() { return apply(UnaryRule.SINH); }
    /** tanh this ({@link UnaryRule#TANH}: f′ = 1 − f²). */
    @Override public T tanh() { return apply(UnaryRule.TANH); }
    /** acosh this ({@link UnaryRule#ACOSH}: f′ = 1/√(x² − 1)). */
    @Override public T acosh() { return apply(UnaryRule.ACOSH); }
    /** asinh this ({@link UnaryRule#ASINH}: f′ = 1/√(x² + 1)). */
    @Override public T asinh() { return apply(UnaryRule.ASINH); }
    /** atanh this ({@link UnaryRule#ATANH}: f′ = 1/(1 − x²)). */
    @Override public T atanh() { return apply(UnaryRule.ATANH); }
}
