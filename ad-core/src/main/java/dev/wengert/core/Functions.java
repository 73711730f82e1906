package dev.wengert.core;

import dev.wengert.core.internal.Checks;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;

/**
 * Generic helpers that the seed's examples need and {@link RealFieldElement} lacks. Each is one
 * elementary rule of the table ({@link UnaryRule#RELU}, {@link UnaryRule#SIGMOID},
 * {@link UnaryRule#SOFTPLUS}, {@link UnaryRule#SQUARE}, {@link BinaryRule#MAX},
 * {@link BinaryRule#MIN}): on a Wengert number ({@link Elementary}) the rule is applied directly;
 * on {@code Decimal64} its value is computed by the rule; on any other field (commons-math3's
 * {@code DerivativeStructure}, say) it is composed from {@code RealFieldElement} operations with the
 * same value and the same derivative conventions.
 */
public final class Functions {

    private Functions() {
    }

    /**
     * relu(x) = max(x, 0); relu′(x) = 1 for x &gt; 0, 0 for x ≤ 0.
     *
     * @param x the argument
     * @param <T> the number type
     * @return relu(x)
     */
    public static <T extends RealFieldElement<T>> T relu(T x) {
        T r = unary(UnaryRule.RELU, x);
        if (r != null) {
            return r;
        }
        double v = x.getReal();
        return v > 0 || Double.isNaN(v) ? x : x.getField().getZero();
    }

    /**
     * σ(x) = 1/(1 + e<sup>−x</sup>); σ′ = σ(x)·σ(−x).
     *
     * @param x the argument
     * @param <T> the number type
     * @return σ(x)
     */
    public static <T extends RealFieldElement<T>> T sigmoid(T x) {
        T r = unary(UnaryRule.SIGMOID, x);
        return r != null ? r : x.negate().exp().add(1).reciprocal();
    }

    /**
     * softplus(x) = ln(1 + eˣ); softplus′ = σ.
     *
     * @param x the argument
     * @param <T> the number type
     * @return softplus(x)
     */
    public static <T extends RealFieldElement<T>> T softplus(T x) {
        T r = unary(UnaryRule.SOFTPLUS, x);
        if (r != null) {
            return r;
        }
        return x.getReal() > 0 ? x.add(x.negate().exp().log1p()) : x.exp().log1p();
    }

    /**
     * square(x) = x²; square′ = 2x.
     *
     * @param x the argument
     * @param <T> the number type
     * @return x²
     */
    public static <T extends RealFieldElement<T>> T square(T x) {
        T r = unary(UnaryRule.SQUARE, x);
        return r != null ? r : x.multiply(x);
    }

    /**
     * max(a, b), with ∂/∂a = 1 where a &gt; b, 0 where a &lt; b and ½ at a tie.
     *
     * @param a the first argument
     * @param b the second argument
     * @param <T> the number type
     * @return the larger
     */
    public static <T extends RealFieldElement<T>> T max(T a, T b) {
        return extremum(BinaryRule.MAX, a, b);
    }

    /**
     * min(a, b), with ∂/∂a = 1 where a &lt; b, 0 where a &gt; b and ½ at a tie.
     *
     * @param a the first argument
     * @param b the second argument
     * @param <T> the number type
     * @return the smaller
     */
    public static <T extends RealFieldElement<T>> T min(T a, T b) {
        return extremum(BinaryRule.MIN, a, b);
    }

    @SuppressWarnings("unchecked")
    private static <T extends RealFieldElement<T>> T extremum(BinaryRule rule, T a, T b) {
        Checks.notNull("a", a);
        Checks.notNull("b", b);
        if (a instanceof Elementary) {
            return ((Elementary<T>) a).apply(rule, b);
        }
        if (a instanceof Decimal64) {
            return (T) new Decimal64(rule.value(a.getReal(), b.getReal()));
        }
        double x = a.getReal();
        double y = b.getReal();
        if (x == y) {
            return a.multiply(0.5).add(b.multiply(0.5));
        }
        boolean first = rule == BinaryRule.MAX ? x > y : x < y;
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return a.add(b);   // NaN value, NaN-free structure otherwise irrelevant
        }
        return first ? a : b;
    }

    @SuppressWarnings("unchecked")
    private static <T extends RealFieldElement<T>> T unary(UnaryRule rule, T x) {
        Checks.notNull("x", x);
        if (x instanceof Elementary) {
            return ((Elementary<T>) x).apply(rule);
        }
        if (x instanceof Decimal64) {
            return (T) new Decimal64(rule.value(x.getReal()));
        }
        return null;
    }
}
