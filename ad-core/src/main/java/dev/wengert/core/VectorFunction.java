package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;

/**
 * A vector function f: R<sup>n</sup> → R<sup>m</sup>, written once, generic over the number type.
 * Its Jacobian has m rows (outputs) and n columns (inputs).
 *
 * <p>The returned array is created with {@link org.apache.commons.math3.util.MathArrays#buildArray}
 * or copied from the input's type, for example {@code x[0].getField()}:
 *
 * <pre>{@code
 * static <T extends RealFieldElement<T>> T[] polar(T[] x) {
 *     T[] y = MathArrays.buildArray(x[0].getField(), 2);
 *     y[0] = x[0].multiply(x[1].cos());
 *     y[1] = x[0].multiply(x[1].sin());
 *     return y;
 * }
 * }</pre>
 */
@FunctionalInterface
public interface VectorFunction {

    /**
     * Evaluates f at {@code x}.
     *
     * @param x the point, one element per input
     * @param <T> the number type
     * @return f(x), one element per output; never {@code null}, and of the same length at every point
     */
    <T extends RealFieldElement<T>> T[] value(T[] x);
}
