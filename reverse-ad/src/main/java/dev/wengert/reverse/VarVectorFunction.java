package dev.wengert.reverse;

import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.RealFieldElement;

/**
 * A function f: R<sup>n</sup> → R<sup>m</sup> written directly on reverse mode's {@link Var}s, so
 * that it can be a lambda — a {@link VectorFunction} cannot, since its method is generic:
 *
 * <pre>{@code
 * VarVectorFunction f = x -> new Var[] {x[0].multiply(x[1]), x[1].sin()};
 * double[][] j = new ReverseMode().jacobian(f, new double[] {1, 2});
 * }</pre>
 *
 * <p>It is a {@code VectorFunction}, so every method of {@link ReverseMode} and of
 * {@code dev.wengert.mixed.MixedMode} takes it (Jacobian, J·v, wᵀ·J, values and Jacobian,
 * recording, plans, sparse Jacobians), all from a recording of f on a tape. The trade-off is
 * {@link VarFunction}'s: only the recording modes run it; forward mode, finite differences,
 * {@code Decimal64} and {@code DerivativeStructure} are refused with an
 * {@link IllegalArgumentException}.
 */
@FunctionalInterface
public interface VarVectorFunction extends VectorFunction {

    /**
     * @param x the inputs, on one tape
     * @return f(x), on the same tape
     */
    Var[] value(Var[] x);

    /**
     * Runs {@link #value(Var[])} when the numbers are {@code Var}s.
     *
     * @throws IllegalArgumentException if they are another type (forward mode, finite differences, …)
     */
    @Override
    @SuppressWarnings("unchecked")
    default <T extends RealFieldElement<T>> T[] value(T[] x) {
        return (T[]) value(VarFunction.vars(x));
    }
}
