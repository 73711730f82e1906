package dev.wengert.forward;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.RuleNumber;
import java.lang.reflect.Array;
import org.apache.commons.math3.util.MathArrays;

/**
 * The linear combinations of the forward-mode number types ({@link Dual}, {@link DualVector},
 * {@link HyperDual}), written once: Σ aᵢ·bᵢ has the value {@code MathArrays.linearCombination}
 * of the values, exactly as {@code Decimal64} computes it (the array form and the fixed 2-, 3- and
 * 4-term forms round differently, so each overload keeps its own), and the derivative parts of
 * the sum of the products aᵢ·bᵢ, each product by {@link BinaryRule#MULTIPLY} (the product rule);
 * the derivative of a sum is the sum of the derivatives. A number type supplies only
 * {@link #sum}: a number with a given value and the summed derivative parts of some terms.
 *
 * <p>Example: with x = 3 + 1ε and y = 4 + 0ε, {@code x.linearCombination(2.0, x, 1.0, y)} has
 * value 2·3 + 1·4 = 10 and tangent 2·1 + 1·0 = 2.
 *
 * @param <T> the number type itself
 */
abstract class ForwardNumber<T extends ForwardNumber<T>> extends RuleNumber<T> {

    /**
     * @param value the value of the result
     * @param terms numbers of this type (of this k, for {@link DualVector})
     * @return a number with that value whose derivative parts are the sums of the terms'; its
     *     pass the terms' common pass
     */
    abstract T sum(double value, T[] terms);

    @SuppressWarnings("unchecked")
    private T[] array(int n) {
        return (T[]) Array.newInstance(getClass(), n);
    }

    /**
     * Σ a<sub>i</sub>·b<sub>i</sub>: value {@code MathArrays.linearCombination} of the values (as
     * {@code Decimal64}), derivatives the sum of the products' ({@link BinaryRule#MULTIPLY}).
     */
    @Override
    public T linearCombination(T[] a, T[] b) {
        int n = Linear.sameLength(a, b);
        double[] va = new double[n];
        double[] vb = new double[n];
        T[] products = array(n);
        for (int i = 0; i < n; i++) {
            va[i] = a[i].getReal();
            vb[i] = b[i].getReal();
            products[i] = a[i].multiply(b[i]);
        }
        return sum(MathArrays.linearCombination(va, vb), products);
    }

    /** Σ a<sub>i</sub>·b<sub>i</sub> with constant a<sub>i</sub>; value as {@code Decimal64}. */
    @Override
    public T linearCombination(double[] a, T[] b) {
        int n = Linear.sameLength(a, b);
        double[] vb = new double[n];
        T[] products = array(n);
        for (int i = 0; i < n; i++) {
            vb[i] = b[i].getReal();
            products[i] = b[i].multiply(a[i]);
        }
        return sum(MathArrays.linearCombination(a, vb), products);
    }

    /** a1·b1 + a2·b2; value as {@code Decimal64}. */
    @Override
    public T linearCombination(T a1, T b1, T a2, T b2) {
        return sum(MathArrays.linearCombination(a1.getReal(), b1.getReal(), a2.getReal(), b2.getReal()),
                terms(a1.multiply(b1), a2.multiply(b2)));
    }

    /** a1·b1 + a2·b2 with constant a1, a2; value as {@code Decimal64}. */
    @Override
    public T linearCombination(double a1, T b1, double a2, T b2) {
        return sum(MathArrays.linearCombination(a1, b1.getReal(), a2, b2.getReal()),
                terms(b1.multiply(a1), b2.multiply(a2)));
    }

    /** a1·b1 + a2·b2 + a3·b3; value as {@code Decimal64}. */
    @Override
    public T linearCombination(T a1, T b1, T a2, T b2, T a3, T b3) {
        return sum(MathArrays.linearCombination(a1.getReal(), b1.getReal(), a2.getReal(), b2.getReal(),
                a3.getReal(), b3.getReal()), terms(a1.multiply(b1), a2.multiply(b2), a3.multiply(b3)));
    }

    /** a1·b1 + a2·b2 + a3·b3 with constant a<sub>i</sub>; value as {@code Decimal64}. */
    @Override
    public T linearCombination(double a1, T b1, double a2, T b2, double a3, T b3) {
        return sum(MathArrays.linearCombination(a1, b1.getReal(), a2, b2.getReal(), a3, b3.getReal()),
                terms(b1.multiply(a1), b2.multiply(a2), b3.multiply(a3)));
    }

    /** a1·b1 + … + a4·b4; value as {@code Decimal64}. */
    @Override
    public T linearCombination(T a1, T b1, T a2, T b2, T a3, T b3, T a4, T b4) {
        return sum(MathArrays.linearCombination(a1.getReal(), b1.getReal(), a2.getReal(), b2.getReal(),
                a3.getReal(), b3.getReal(), a4.getReal(), b4.getReal()),
                terms(a1.multiply(b1), a2.multiply(b2), a3.multiply(b3), a4.multiply(b4)));
    }

    /** a1·b1 + … + a4·b4 with constant a<sub>i</sub>; value as {@code Decimal64}. */
    @Override
    public T linearCombination(double a1, T b1, double a2, T b2, double a3, T b3, double a4, T b4) {
        return sum(MathArrays.linearCombination(a1, b1.getReal(), a2, b2.getReal(), a3, b3.getReal(), a4, b4.getReal()),
                terms(b1.multiply(a1), b2.multiply(a2), b3.multiply(a3), b4.multiply(a4)));
    }

    @SafeVarargs
    private T[] terms(T... products) {
        T[] t = array(products.length);
        System.arraycopy(products, 0, t, 0, products.length);
        return t;
    }
}
