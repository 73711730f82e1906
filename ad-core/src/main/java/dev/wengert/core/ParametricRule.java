package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;

/**
 * Unary elementary functions with a constant parameter p — {@code x.pow(2.5)}, {@code x.pow(3)},
 * {@code x.rootN(4)}, {@code x.scalb(-3)}, {@code x.remainder(2.0)}, {@code x.copySign(-1.0)} —
 * with value, first and second derivative with respect to x, written once for every mode.
 * {@link #POW}, {@link #REMAINDER} and {@link #COPY_SIGN} are {@link BinaryRule}s with the second
 * argument held constant, and take their value and derivatives from that rule (f′ = f<sub>x</sub>,
 * f″ = f<sub>xx</sub>); the others have their own formulas.
 * Values are bit-identical to commons-math3's {@code Decimal64}. Singular points follow the
 * conventions table in {@link Rules}.
 */
public enum ParametricRule {

    /**
     * f = x<sup>p</sup> for a constant real p: {@link BinaryRule#POW} with y held at p, so
     * f′ = f<sub>x</sub> = p·x<sup>p−1</sup> and f″ = f<sub>xx</sub> = p(p−1)·x<sup>p−2</sup>. By
     * that rule's convention f′ = 0 when p = 0 and f″ = 0 when p ∈ {0, 1}, at every x including 0
     * (x⁰ ≡ 1 is constant); {@code DerivativeStructure} gives NaN for f′ at 0<sup>0</sup>. At
     * x = 0, f′ is 0 for p &gt; 1, 1 for p = 1, +∞ for 0 &lt; p &lt; 1.
     */
    POW("pow") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, double p) { return x.pow(p); }
        @Override public double value(double x, double p) { return BinaryRule.POW.value(x, p); }
        @Override public double first(double x, double p, double f) { return BinaryRule.POW.dx(x, p, f); }
        @Override public double second(double x, double p, double f, double f1) { return BinaryRule.POW.dxx(x, p, f); }
        @Override public boolean safe(double x, double p, double margin) {
            return p == Math.rint(p) && p >= 0 ? Math.abs(x) < 1e3 : x > margin && x < 1e3;
        }
    },

    /**
     * f = xⁿ for a constant integer n (FastMath.pow(double, int)); f′ = n·xⁿ⁻¹; f″ = n(n−1)·xⁿ⁻².
     * f′ = 0 for n = 0 and f″ = 0 for n ∈ {0, 1}, at every x.
     */
    POW_INT("pow") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, double p) { return x.pow((int) p); }
        @Override public double value(double x, double p) { return FastMath.pow(x, (int) p); }
        @Override public double first(double x, double p, double f) {
            int n = (int) p;
            return n == 0 ? 0 : n * FastMath.pow(x, n - 1);
        }
        @Override public double second(double x, double p, double f, double f1) {
            int n = (int) p;
            return (n == 0 || n == 1) ? 0 : (double) n * (n - 1) * FastMath.pow(x, n - 2);
        }
        @Override public boolean safe(double x, double p, double margin) {
            return p >= 0 ? Math.abs(x) < 1e3 : Math.abs(x) > margin && Math.abs(x) < 1e3;
        }
    },

    /**
     * f = x<sup>1/n</sup> for a constant integer n, extended oddly to x &lt; 0 as commons-math3's
     * {@code Decimal64.rootN} does (f(x) = −(−x)<sup>1/n</sup>); f′ = 1/(n·|f|<sup>n−1</sup>);
     * f″ = f′·(1/n − 1)/x. At 0: f′ = +∞, f″ = −∞ (as {@code DerivativeStructure}). For x &lt; 0,
     * {@code DerivativeStructure} returns NaN while {@code Decimal64} defines the value; Wengert
     * follows {@code Decimal64}'s value and differentiates it.
     */
    ROOT_N("rootN") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, double p) { return x.rootN((int) p); }
        @Override public double value(double x, double p) {
            int n = (int) p;
            return x < 0 ? -FastMath.pow(-x, 1.0 / n) : FastMath.pow(x, 1.0 / n);
        }
        @Override public double first(double x, double p, double f) {
            int n = (int) p;
            return 1.0 / (n * FastMath.pow(FastMath.abs(f), n - 1));
        }
        @Override public double second(double x, double p, double f, double f1) {
            return f1 * (1.0 / (int) p - 1) / x;
        }
        @Override public boolean safe(double x, double p, double margin) { return Math.abs(x) > margin; }
    },

    /** f = x·2ⁿ for a constant integer n (FastMath.scalb); f′ = 2ⁿ; f″ = 0. Linear. */
    SCALB("scalb") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, double p) { return x.scalb((int) p); }
        @Override public double value(double x, double p) { return FastMath.scalb(x, (int) p); }
        @Override public double first(double x, double p, double f) { return FastMath.scalb(1.0, (int) p); }
        @Override public double second(double x, double p, double f, double f1) { return 0; }
    },

    /**
     * f = IEEEremainder(x, a) = x − k·a, k = rint(x/a), for a constant a: {@link BinaryRule#REMAINDER}
     * with y held at a, so f′ = f<sub>x</sub> = 1 and f″ = f<sub>xx</sub> = 0 (the jumps at
     * x = (k + ½)·a are not differentiated).
     */
    REMAINDER("remainder") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, double p) { return x.remainder(p); }
        @Override public double value(double x, double p) { return BinaryRule.REMAINDER.value(x, p); }
        @Override public double first(double x, double p, double f) { return BinaryRule.REMAINDER.dx(x, p, f); }
        @Override public double second(double x, double p, double f, double f1) {
            return BinaryRule.REMAINDER.dxx(x, p, f);
        }
        @Override public boolean safe(double x, double p, double margin) {
            // the jumps are where x/p is a half-integer; moving x by margin moves x/p by margin/|p|
            return BinaryRule.awayFromHalfIntegers(x / p, margin / Math.abs(p));
        }
    },

    /**
     * f = |x| with the sign of the constant s: {@link BinaryRule#COPY_SIGN} with y held at s
     * (FastMath.copySign: sign bits, so −0.0 counts as negative), so f′ = f<sub>x</sub> = +1 when
     * x and s have the same sign bit, −1 otherwise (as {@code DerivativeStructure}), and
     * f″ = f<sub>xx</sub> = 0.
     */
    COPY_SIGN("copySign") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, double p) { return x.copySign(p); }
        @Override public double value(double x, double p) { return BinaryRule.COPY_SIGN.value(x, p); }
        @Override public double first(double x, double p, double f) { return BinaryRule.COPY_SIGN.dx(x, p, f); }
        @Override public double second(double x, double p, double f, double f1) {
            return BinaryRule.COPY_SIGN.dxx(x, p, f);
        }
        @Override public boolean safe(double x, double p, double margin) { return Math.abs(x) > margin; }
    };

    private final String functionName;

    ParametricRule(String functionName) {
        this.functionName = functionName;
    }

    /** @return the function's name as the expression language spells it, e.g. {@code "rootN"} */
    public String functionName() {
        return functionName;
    }

    /**
     * @param x the argument
     * @param p the constant parameter (an integer for POW_INT, ROOT_N and SCALB)
     * @return f(x; p)
     */
    public abstract double value(double x, double p);

    /**
     * @param x the argument
     * @param p the parameter
     * @param f the value f(x; p)
     * @return ∂f/∂x
     */
    public abstract double first(double x, double p, double f);

    /**
     * @param x the argument
     * @param p the parameter
     * @param f the value
     * @param f1 the first derivative
     * @return ∂²f/∂x²
     */
    public abstract double second(double x, double p, double f, double f1);

    /**
     * The {@link RealFieldElement} method this rule stands for, applied to x with the parameter p
     * (cast to {@code int} for {@link #POW_INT}, {@link #ROOT_N} and {@link #SCALB}): on
     * {@code Decimal64} it gives {@link #value} bit for bit, on a Wengert number
     * ({@link RuleNumber}) exactly the rule applied with p as a constant.
     *
     * @param x the argument
     * @param p the parameter
     * @param <T> the number type
     * @return f(x; p), e.g. {@code x.rootN((int) p)} for {@link #ROOT_N}
     */
    public abstract <T extends RealFieldElement<T>> T applyTo(T x, double p);

    /**
     * @param x the argument
     * @param p the parameter
     * @param margin the distance to keep from singular points
     * @return true where the rule is smooth around x and its value moderate
     */
    public boolean safe(double x, double p, double margin) {
        return true;
    }
}
