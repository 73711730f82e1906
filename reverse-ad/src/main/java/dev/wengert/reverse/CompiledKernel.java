package dev.wengert.reverse;

/**
 * What {@link Codegen} generates for one group of consecutive tape entries [lo, hi), as a hidden
 * class that extends this one: either the value, adjoint and tangent code of a
 * {@link CompiledRecording} ({@link Codegen#kernel}), or the replay code of a compiled
 * {@link Recording#replay} ({@link Codegen#replayKernel}). The groups run in order (values,
 * tangents, replay) or in reverse order (adjoints). A method that was not generated throws.
 *
 * <p>The first three work on one work array {@code w} per call ({@link WorkLayout}): the value of
 * entry i at {@code w[i]}, and after the {@code size} values the partials that are neither a
 * constant nor the value of another entry (a {@code sin}'s cosine, a quotient's −f/y), one slot
 * each, written by {@link #values} and read by the sweeps. {@link #replay} writes the tape's own
 * arrays instead.
 */
abstract class CompiledKernel {

    /**
     * Writes the values (and stored partials) of the group's entries, as {@code Sweeps.replay}.
     *
     * @param x the point, one value per input
     * @param w the work array
     */
    void values(double[] x, double[] w) {
        throw notGenerated("values");
    }

    /**
     * The adjoint sweep over the group's entries from {@code min(from, hi − 1)} down to lo, as
     * {@code Sweeps.adjoint}; entries above {@code from} must have a zero adjoint.
     *
     * @param w the work array, after {@link #values}
     * @param adj the adjoints, accumulated in place
     * @param from the highest seeded entry
     */
    void adjoint(double[] w, double[] adj, int from) {
        throw notGenerated("adjoint");
    }

    /**
     * The tangent sweep over the group's entries, as {@code Sweeps.tangent}.
     *
     * @param w the work array, after {@link #values}
     * @param tan the tangents, seeded at the inputs; filled in place
     */
    void tangent(double[] w, double[] tan) {
        throw notGenerated("tangent");
    }

    /**
     * Writes the values and partials of the group's entries into a tape's arrays, every slot
     * {@code Sweeps.replay} writes and with the same bits.
     *
     * @param x the point, one value per input
     * @param value the tape's values
     * @param partials the tape's partials (two slots per entry)
     * @param naryPartials the tape's linear-combination partials
     */
    void replay(double[] x, double[] value, double[] partials, double[] naryPartials) {
        throw notGenerated("replay");
    }

    private IllegalStateException notGenerated(String what) {
        return new IllegalStateException("no " + what + " code was generated in " + getClass().getName());
    }
}
