package dev.wengert.reverse;

import dev.wengert.core.ScalarFunction;
import org.apache.commons.math3.RealFieldElement;

/**
 * A function f: R<sup>n</sup> → R written directly on reverse mode's {@link Var}s, so that it can
 * be a lambda — a {@link ScalarFunction} cannot, since its method is generic:
 *
 * <pre>{@code
 * VarFunction f = x -> x[0].multiply(x[1]).sin().add(x[0].exp());
 * double[] g = new ReverseMode().gradient(f, new double[] {1, 2});
 * double[] hv = new ReverseMode().hvp(f, new double[] {1, 2}, new double[] {1, 0});
 * Recording r = new ReverseMode().record(f, new double[] {1, 2});   // every derivative, and replay
 * }</pre>
 *
 * <p>It is a {@code ScalarFunction}, so every method of {@link ReverseMode} and of
 * {@code dev.wengert.mixed.MixedMode} takes it — gradient, Hessian, H·v, value and gradient,
 * recording and replay — all from a recording of f on a tape.
 *
 * <p><b>The trade-off</b>: f runs only on {@code Var}s, so only the recording modes run it. Forward
 * mode, finite differences, {@code Decimal64} and commons-math3's {@code DerivativeStructure}
 * call f on numbers of their own, and a {@code VarFunction} refuses them with an
 * {@link IllegalArgumentException}; so it cannot be checked against another mode or evaluated in
 * plain {@code double} (use {@link Recording#value()} for its value). Write f as a generic method
 * ({@code ScalarFunction f = MyClass::f}) to have all of that.
 */
@FunctionalInterface
public interface VarFunction extends ScalarFunction {

    /**
     * @param x the inputs, on one tape
     * @return f(x), on the same tape
     */
    Var value(Var[] x);

    /**
     * Runs {@link #value(Var[])} when the numbers are {@code Var}s.
     *
     * @throws IllegalArgumentException if they are another type (forward mode, finite differences, …)
     */
    @Override
    @SuppressWarnings("unchecked")
    default <T extends RealFieldElement<T>> T value(T[] x) {
        return (T) value(VarFunction.vars(x));
    }

    /**
     * @param x the arguments a mode passed
     * @return them as Vars
     * @throws IllegalArgumentException if they are not Vars
     */
    static Var[] vars(Object[] x) {
        if (x instanceof Var[] vars) {
            return vars;
        }
        throw new IllegalArgumentException("a VarFunction runs on reverse mode's Var only (ReverseMode, MixedMode),"
                + " but was called with " + (x == null ? "null" : x.getClass().getComponentType().getSimpleName())
                + " numbers; write the function as a generic method to differentiate it in other modes");
    }
}
