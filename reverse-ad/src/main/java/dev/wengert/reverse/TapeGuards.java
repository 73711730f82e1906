package dev.wengert.reverse;

/**
 * The thread and epoch guards of a {@link Tape}: who may use it, and which {@link Var}s may take
 * part in its operations.
 *
 * <p>A tape belongs to the thread that created it ({@link Tape#owner}); any use from another
 * thread throws {@link IllegalStateException}. A Var carries a stamp, (epoch &lt;&lt; 1) | constant
 * bit, taken when it was recorded: {@link Tape#reset()} and {@link Tape#release} advance the
 * tape's epoch, so every earlier Var is stale, and closing the tape sets {@link Tape#openStamp}
 * to 0, which no stamp matches. The fast path of an append is then two comparisons per operand,
 * {@code v.tape == t} and {@code (v.stamp | 1) == t.openStamp}; anything else is sorted out
 * here, off the fast path, into an exception that says what was expected and what came.
 *
 * <p>Reading a value back ({@link #read}) is also a guard: unless the Var is a constant, its
 * value escapes into user code, and the tape remembers the first such operation, since a
 * recording whose values steered control flow cannot be replayed at another point.
 */
final class TapeGuards {

    private TapeGuards() {
    }

    /**
     * The value of a Var, for {@code getReal()} and {@code round()}: unless the Var is a constant,
     * its value escapes into user code — inputs included, since a branch on an input, or an
     * input's value fed back as a number (a stop-gradient, a nested differentiator's point), is
     * just as tied to the recorded point — and the recording is marked not replayable (the first
     * such operation is remembered for the error message). Read from the tape, so after a replay
     * it is the replayed value.
     */
    static double read(Tape t, Var v, String operation) {
        checkThread(t);
        int i = live(t, v);
        int code = t.op[i];
        if (t.escape == null && !t.closed && code != OpCode.CONSTANT) {
            t.escape = operation + " on v" + i + (code == OpCode.INPUT ? " (input " + inputNumber(t, i) + ")"
                    : " (the result of '" + OpCode.name(code) + "')");
        }
        return t.value[i];
    }

    /** @return which input (0-based) entry i is */
    private static int inputNumber(Tape t, int i) {
        for (int j = 0; j < t.inputCount; j++) {
            if (t.inputs[j] == i) {
                return j;
            }
        }
        return -1;
    }

    /** The value of a Var, without marking an escape (toString, internal use). */
    static double peek(Tape t, Var v) {
        return current(t, v) && v.index < t.size ? t.value[v.index] : Double.NaN;
    }

    static void checkThread(Tape t) {
        if (Thread.currentThread() != t.owner) {
            throw new IllegalStateException("a tape is confined to the thread that created it ("
                    + t.owner.getName() + "), but was used from thread " + Thread.currentThread().getName());
        }
    }

    /** Throws unless the calling thread owns the tape and the tape is open. */
    static void writable(Tape t) {
        checkThread(t);
        if (t.closed) {
            throw new IllegalStateException("the tape is closed: its recording is complete, and its Vars"
                    + " cannot take part in new operations; record on a new tape");
        }
    }

    /** Throws unless the calling thread owns the tape (the fast path of every append). */
    static void confined(Tape t) {
        if (Thread.currentThread() != t.owner) {
            checkThread(t);
        }
    }

    /**
     * @param v an operand
     * @return its index, if it is a live Var of this open tape
     */
    static int use(Tape t, Var v) {
        if (v.tape != t || (v.stamp | 1) != t.openStamp) {
            throw refused(t, v);
        }
        return v.index;
    }

    /** Why v cannot take part in an operation: the tape is closed, v is foreign, or v is stale. */
    private static RuntimeException refused(Tape t, Var v) {
        try {
            writable(t);
            operand(t, v);
        } catch (RuntimeException e) {
            return e;
        }
        return new IllegalStateException("v" + v.index + " cannot take part in an operation on this tape");
    }

    /**
     * @param v an operand (or output)
     * @return its index, if it is a Var of this tape recorded in its current epoch
     */
    static int operand(Tape t, Var v) {
        if (v.tape != t) {
            throw new IllegalArgumentException("v" + v.index + " belongs to another tape; a Var can only"
                    + " be combined with Vars of its own tape");
        }
        return live(t, v);
    }

    /** @return whether v was recorded in this tape's current epoch (open or closed) */
    private static boolean current(Tape t, Var v) {
        return (v.stamp | 1) == (t.epoch << 1 | 1);
    }

    private static int live(Tape t, Var v) {
        if (!current(t, v) && t.released) {
            throw new IllegalStateException("v" + v.index + " was recorded by a one-shot ReverseMode call that"
                    + " has returned, and its tape's arrays went to the next call; to read values after"
                    + " the call, keep the recording (ReverseMode.record)");
        }
        if (!current(t, v)) {
            throw new IllegalStateException("v" + v.index + " belongs to a tape that was reset since it"
                    + " was recorded; its entry is gone");
        }
        return v.index;
    }
}
