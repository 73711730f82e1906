package dev.wengert.core;

import java.util.Arrays;

/**
 * The value and the gradient of f: R<sup>n</sup> → R at one point x: f(x) and
 * ∇f(x) = (∂f/∂x<sub>1</sub>, …, ∂f/∂x<sub>n</sub>), as
 * {@link Differentiator#valueAndGradient} returns them.
 *
 * <p>Immutable: the constructor copies the gradient it is given and {@link #gradient()} returns a
 * fresh copy each time, so neither the caller nor the differentiator can change it afterwards.
 * {@link #gradient(int)} reads one component without a copy.
 */
public final class ValueAndGradient {

    private final double value;
    private final double[] gradient;

    /**
     * @param value f(x)
     * @param gradient ∇f(x), length n ≥ 1 (copied)
     * @throws IllegalArgumentException if {@code gradient} is {@code null} or empty
     */
    public ValueAndGradient(double value, double[] gradient) {
        if (gradient == null || gradient.length == 0) {
            throw new IllegalArgumentException("gradient must have at least one component, but is "
                    + (gradient == null ? "null" : "empty"));
        }
        this.value = value;
        this.gradient = gradient.clone();
    }

    /** @return f(x) */
    public double value() {
        return value;
    }

    /** @return ∇f(x), length n: a copy */
    public double[] gradient() {
        return gradient.clone();
    }

    /**
     * @param j an input index, 0 ≤ j &lt; n
     * @return ∂f/∂x<sub>j</sub> at x
     */
    public double gradient(int j) {
        return gradient[j];
    }

    /** @return the number of inputs n */
    public int inputCount() {
        return gradient.length;
    }

    /** Equal when the values and every gradient component are equal as by {@link Double#compare}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ValueAndGradient other
                && Double.compare(value, other.value) == 0
                && Arrays.equals(gradient, other.gradient);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Arrays.hashCode(gradient);
    }

    @Override
    public String toString() {
        return "ValueAndGradient[value=" + value + ", gradient=" + Arrays.toString(gradient) + "]";
    }
}
