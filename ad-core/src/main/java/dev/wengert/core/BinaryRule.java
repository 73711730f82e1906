package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;

/**
 * The table of binary elementary functions f(x, y), written once: value, the partials
 * f<sub>x</sub>, f<sub>y</sub> and the second partials f<sub>xx</sub>, f<sub>xy</sub>,
 * f<sub>yy</sub>. For {@code a.atan2(b)}, {@code a.pow(b)}, {@code a.hypot(b)} and so on, x is the
 * receiver {@code a} and y the argument {@code b}. Values are bit-identical to commons-math3's
 * {@code Decimal64}; singular points follow the conventions table in {@link Rules}.
 */
public enum BinaryRule {

    /** f = x + y; f<sub>x</sub> = f<sub>y</sub> = 1; second partials 0. Linear. */
    ADD("+") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.add(y); }
        @Override public double value(double x, double y) { return x + y; }
        @Override public double dx(double x, double y, double f) { return 1; }
        @Override public double dy(double x, double y, double f) { return 1; }
        @Override public double dxx(double x, double y, double f) { return 0; }
        @Override public double dxy(double x, double y, double f) { return 0; }
        @Override public double dyy(double x, double y, double f) { return 0; }
    },

    /** f = x − y; f<sub>x</sub> = 1, f<sub>y</sub> = −1; second partials 0. Linear. */
    SUBTRACT("-") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.subtract(y); }
        @Override public double value(double x, double y) { return x - y; }
        @Override public double dx(double x, double y, double f) { return 1; }
        @Override public double dy(double x, double y, double f) { return -1; }
        @Override public double dxx(double x, double y, double f) { return 0; }
        @Override public double dxy(double x, double y, double f) { return 0; }
        @Override public double dyy(double x, double y, double f) { return 0; }
    },

    /** f = x·y; f<sub>x</sub> = y, f<sub>y</sub> = x; f<sub>xy</sub> = 1, f<sub>xx</sub> = f<sub>yy</sub> = 0. */
    MULTIPLY("*") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.multiply(y); }
        @Override public double value(double x, double y) { return x * y; }
        @Override public double dx(double x, double y, double f) { return y; }
        @Override public double dy(double x, double y, double f) { return x; }
        @Override public double dxx(double x, double y, double f) { return 0; }
        @Override public double dxy(double x, double y, double f) { return 1; }
        @Override public double dyy(double x, double y, double f) { return 0; }
    },

    /**
     * f = x/y; f<sub>x</sub> = 1/y, f<sub>y</sub> = −f/y; f<sub>xx</sub> = 0,
     * f<sub>xy</sub> = −1/y², f<sub>yy</sub> = 2f/y². Pole at y = 0.
     */
    DIVIDE("/") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.divide(y); }
        @Override public double value(double x, double y) { return x / y; }
        @Override public double dx(double x, double y, double f) { return 1.0 / y; }
        @Override public double dy(double x, double y, double f) { return -f / y; }
        @Override public double dxx(double x, double y, double f) { return 0; }
        @Override public double dxy(double x, double y, double f) { return -1.0 / (y * y); }
        @Override public double dyy(double x, double y, double f) { return 2 * f / (y * y); }
        @Override public boolean safe(double x, double y, double margin) { return Math.abs(y) > margin; }
    },

    /**
     * f = x<sup>y</sup> (FastMath.pow); f<sub>x</sub> = y·x<sup>y−1</sup> (0 when y = 0);
     * f<sub>y</sub> = f·ln x, and at x = 0 its limit as x → 0⁺: 0 for y &gt; 0, −∞ for y ≤ 0
     * (so ∂(0⁰)/∂y = −∞, as {@code DerivativeStructure.pow(0.0, y)}); NaN for x &lt; 0, where
     * x<sup>y</sup> is defined only at integer y. f<sub>xx</sub> = y(y−1)x<sup>y−2</sup> (0 for
     * y ∈ {0, 1}), f<sub>xy</sub> = x<sup>y−1</sup>(1 + y·ln x) (1/x for y = 0),
     * f<sub>yy</sub> = f·(ln x)² (0 at x = 0 for y &gt; 0).
     */
    POW("pow") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.pow(y); }
        @Override public double value(double x, double y) { return FastMath.pow(x, y); }
        @Override public double dx(double x, double y, double f) { return y == 0 ? 0 : y * FastMath.pow(x, y - 1); }
        @Override public double dy(double x, double y, double f) {
            if (x == 0 && !Double.isNaN(y)) {
                return y > 0 ? 0 : Double.NEGATIVE_INFINITY;
            }
            return f * FastMath.log(x);
        }
        @Override public double dxx(double x, double y, double f) {
            return (y == 0 || y == 1) ? 0 : y * (y - 1) * FastMath.pow(x, y - 2);
        }
        @Override public double dxy(double x, double y, double f) {
            return y == 0 ? 1.0 / x : FastMath.pow(x, y - 1) * (1 + y * FastMath.log(x));
        }
        @Override public double dyy(double x, double y, double f) {
            if (x == 0 && y > 0) {
                return 0;
            }
            double l = FastMath.log(x);
            return f * l * l;
        }
        @Override public boolean safe(double x, double y, double margin) {
            return x > margin && x < 1e3 && Math.abs(y) < 8;
        }
    },

    /**
     * f = atan2(x, y), the angle of the point (y, x) (receiver x is the ordinate); with
     * r² = x² + y²: f<sub>x</sub> = y/r², f<sub>y</sub> = −x/r²; f<sub>xx</sub> = −2xy/r⁴,
     * f<sub>xy</sub> = (x² − y²)/r⁴, f<sub>yy</sub> = 2xy/r⁴. At the origin all partials are NaN,
     * as in {@code DerivativeStructure}: the angle jumps there, no convention is right for every
     * direction. The value follows FastMath.atan2, signed zeros included.
     */
    ATAN2("atan2") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.atan2(y); }
        @Override public double value(double x, double y) { return FastMath.atan2(x, y); }
        @Override public double dx(double x, double y, double f) { return y / (x * x + y * y); }
        @Override public double dy(double x, double y, double f) { return -x / (x * x + y * y); }
        @Override public double dxx(double x, double y, double f) {
            double r2 = x * x + y * y;
            return -2 * x * y / (r2 * r2);
        }
        @Override public double dxy(double x, double y, double f) {
            double r2 = x * x + y * y;
            return (x * x - y * y) / (r2 * r2);
        }
        @Override public double dyy(double x, double y, double f) {
            double r2 = x * x + y * y;
            return 2 * x * y / (r2 * r2);
        }
        @Override public boolean safe(double x, double y, double margin) {
            return Math.hypot(x, y) > margin && !(y < 0 && Math.abs(x) <= margin);
        }
    },

    /**
     * f = √(x² + y²) (FastMath.hypot, no overflow); f<sub>x</sub> = x/f, f<sub>y</sub> = y/f;
     * f<sub>xx</sub> = y²/f³, f<sub>xy</sub> = −xy/f³, f<sub>yy</sub> = x²/f³. At the origin
     * the partials are NaN, as in {@code DerivativeStructure}; where f = +∞ (an infinite
     * argument) all partials are 0, as in {@code DerivativeStructure}.
     */
    HYPOT("hypot") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.hypot(y); }
        @Override public double value(double x, double y) { return FastMath.hypot(x, y); }
        @Override public double dx(double x, double y, double f) { return f == Double.POSITIVE_INFINITY ? 0 : x / f; }
        @Override public double dy(double x, double y, double f) { return f == Double.POSITIVE_INFINITY ? 0 : y / f; }
        @Override public double dxx(double x, double y, double f) {
            double u = y / f;
            return f == Double.POSITIVE_INFINITY ? 0 : u * u / f;
        }
        @Override public double dxy(double x, double y, double f) {
            return f == Double.POSITIVE_INFINITY ? 0 : -(x / f) * (y / f) / f;
        }
        @Override public double dyy(double x, double y, double f) {
            double u = x / f;
            return f == Double.POSITIVE_INFINITY ? 0 : u * u / f;
        }
        @Override public boolean safe(double x, double y, double margin) { return Math.hypot(x, y) > margin; }
    },

    /**
     * f = IEEEremainder(x, y) = x − k·y with k = rint((x − f)/y); f<sub>x</sub> = 1,
     * f<sub>y</sub> = −k (as {@code DerivativeStructure}); second partials 0. Jumps where x/y is a
     * half-integer are not differentiated.
     */
    REMAINDER("remainder") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.remainder(y); }
        @Override public double value(double x, double y) { return FastMath.IEEEremainder(x, y); }
        @Override public double dx(double x, double y, double f) { return 1; }
        @Override public double dy(double x, double y, double f) { return -FastMath.rint((x - f) / y); }
        @Override public double dxx(double x, double y, double f) { return 0; }
        @Override public double dxy(double x, double y, double f) { return 0; }
        @Override public double dyy(double x, double y, double f) { return 0; }
        @Override public boolean safe(double x, double y, double margin) {
            if (Math.abs(y) <= margin) {
                return false;
            }
            // the jumps are where x/y is a half-integer; moving x and y by up to margin moves the
            // quotient by up to margin·(1 + |x/y|)/|y|, so that is the distance to keep in q
            return awayFromHalfIntegers(x / y, margin * (1 + Math.abs(x / y)) / Math.abs(y));
        }
    },

    /**
     * f = |x| with the sign of y (sign bits); f<sub>x</sub> = +1 when x and y have the same sign
     * bit, −1 otherwise; f<sub>y</sub> = 0; second partials 0 (as {@code DerivativeStructure}).
     */
    COPY_SIGN("copySign") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return x.copySign(y); }
        @Override public double value(double x, double y) { return FastMath.copySign(x, y); }
        @Override public double dx(double x, double y, double f) { return Rules.sameSignBit(x, y) ? 1 : -1; }
        @Override public double dy(double x, double y, double f) { return 0; }
        @Override public double dxx(double x, double y, double f) { return 0; }
        @Override public double dxy(double x, double y, double f) { return 0; }
        @Override public double dyy(double x, double y, double f) { return 0; }
        @Override public boolean safe(double x, double y, double margin) {
            return Math.abs(x) > margin && Math.abs(y) > margin;
        }
    },

    /**
     * f = max(x, y) (Math.max: NaN if either is NaN, max(−0, +0) = +0); f<sub>x</sub> = 1 where
     * x &gt; y, 0 where x &lt; y, ½ at a tie (x = y), NaN if either is NaN; f<sub>y</sub> =
     * 1 − f<sub>x</sub>; second partials 0. ({@link Functions#max})
     */
    MAX("max") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return Functions.max(x, y); }
        @Override public double value(double x, double y) { return Math.max(x, y); }
        @Override public double dx(double x, double y, double f) { return x > y ? 1 : x < y ? 0 : x == y ? 0.5 : Double.NaN; }
        @Override public double dy(double x, double y, double f) { return 1 - dx(x, y, f); }
        @Override public double dxx(double x, double y, double f) { return 0 * dx(x, y, f); }
        @Override public double dxy(double x, double y, double f) { return 0 * dx(x, y, f); }
        @Override public double dyy(double x, double y, double f) { return 0 * dx(x, y, f); }
        @Override public boolean safe(double x, double y, double margin) { return Math.abs(x - y) > margin; }
    },

    /**
     * f = min(x, y) (Math.min); f<sub>x</sub> = 1 where x &lt; y, 0 where x &gt; y, ½ at a tie,
     * NaN if either is NaN; f<sub>y</sub> = 1 − f<sub>x</sub>; second partials 0.
     * ({@link Functions#min})
     */
    MIN("min") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x, T y) { return Functions.min(x, y); }
        @Override public double value(double x, double y) { return Math.min(x, y); }
        @Override public double dx(double x, double y, double f) { return x < y ? 1 : x > y ? 0 : x == y ? 0.5 : Double.NaN; }
        @Override public double dy(double x, double y, double f) { return 1 - dx(x, y, f); }
        @Override public double dxx(double x, double y, double f) { return 0 * dx(x, y, f); }
        @Override public double dxy(double x, double y, double f) { return 0 * dx(x, y, f); }
        @Override public double dyy(double x, double y, double f) { return 0 * dx(x, y, f); }
        @Override public boolean safe(double x, double y, double margin) { return Math.abs(x - y) > margin; }
    };

    /**
     * @param q a quotient
     * @param m the distance to keep
     * @return whether q is more than m away from every half-integer k + ½ (the jumps of rint)
     */
    static boolean awayFromHalfIntegers(double q, double m) {
        double h = q - 0.5;
        double d = h - Math.floor(h);
        return d > m && d < 1 - m;
    }

    private final String symbol;

    BinaryRule(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator symbol ({@code +}, {@code -}, {@code *}, {@code /}) or function name */
    public String symbol() {
        return symbol;
    }

    /**
     * @param x the first argument (the receiver)
     * @param y the second argument
     * @return f(x, y), bit-identical to {@code Decimal64}
     */
    public abstract double value(double x, double y);

    /**
     * @param x first argument
     * @param y second argument
     * @param f the value
     * @return ∂f/∂x
     */
    public abstract double dx(double x, double y, double f);

    /**
     * @param x first argument
     * @param y second argument
     * @param f the value
     * @return ∂f/∂y
     */
    public abstract double dy(double x, double y, double f);

    /**
     * @param x first argument
     * @param y second argument
     * @param f the value
     * @return ∂²f/∂x²
     */
    public abstract double dxx(double x, double y, double f);

    /**
     * @param x first argument
     * @param y second argument
     * @param f the value
     * @return ∂²f/∂x∂y
     */
    public abstract double dxy(double x, double y, double f);

    /**
     * @param x first argument
     * @param y second argument
     * @param f the value
     * @return ∂²f/∂y²
     */
    public abstract double dyy(double x, double y, double f);

    /**
     * The {@link RealFieldElement} method (or {@link Functions} helper) this rule stands for,
     * applied to x and y: on {@code Decimal64} it gives {@link #value} bit for bit, on
     * {@code DerivativeStructure} the reference derivatives, and on a Wengert number
     * ({@link RuleNumber}) exactly {@code x.apply(this, y)}.
     *
     * @param x the first argument (the receiver)
     * @param y the second argument
     * @param <T> the number type
     * @return f(x, y), e.g. {@code x.atan2(y)} for {@link #ATAN2}
     */
    public abstract <T extends RealFieldElement<T>> T applyTo(T x, T y);

    /**
     * @param x first argument
     * @param y second argument
     * @param margin the distance to keep from singular points
     * @return true where the rule is smooth around (x, y)
     */
    public boolean safe(double x, double y, double margin) {
        return true;
    }
}
