package dev.wengert.reverse;

import java.util.Arrays;

/**
 * The life of a {@link Tape}'s arrays: growth while recording, trimming when a recording is
 * sealed, and hand-over to the next tape when {@link ReverseMode}'s one-shot calls reuse them.
 *
 * <p>The entry arrays grow by half (plus 16) when full, one at a time so the old array can be
 * collected before the next is copied; {@link #trim} cuts them to the entry count, so a recording
 * holds 33 bytes per entry (1 op + 8 value + 2·4 args + 2·8 partials) plus 12 per linear
 * combination operand. {@link #release} hands a closed tape's arrays, and its recording's adjoint
 * work array, to a {@link Tape.Storage} that the next tape is built on ({@code Tape(Storage)}): no
 * allocation and no zeroing, since entries beyond {@link Tape#size} are never read. The
 * released tape is left empty with a new epoch, so its Vars can no longer read the new contents.
 */
final class TapeArrays {

    private TapeArrays() {
    }

    /** Grows the entry arrays by half, or throws if the tape would exceed {@link Tape#MAX_CAPACITY}. */
    static void grow(Tape t) {
        int cap = t.op.length + (t.op.length >> 1) + 16;
        if (cap < 0 || cap > Tape.MAX_CAPACITY) {
            throw new IllegalStateException("tape is full: " + t.size + " entries");
        }
        // one array at a time, so the old one can be collected before the next is copied
        t.op = Arrays.copyOf(t.op, cap);
        t.value = Arrays.copyOf(t.value, cap);
        t.args = Arrays.copyOf(t.args, 2 * cap);
        t.partials = Arrays.copyOf(t.partials, 2 * cap);
    }

    /** Cuts every array to the part in use (the entry arrays to at least one entry). */
    static void trim(Tape t) {
        int n = Math.max(t.size, 1);
        if (t.op.length != n) {
            t.op = Arrays.copyOf(t.op, n);
            t.value = Arrays.copyOf(t.value, n);
            t.args = Arrays.copyOf(t.args, 2 * n);
            t.partials = Arrays.copyOf(t.partials, 2 * n);
        }
        t.inputs = Arrays.copyOf(t.inputs, t.inputCount);
        t.naryArgs = Arrays.copyOf(t.naryArgs, t.narySize);
        t.naryPartials = Arrays.copyOf(t.naryPartials, t.narySize);
    }

    /** @return bytes held by the entry arrays and side arrays (their capacities) */
    static long allocatedBytes(Tape t) {
        return (long) t.op.length + 8L * t.value.length + 4L * t.args.length + 8L * t.partials.length
                + 4L * t.inputs.length + 12L * t.naryArgs.length;
    }

    /**
     * Hands a closed tape's arrays over for reuse by another tape, and leaves it empty: its Vars
     * are then stale (as after {@link Tape#reset()}) and can neither read the new contents nor
     * take part in operations.
     *
     * @param work the adjoint work array of its recording, or null
     * @return the arrays
     */
    static Tape.Storage release(Tape t, double[] work) {
        Tape.Storage storage = new Tape.Storage(t, work);
        t.op = new byte[0];
        t.value = new double[0];
        t.args = new int[0];
        t.partials = new double[0];
        t.inputs = new int[0];
        t.size = 0;
        t.leaves = 0;
        t.inputCount = 0;
        t.epoch++;
        t.released = true;
        t.close();
        return storage;
    }
}
