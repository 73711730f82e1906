package dev.wengert.forward;

import org.apache.commons.math3.RealFieldElement;

/**
 * A function f: R → R written once, generic over the number type, for
 * {@link ForwardMode#derivative} and {@link ForwardMode#secondDerivative}. It is the one-input
 * counterpart of {@link dev.wengert.core.ScalarFunction} — a separate interface so that user code
 * takes a T, not a T[] of length 1. As with every generic function, pass a method reference:
 *
 * <pre>{@code
 * static <T extends RealFieldElement<T>> T f(T x) { return x.sin().multiply(x); }
 * double d = new ForwardMode().derivative(MyClass::f, 2.0);   // sin 2 + 2 cos 2
 * }</pre>
 */
@FunctionalInterface
public interface UnivariateScalarFunction {

    /**
     * @param x the argument
     * @param <T> the number type
     * @return f(x), never {@code null}
     */
    <T extends RealFieldElement<T>> T value(T x);
}
