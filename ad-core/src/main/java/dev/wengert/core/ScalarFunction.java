package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;

/**
 * A scalar function f: R<sup>n</sup> → R, written once, generic over the number type.
 *
 * <p>The same code runs on {@code double} (through commons-math3's {@code Decimal64}), on
 * commons-math3's {@code DerivativeStructure} and on every Wengert mode. A generic method cannot be
 * a lambda in Java, but a method reference can:
 *
 * <pre>{@code
 * static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
 *     return x[0].negate().add(1).pow(2).add(x[1].subtract(x[0].pow(2)).pow(2).multiply(100));
 * }
 * ScalarFunction f = Examples::rosenbrock;
 * }</pre>
 */
@FunctionalInterface
public interface ScalarFunction {

    /**
     * Evaluates f at {@code x}.
     *
     * @param x the point, one element per input; never modified by a well-behaved function
     * @param <T> the number type
     * @return f(x), never {@code null}
     */
    <T extends RealFieldElement<T>> T value(T[] x);
}
