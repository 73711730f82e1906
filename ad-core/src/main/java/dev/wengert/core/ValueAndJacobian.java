package dev.wengert.core;

import java.util.Arrays;

/**
 * The values and the Jacobian of f: R<sup>n</sup> → R<sup>m</sup> at one point x: f(x), length m,
 * and J<sub>ij</sub> = ∂f<sub>i</sub>/∂x<sub>j</sub>, m rows of n columns, as
 * {@link Differentiator#valueAndJacobian} returns them — what one step of a Gauss–Newton or
 * Levenberg–Marquardt solver needs.
 *
 * <p>Immutable: the constructor copies what it is given and {@link #values()} and
 * {@link #jacobian()} return fresh copies each time; {@link #value(int)} and
 * {@link #jacobian(int, int)} read one number without a copy.
 */
public final class ValueAndJacobian {

    private final double[] values;
    private final double[][] jacobian;

    /**
     * @param values f(x), length m ≥ 1 (copied)
     * @param jacobian J, m rows of n ≥ 1 columns each (copied)
     * @throws IllegalArgumentException if an argument is {@code null} or empty, or the shapes disagree
     */
    public ValueAndJacobian(double[] values, double[][] jacobian) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must have at least one output, but are "
                    + (values == null ? "null" : "empty"));
        }
        if (jacobian == null || jacobian.length != values.length) {
            throw new IllegalArgumentException("jacobian must have " + values.length + " rows (one per value), but has "
                    + (jacobian == null ? "none (null)" : String.valueOf(jacobian.length)));
        }
        int n = jacobian[0] == null ? 0 : jacobian[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("jacobian row 0 must have at least one column, but is "
                    + (jacobian[0] == null ? "null" : "empty"));
        }
        this.values = values.clone();
        this.jacobian = new double[jacobian.length][];
        for (int i = 0; i < jacobian.length; i++) {
            if (jacobian[i] == null || jacobian[i].length != n) {
                throw new IllegalArgumentException("jacobian row " + i + " must have length " + n + ", but has "
                        + (jacobian[i] == null ? "none (null)" : "length " + jacobian[i].length));
            }
            this.jacobian[i] = jacobian[i].clone();
        }
    }

    /** @return f(x), length m: a copy */
    public double[] values() {
        return values.clone();
    }

    /**
     * @param i an output index, 0 ≤ i &lt; m
     * @return f<sub>i</sub>(x)
     */
    public double value(int i) {
        return values[i];
    }

    /** @return J, m rows of n columns: a copy */
    public double[][] jacobian() {
        double[][] copy = new double[jacobian.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = jacobian[i].clone();
        }
        return copy;
    }

    /**
     * @param i an output index, 0 ≤ i &lt; m
     * @param j an input index, 0 ≤ j &lt; n
     * @return J<sub>ij</sub> = ∂f<sub>i</sub>/∂x<sub>j</sub> at x
     */
    public double jacobian(int i, int j) {
        return jacobian[i][j];
    }

    /** @return the number of outputs m */
    public int outputCount() {
        return values.length;
    }

    /** @return the number of inputs n */
    public int inputCount() {
        return jacobian[0].length;
    }

    /** Equal when the values and the Jacobians are equal entry by entry, as by {@link Double#compare}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ValueAndJacobian other
                && Arrays.equals(values, other.values)
                && Arrays.deepEquals(jacobian, other.jacobian);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.deepHashCode(jacobian);
    }

    @Override
    public String toString() {
        return "ValueAndJacobian[values=" + Arrays.toString(values) + ", jacobian="
                + Arrays.deepToString(jacobian) + "]";
    }
}
