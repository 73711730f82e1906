package dev.wengert.reverse;

import dev.wengert.reverse.kernel.AdjointKernel;
import dev.wengert.reverse.kernel.Entries;
import dev.wengert.reverse.kernel.ReplayKernel;
import dev.wengert.reverse.kernel.SecondOrderKernel;
import dev.wengert.reverse.kernel.SlotMap;
import dev.wengert.reverse.kernel.TangentKernel;

/**
 * Reverse mode's sweeps over a whole tape: the kernels of {@code dev.wengert.reverse.kernel}
 * (the one tangent, adjoint, second-order and replay loop that every mode runs) on the tape's own
 * arrays, entry i in slot i.
 */
final class Sweeps {

    private static final int[] NO_OUTPUTS = new int[0];

    private Sweeps() {
    }

    /**
     * @param t a tape
     * @param outputs its output entries
     * @return its arrays as the kernels read them (not a copy)
     */
    static Entries entries(Tape t, int[] outputs) {
        return new Entries(t.op, t.value, t.args, t.partials, t.naryArgs, t.naryPartials, t.size, t.leaves,
                t.inputs, t.inputCount, outputs);
    }

    /**
     * Adjoint sweep from entry {@code from} down to the first operation ({@link Tape#leaves}).
     *
     * @param t the tape
     * @param adj adjoints, seeded at the outputs; accumulated in place
     * @param from the highest seeded entry
     */
    static void adjoint(Tape t, double[] adj, int from) {
        Entries e = entries(t, NO_OUTPUTS);
        AdjointKernel.scalar(e, SlotMap.identity(e, t.leaves, t.size), adj, from);
    }

    /**
     * The adjoint sweep's zero rule ({@link AdjointKernel#term}), for the compiled adjoint code.
     *
     * @param p a local partial
     * @param a a nonzero adjoint
     * @return p·a, or 0 where p = 0 and a is not finite
     */
    static double term(double p, double a) {
        return AdjointKernel.term(p, a);
    }

    /**
     * Tangent sweep over the whole tape.
     *
     * @param t the tape
     * @param tan tangents, seeded at the inputs (and 0 elsewhere); filled in place
     */
    static void tangent(Tape t, double[] tan) {
        Entries e = entries(t, NO_OUTPUTS);
        TangentKernel.scalar(e, SlotMap.identity(e, t.leaves, t.size), tan);
    }

    /**
     * Second-order adjoint sweep: first-order adjoints and their tangents in one reverse loop.
     *
     * @param t the tape
     * @param tan tangents of all entries along the direction (from {@link #tangent})
     * @param adj adjoints, seeded at the output
     * @param adjDot tangents of the adjoints, zero on entry; H·v at the inputs on exit
     * @param from the seeded output entry
     */
    static void secondOrder(Tape t, double[] tan, double[] adj, double[] adjDot, int from) {
        SecondOrderKernel.sweep(entries(t, NO_OUTPUTS), tan, adj, adjDot, from);
    }

    /**
     * Replays the tape at new inputs: recomputes every value and partial with the rule table, in
     * the tape's own arrays.
     *
     * @param t the tape (replayable, checked by the caller)
     * @param x the new inputs, one per recorded input
     */
    static void replay(Tape t, double[] x) {
        ReplayKernel.run(entries(t, NO_OUTPUTS), x);
    }
}
