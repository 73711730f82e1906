package dev.wengert.core;

import org.apache.commons.math3.util.FastMath;

/**
 * Unary elementary functions with a constant parameter p — {@code x.pow(2.5)}, {@code x.pow(3)},
 * {@code x.rootN(4)}, {@code x.scalb(-3)}, {@code x.remainder(2.0)}, {@code x.copySign(-1.0)} —
 * with value, first and second derivative with respect to x, written once for every mode.
 * Values are bit-identical to commons-math3's {@code Decimal64}. Singular points follow the
 * conventions table in {@link Rules}.
 */
public enum ParametricRule {

    /**
     * f = x<sup>p</sup> for a constant real p (FastMath.pow); f′ = p·x<sup>p−1</sup>;
     * f″ = p(p−1)·x<sup>p−2</sup>. By convention f′ = 0 when p = 0 and f″ = 0 when p ∈ {0, 1}, at
     * every x including 0 (x⁰ ≡ 1 is constant); {@code DerivativeStructure} gives NaN for f′ at
     * 0<sup>0</sup>. At x = 0, f′ is 0 for p &gt; 1, 1 for p = 1, +∞ for 0 &lt; p &lt; 1.
     */
    POW("pow") {
        @Override public double value(double x, double p) { return FastMath.pow(x, p); }
        @Override public double first(double x, double p, double f) {
            return p == 0 ? 0 : p * FastMath.pow(x, p - 1);
        }
        @Override public double second(double x, double p, double f, double f1) {
            return (p == 0 || p == 1) ? 0 : p * (p - 1) * FastMath.pow(x, p - 2);
        }
        @Override public boolean safe(double x, double p, double margin) {
            return p == Math.rint(p) && p >= 0 ? Math.abs(x) < 1e3 : x > margin && x < 1e3;
        }
    },

    /**
     * f = xⁿ for a constant integer n (FastMath.pow(double, int)); f′ = n·xⁿ⁻¹; f″ = n(n−1)·xⁿ⁻².
     * f′ = 0 for n = 0 and f″ = 0 for n ∈ {0, 1}, at every x.
     */
    POW_INT("pow") {
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
        @Override public double value(double x, double p) { return FastMath.scalb(x, (int) p); }
        @Override public double first(double x, double p, double f) { return FastMath.scalb(1.0, (int) p); }
        @Override public double second(double x, double p, double f, double f1) { return 0; }
    },

    /**
     * f = IEEEremainder(x, a) = x − k·a, k = rint(x/a), for a constant a; f′ = 1; f″ = 0 (the jumps
     * at x = (k + ½)·a are not differentiated).
     */
    REMAINDER("remainder") {
        @Override public double value(double x, double p) { return FastMath.IEEEremainder(x, p); }
        @Override public double first(double x, double p, double f) { return 1; }
        @Override public double second(double x, double p, double f, double f1) { return 0; }
        @Override public boolean safe(double x, double p, double margin) {
            // the jumps are where x/p is a half-integer; moving x by margin moves x/p by margin/|p|
            double q = x / p - 0.5;
            double d = q - Math.floor(q);
            double m = margin / Math.abs(p);
            return d > m && d < 1 - m;
        }
    },

    /**
     * f = |x| with the sign of the constant s (FastMath.copySign: sign bits, so −0.0 counts as
     * negative); f′ = +1 when x and s have the same sign bit, −1 otherwise (as
     * {@code DerivativeStructure}); f″ = 0.
     */
    COPY_SIGN("copySign") {
        @Override public double value(double x, double p) { return FastMath.copySign(x, p); }
        @Override public double first(double x, double p, double f) { return Rules.sameSignBit(x, p) ? 1 : -1; }
        @Override public double second(double x, double p, double f, double f1) { return 0; }
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
     * @param x the argument
     * @param p the parameter
     * @param margin the distance to keep from singular points
     * @return true where the rule is smooth around x and its value moderate
     */
    public boolean safe(double x, double p, double margin) {
        return true;
    }
}
