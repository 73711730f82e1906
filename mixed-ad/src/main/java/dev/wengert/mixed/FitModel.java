package dev.wengert.mixed;

import org.apache.commons.math3.RealFieldElement;

/**
 * A regression model y = f(b; x): the parameters b (what a fit estimates) are field elements, the
 * observation's regressors x are plain {@code double}s — one or several columns. Written once,
 * generic over {@link RealFieldElement}, it is evaluated in {@code double} for the residuals and on
 * a Wengert tape for their exact Jacobian with respect to b.
 *
 * <p>A generic method cannot be a lambda, but a method reference can:
 * <pre>{@code
 * static <T extends RealFieldElement<T>> T misra1a(T[] b, double[] x) {
 *     return b[0].multiply(b[1].multiply(-x[0]).exp().negate().add(1));   // b1·(1 − e^(−b2·x))
 * }
 * FitModel model = Fits::misra1a;
 * }</pre>
 *
 * <p>Only the parameters are differentiated; the x values enter as constants. A model that
 * branches on a parameter's value ({@code getReal()}) still fits, but its recording cannot be
 * replayed and is made afresh at each iterate.
 */
public interface FitModel {

    /**
     * @param <T> the number type
     * @param b the parameters, in the order of the starting point
     * @param x one observation's regressors, in column order
     * @return f(b; x)
     */
    <T extends RealFieldElement<T>> T value(T[] b, double[] x);
}
