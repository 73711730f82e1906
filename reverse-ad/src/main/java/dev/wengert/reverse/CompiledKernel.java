package dev.wengert.reverse;

/**
 * What {@link Codegen} generates for one group of consecutive tape entries [lo, hi): its value,
 * adjoint and tangent code as straight-line bytecode, defined as a hidden class that extends this
 * one. A {@link CompiledRecording} runs its groups in order (values, tangents) or in reverse
 * order (adjoints).
 *
 * <p>All three work on one work array {@code w} per call: the value of entry i at {@code w[i]},
 * and after the {@code size} values the partials that are neither a constant nor the value of
 * another entry (a {@code sin}'s cosine, a quotient's −f/y), one slot each, written by
 * {@link #values} and read by the sweeps.
 */
abstract class CompiledKernel {

    /**
     * Writes the values (and stored partials) of the group's entries, as {@code Sweeps.replay}.
     *
     * @param x the point, one value per input
     * @param w the work array
     */
    abstract void values(double[] x, double[] w);

    /**
     * The adjoint sweep over the group's entries from {@code min(from, hi − 1)} down to lo, as
     * {@code Sweeps.adjoint}; entries above {@code from} must have a zero adjoint.
     *
     * @param w the work array, after {@link #values}
     * @param adj the adjoints, accumulated in place
     * @param from the highest seeded entry
     */
    abstract void adjoint(double[] w, double[] adj, int from);

    /**
     * The tangent sweep over the group's entries, as {@code Sweeps.tangent}.
     *
     * @param w the work array, after {@link #values}
     * @param tan the tangents, seeded at the inputs; filled in place
     */
    abstract void tangent(double[] w, double[] tan);
}
