package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;

/**
 * The table of unary elementary functions, written once: for each f its value f(x), its first
 * derivative f′(x) and its second derivative f″(x). Every Wengert mode applies these rules — the
 * dual numbers compose them ({@code compose(f0, f1, f2)}), the tape records f′ as the local partial
 * and the second-order sweep uses f″ — so a rule is fixed in one place.
 *
 * <p>Rules receive the result as well as the input ({@code exp′ = f}, {@code sqrt′ = 0.5 / f}), so
 * no transcendental function is evaluated twice. Values use {@link FastMath} exactly as
 * commons-math3's {@code Decimal64} does, so a Wengert value is bit-identical to plain evaluation.
 *
 * <p>Values at singular points follow the conventions table in {@link Rules}. Outside a rule's
 * domain the value is NaN, as for {@code double}, and so are f′ and f″: a function with no value at
 * a point has no derivative there, and a finite number beside a NaN value reads as an answer
 * (log(x) + x at x = −1: value NaN, derivative NaN — not 1/x + 1 = 0).
 * {@link #safe(double, double)} tells whether a
 * point lies inside the domain and away from kinks and poles.
 *
 * <p>Usage in a mode (a dual number a + bε):
 * <pre>{@code
 * double f0 = UnaryRule.EXP.value(a);
 * double f1 = UnaryRule.EXP.first(a, f0);
 * return new Dual(f0, f1 * b);
 * }</pre>
 */
public enum UnaryRule {

    /** f = −x; f′ = −1; f″ = 0. Linear. */
    NEGATE("negate") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.negate(); }
        @Override public double value(double x) { return -x; }
        @Override public double first(double x, double f) { return -1; }
        @Override public double second(double x, double f, double f1) { return 0; }
    },

    /** f = 1/x; f′ = −f²; f″ = 2f³. Pole at 0: f(±0) = ±∞, f′ = −∞, f″ = ±∞. */
    RECIPROCAL("reciprocal") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.reciprocal(); }
        @Override public double value(double x) { return 1.0 / x; }
        @Override public double first(double x, double f) { return -f * f; }
        @Override public double second(double x, double f, double f1) { return -2 * f * f1; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) > margin; }
    },

    /**
     * f = |x|; f′ = +1 where the sign bit of x is clear (+0 included), −1 where it is set (−0
     * included), as commons-math3's {@code DerivativeStructure.abs()}; f″ = 0. Kink at 0.
     */
    ABS("abs") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.abs(); }
        @Override public double value(double x) { return FastMath.abs(x); }
        @Override public double first(double x, double f) { return Double.doubleToRawLongBits(x) < 0 ? -1 : 1; }
        @Override public double second(double x, double f, double f1) { return 0; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) > margin; }
    },

    /** f = ⌈x⌉; f′ = f″ = 0 everywhere (jumps at the integers are not differentiated). */
    CEIL("ceil") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.ceil(); }
        @Override public double value(double x) { return FastMath.ceil(x); }
        @Override public double first(double x, double f) { return 0; }
        @Override public double second(double x, double f, double f1) { return 0; }
        @Override public boolean safe(double x, double margin) { return awayFromIntegers(x, margin); }
    },

    /** f = ⌊x⌋; f′ = f″ = 0 everywhere (jumps at the integers are not differentiated). */
    FLOOR("floor") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.floor(); }
        @Override public double value(double x) { return FastMath.floor(x); }
        @Override public double first(double x, double f) { return 0; }
        @Override public double second(double x, double f, double f1) { return 0; }
        @Override public boolean safe(double x, double margin) { return awayFromIntegers(x, margin); }
    },

    /** f = rint(x), ties to even; f′ = f″ = 0 everywhere. Jumps at the half-integers. */
    RINT("rint") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.rint(); }
        @Override public double value(double x) { return FastMath.rint(x); }
        @Override public double first(double x, double f) { return 0; }
        @Override public double second(double x, double f, double f1) { return 0; }
        @Override public boolean safe(double x, double margin) { return awayFromIntegers(x + 0.5, margin); }
    },

    /** f = signum(x) ∈ {−1, −0, +0, 1, NaN}; f′ = f″ = 0 everywhere (the jump at 0 is not differentiated). */
    SIGNUM("signum") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.signum(); }
        @Override public double value(double x) { return FastMath.signum(x); }
        @Override public double first(double x, double f) { return 0; }
        @Override public double second(double x, double f, double f1) { return 0; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) > margin; }
    },

    /**
     * f = √x; f′ = 1/(2f); f″ = −f′/(2x). Domain x ≥ 0; at 0: f′ = +∞, f″ = −∞ (as
     * {@code DerivativeStructure}); at −0: f = −0, f′ = −∞. NaN for x &lt; 0.
     */
    SQRT("sqrt") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.sqrt(); }
        @Override public double value(double x) { return FastMath.sqrt(x); }
        @Override public double first(double x, double f) { return 0.5 / f; }
        @Override public double second(double x, double f, double f1) { return -0.5 * f1 / x; }
        @Override public boolean safe(double x, double margin) { return x > margin; }
    },

    /** f = ∛x; f′ = 1/(3f²); f″ = −(2/3)·f′/x. Defined for all x; at 0: f′ = +∞, f″ = −∞ (+∞ at −0). */
    CBRT("cbrt") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.cbrt(); }
        @Override public double value(double x) { return FastMath.cbrt(x); }
        @Override public double first(double x, double f) { return 1.0 / (3.0 * f * f); }
        @Override public double second(double x, double f, double f1) { return f1 * (1.0 / 3.0 - 1.0) / x; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) > margin; }
    },

    /** f = eˣ; f′ = f; f″ = f. */
    EXP("exp") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.exp(); }
        @Override public double value(double x) { return FastMath.exp(x); }
        @Override public double first(double x, double f) { return f; }
        @Override public double second(double x, double f, double f1) { return f; }
        @Override public boolean safe(double x, double margin) { return x < 700; }
    },

    /** f = eˣ − 1; f′ = eˣ; f″ = eˣ. */
    EXPM1("expm1") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.expm1(); }
        @Override public double value(double x) { return FastMath.expm1(x); }
        @Override public double first(double x, double f) { return FastMath.exp(x); }
        @Override public double second(double x, double f, double f1) { return f1; }
        @Override public boolean safe(double x, double margin) { return x < 700; }
    },

    /**
     * f = ln x; f′ = 1/x; f″ = −1/x². Domain x ≥ 0; at 0: f = −∞, f′ = +∞, f″ = −∞. For x &lt; 0
     * the value is NaN and so are f′ and f″ (a derivative of a function that has no value there
     * does not exist; {@code DerivativeStructure} gives the formula's finite 1/x instead).
     */
    LOG("log") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.log(); }
        @Override public double value(double x) { return FastMath.log(x); }
        @Override public double first(double x, double f) { return f != f ? Double.NaN : 1.0 / x; }
        @Override public double second(double x, double f, double f1) { return -f1 * f1; }
        @Override public boolean safe(double x, double margin) { return x > margin; }
    },

    /** f = ln(1 + x); f′ = 1/(1 + x); f″ = −f′². Domain x ≥ −1; for x &lt; −1 f, f′ and f″ are NaN. */
    LOG1P("log1p") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.log1p(); }
        @Override public double value(double x) { return FastMath.log1p(x); }
        @Override public double first(double x, double f) { return f != f ? Double.NaN : 1.0 / (1.0 + x); }
        @Override public double second(double x, double f, double f1) { return -f1 * f1; }
        @Override public boolean safe(double x, double margin) { return x > -1 + margin; }
    },

    /** f = sin x; f′ = cos x; f″ = −f. */
    SIN("sin") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.sin(); }
        @Override public double value(double x) { return FastMath.sin(x); }
        @Override public double first(double x, double f) { return FastMath.cos(x); }
        @Override public double second(double x, double f, double f1) { return -f; }
    },

    /** f = cos x; f′ = −sin x; f″ = −f. */
    COS("cos") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.cos(); }
        @Override public double value(double x) { return FastMath.cos(x); }
        @Override public double first(double x, double f) { return -FastMath.sin(x); }
        @Override public double second(double x, double f, double f1) { return -f; }
    },

    /** f = tan x; f′ = 1 + f²; f″ = 2f·f′. Poles at π/2 + kπ. */
    TAN("tan") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.tan(); }
        @Override public double value(double x) { return FastMath.tan(x); }
        @Override public double first(double x, double f) { return 1 + f * f; }
        @Override public double second(double x, double f, double f1) { return 2 * f * f1; }
        @Override public boolean safe(double x, double margin) {
            return Math.abs(FastMath.cos(x)) > margin;
        }
    },

    /** f = asin x; f′ = 1/√(1 − x²); f″ = x·f′³. Domain [−1, 1]; f′(±1) = +∞. */
    ASIN("asin") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.asin(); }
        @Override public double value(double x) { return FastMath.asin(x); }
        @Override public double first(double x, double f) { return 1.0 / FastMath.sqrt(1 - x * x); }
        @Override public double second(double x, double f, double f1) { return x * f1 * f1 * f1; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) < 1 - margin; }
    },

    /** f = acos x; f′ = −1/√(1 − x²); f″ = x·f′³. Domain [−1, 1]; f′(±1) = −∞. */
    ACOS("acos") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.acos(); }
        @Override public double value(double x) { return FastMath.acos(x); }
        @Override public double first(double x, double f) { return -1.0 / FastMath.sqrt(1 - x * x); }
        @Override public double second(double x, double f, double f1) { return x * f1 * f1 * f1; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) < 1 - margin; }
    },

    /** f = atan x; f′ = 1/(1 + x²); f″ = −2x·f′². */
    ATAN("atan") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.atan(); }
        @Override public double value(double x) { return FastMath.atan(x); }
        @Override public double first(double x, double f) { return 1.0 / (1 + x * x); }
        @Override public double second(double x, double f, double f1) { return -2 * x * f1 * f1; }
    },

    /** f = sinh x; f′ = cosh x; f″ = f. */
    SINH("sinh") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.sinh(); }
        @Override public double value(double x) { return FastMath.sinh(x); }
        @Override public double first(double x, double f) { return FastMath.cosh(x); }
        @Override public double second(double x, double f, double f1) { return f; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) < 700; }
    },

    /** f = cosh x; f′ = sinh x; f″ = f. */
    COSH("cosh") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.cosh(); }
        @Override public double value(double x) { return FastMath.cosh(x); }
        @Override public double first(double x, double f) { return FastMath.sinh(x); }
        @Override public double second(double x, double f, double f1) { return f; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) < 700; }
    },

    /** f = tanh x; f′ = 1 − f²; f″ = −2f·f′. */
    TANH("tanh") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.tanh(); }
        @Override public double value(double x) { return FastMath.tanh(x); }
        @Override public double first(double x, double f) { return 1 - f * f; }
        @Override public double second(double x, double f, double f1) { return -2 * f * f1; }
    },

    /** f = asinh x; f′ = 1/√(1 + x²); f″ = −x·f′³. */
    ASINH("asinh") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.asinh(); }
        @Override public double value(double x) { return FastMath.asinh(x); }
        @Override public double first(double x, double f) { return 1.0 / FastMath.sqrt(1 + x * x); }
        @Override public double second(double x, double f, double f1) { return -x * f1 * f1 * f1; }
    },

    /** f = acosh x; f′ = 1/√(x² − 1); f″ = −x·f′³. Domain x ≥ 1; f′(1) = +∞; for x &lt; 1 f, f′ and f″ are NaN. */
    ACOSH("acosh") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.acosh(); }
        @Override public double value(double x) { return FastMath.acosh(x); }
        @Override public double first(double x, double f) { return f != f ? Double.NaN : 1.0 / FastMath.sqrt(x * x - 1); }
        @Override public double second(double x, double f, double f1) { return -x * f1 * f1 * f1; }
        @Override public boolean safe(double x, double margin) { return x > 1 + margin; }
    },

    /** f = atanh x; f′ = 1/(1 − x²); f″ = 2x·f′². Domain [−1, 1]; f(±1) = ±∞; for |x| &gt; 1 f, f′ and f″ are NaN. */
    ATANH("atanh") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return x.atanh(); }
        @Override public double value(double x) { return FastMath.atanh(x); }
        @Override public double first(double x, double f) { return f != f ? Double.NaN : 1.0 / (1 - x * x); }
        @Override public double second(double x, double f, double f1) { return 2 * x * f1 * f1; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) < 1 - margin; }
    },

    /** f = x²; f′ = 2x; f″ = 2. ({@link Functions#square}) */
    SQUARE("square") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return Functions.square(x); }
        @Override public double value(double x) { return x * x; }
        @Override public double first(double x, double f) { return 2 * x; }
        @Override public double second(double x, double f, double f1) { return 2; }
    },

    /**
     * f = max(x, 0); f′ = 1 for x &gt; 0, 0 for x ≤ 0 (so relu′(0) = 0, the convention of
     * TensorFlow, PyTorch and JAX); f″ = 0; NaN in, NaN out (value and derivatives).
     * ({@link Functions#relu})
     */
    RELU("relu") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return Functions.relu(x); }
        @Override public double value(double x) { return Math.max(x, 0.0); }
        @Override public double first(double x, double f) { return x > 0 ? 1 : (x <= 0 ? 0 : Double.NaN); }
        @Override public double second(double x, double f, double f1) { return 0 * f1; }
        @Override public boolean safe(double x, double margin) { return Math.abs(x) > margin; }
    },

    /**
     * f = σ(x) = 1/(1 + e<sup>−x</sup>); f′ = σ(x)·σ(−x); f″ = f′·(σ(−x) − σ(x)). Evaluated without
     * overflow or cancellation for either sign of x (σ(−x) is computed, never 1 − σ(x)).
     * ({@link Functions#sigmoid})
     */
    SIGMOID("sigmoid") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return Functions.sigmoid(x); }
        @Override public double value(double x) {
            if (x >= 0) {
                return 1.0 / (1.0 + FastMath.exp(-x));
            }
            double e = FastMath.exp(x);
            return e / (1.0 + e);
        }
        @Override public double first(double x, double f) { return f * SIGMOID.value(-x); }
        @Override public double second(double x, double f, double f1) { return f1 * (SIGMOID.value(-x) - f); }
    },

    /**
     * f = ln(1 + eˣ); f′ = σ(x); f″ = σ(x)·σ(−x). Evaluated as x + ln(1 + e<sup>−x</sup>) for
     * x &gt; 0, so it never overflows. ({@link Functions#softplus})
     */
    SOFTPLUS("softplus") {
        @Override public <T extends RealFieldElement<T>> T applyTo(T x) { return Functions.softplus(x); }
        @Override public double value(double x) {
            return x > 0 ? x + FastMath.log1p(FastMath.exp(-x)) : FastMath.log1p(FastMath.exp(x));
        }
        @Override public double first(double x, double f) { return SIGMOID.value(x); }
        @Override public double second(double x, double f, double f1) { return f1 * SIGMOID.value(-x); }
    };

    private final String functionName;

    UnaryRule(String functionName) {
        this.functionName = functionName;
    }

    /** @return the function's name as the expression language spells it, e.g. {@code "sqrt"} */
    public String functionName() {
        return functionName;
    }

    /**
     * @param x the argument
     * @return f(x), bit-identical to commons-math3's {@code Decimal64} evaluation
     */
    public abstract double value(double x);

    /**
     * @param x the argument
     * @param f the value f(x), as returned by {@link #value}
     * @return f′(x)
     */
    public abstract double first(double x, double f);

    /**
     * @param x the argument
     * @param f the value f(x)
     * @param f1 the first derivative f′(x), as returned by {@link #first}
     * @return f″(x)
     */
    public abstract double second(double x, double f, double f1);

    /**
     * The {@link RealFieldElement} method (or, for a function {@code RealFieldElement} lacks, the
     * {@link Functions} helper) this rule stands for, applied to x: on {@code Decimal64} it gives
     * {@link #value} bit for bit, on {@code DerivativeStructure} the reference derivatives, and on
     * a Wengert number ({@link RuleNumber}) exactly {@code x.apply(this)}. The expression language
     * evaluates a rule's node through it.
     *
     * @param x the argument, of any {@code RealFieldElement} type
     * @param <T> the number type
     * @return f(x), e.g. {@code x.sin()} for {@link #SIN}
     */
    public abstract <T extends RealFieldElement<T>> T applyTo(T x);

    /**
     * Whether x lies inside the function's domain, at least {@code margin} away from its edges,
     * kinks, jumps and poles, and where its value stays finite — the points where finite
     * differences are a fair reference.
     *
     * @param x the argument
     * @param margin the distance to keep
     * @return true where the rule is smooth around x
     */
    public boolean safe(double x, double margin) {
        return true;
    }

    /**
     * @param name a function name, e.g. {@code "sqrt"}
     * @return the rule of that name, or {@code null} if there is none
     */
    public static UnaryRule byName(String name) {
        for (UnaryRule r : values()) {
            if (r.functionName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static boolean awayFromIntegers(double x, double margin) {
        double d = x - Math.floor(x);
        return d > margin && d < 1 - margin;
    }
}
