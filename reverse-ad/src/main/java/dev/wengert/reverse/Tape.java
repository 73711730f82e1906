package dev.wengert.reverse;

import dev.wengert.core.internal.Checks;
import java.util.Arrays;

/**
 * The Wengert list: every elementary operation of a computation, appended in evaluation order
 * into growable primitive arrays. Entry i holds
 *
 * <pre>
 * op[i]             byte    the op code ({@link OpCode}): which rule of the ad-core table
 * value[i]          double  the value vᵢ
 * args[2i]          int     first operand's index (input number for an input; offset into the
 *                           side arrays for a linear combination)
 * args[2i+1]        int     second operand's index (term count for a linear combination)
 * partials[2i]      double  ∂vᵢ/∂v[args[2i]]
 * partials[2i+1]    double  ∂vᵢ/∂v[args[2i+1]], or the constant parameter p of a one-operand entry
 * </pre>
 *
 * <p>An entry's operands and partials sit side by side, so a sweep reads one stretch of each
 * array; an append writes only the slots its kind uses (a one-operand entry leaves
 * {@code args[2i+1]} unwritten, an input or constant both operand slots and both partials), and
 * no reader looks at the others. 33 bytes per entry; a linear combination of k terms adds 12
 * bytes per operand in the side arrays {@code naryArgs} and {@code naryPartials}. Arrays grow by
 * half when full, and {@link #record} trims them, so a recording holds 33 bytes per op (measured
 * by ScaleTest at 10⁷ ops: 33.0 bytes/op recorded, 40.4 while still growing);
 * a {@link Var} handle is 32 bytes more while the caller keeps it.
 *
 * <p>Example: {@code z = x*y + x²} at (2, 3) records
 *
 * <pre>
 * i  op      value  args      partials
 * 0  input   2      0  ·      ·  ·
 * 1  input   3      1  ·      ·  ·
 * 2  *       6      0  1      3  2     (MULTIPLY.dx = y, MULTIPLY.dy = x)
 * 3  square  4      0  ·      4  ·     (SQUARE.first = 2x)
 * 4  +       10     2  3      1  1
 * </pre>
 *
 * (· a slot the entry does not use, left unwritten) *
 * and the adjoint sweep from entry 4 (adjoint 1) down to 0 gives ∂z/∂x = 1·3 + 1·4 = 7 and
 * ∂z/∂y = 2.
 *
 * <p><b>Constants</b> get an entry of their own (op {@code const}), so a {@link Var} is always a
 * plain (tape, index, value) handle and replay keeps them; an operation whose operands are all constants
 * is folded into a new constant (no partials), so arithmetic that does not depend on the inputs
 * — an ODE integrator's time steps, say — never counts as an escape. A double argument
 * ({@code x.add(2.0)}, {@code x.pow(2.5)}) is stored as the entry's parameter and needs no entry.
 *
 * <p><b>Confinement and lifetime</b>: a tape belongs to the thread that created it; any use from
 * another thread throws {@link IllegalStateException}. {@link #reset()} empties it (its Vars then
 * refuse to take part in operations); {@link #record} closes it, handing its entries to the
 * {@link Recording}. Nothing is static and mutable: tapes are independent. Inside
 * {@link ReverseMode}'s one-shot calls a finished tape hands its arrays to the next call's tape
 * ({@code release}), which overwrites them without zeroing; the finished tape is left empty, so its
 * Vars can no longer read them.
 *
 * <p><b>Cost</b>: an append checks the thread once and each operand once (its tape and its
 * stamp), takes the operands' values from the Vars themselves (never from {@code value}), and
 * writes six array slots for two operands, four for one (five with a parameter); a Var that only
 * feeds the next operations is scalar-replaced by the JIT (not allocated).
 *
 * <p><b>Where the jobs live</b>: this class holds the arrays and the public life cycle (inputs,
 * constants, reset, record); {@link TapeAppends} appends operations, {@link LinearCombinations}
 * appends Σ aₖ·bₖ into the side arrays, {@link TapeArrays} grows, trims and hands over the
 * arrays, and {@link TapeGuards} holds the thread and epoch checks.
 */
public final class Tape {

    private static final int INITIAL_CAPACITY = 64;

    /** Most entries a tape holds: two operand slots per entry must fit one array. */
    static final int MAX_CAPACITY = Integer.MAX_VALUE / 2 - 8;

    final Thread owner;
    int epoch;
    boolean closed;
    /**
     * What a live Var's {@link Var#stamp} gives when its constant bit is set: (epoch &lt;&lt; 1) | 1
     * while the tape is open, 0 (no stamp's value) once it is closed — so one comparison per
     * operand, {@code (stamp | 1) == openStamp}, tells whether the Var may take part.
     */
    int openStamp = 1;

    byte[] op;
    double[] value;
    /** Operand slots: entry i's at 2i and 2i + 1. */
    int[] args;
    /** Partial slots: entry i's at 2i and 2i + 1 (the parameter at 2i + 1 for one operand). */
    double[] partials;
    int size;
    /**
     * The leading entries that are inputs or constants recorded by {@link #input}, {@link #inputs}
     * or {@link #constant} before any operation: no sweep but replay has anything to do there, so
     * the adjoint and tangent sweeps stop (or start) at this bound (1000 of the 5501 entries of
     * the n = 1000 Rosenbrock gradient).
     */
    int leaves;

    int[] inputs = new int[8];
    int inputCount;

    int[] naryArgs = new int[0];
    double[] naryPartials = new double[0];
    int narySize;

    /** The first operation that let a value escape into control flow, or null. */
    String escape;

    private VarField field;

    /** Whether {@link #release} handed this tape's arrays to another tape. */
    boolean released;

    /** An adjoint work array handed over with reused arrays, for this tape's recording; or null. */
    private double[] work;

    /** An empty tape, owned by the calling thread. */
    public Tape() {
        this(INITIAL_CAPACITY);
    }

    /**
     * @param capacity the number of entries to allocate room for (the arrays grow as needed)
     */
    public Tape(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, but is " + capacity);
        }
        if (capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be <= " + MAX_CAPACITY + ", but is " + capacity);
        }
        owner = Thread.currentThread();
        op = new byte[capacity];
        value = new double[capacity];
        args = new int[2 * capacity];
        partials = new double[2 * capacity];
    }

    /**
     * A tape on the arrays of a finished one, for {@link ReverseMode}'s one-shot calls: no
     * allocation, no zeroing, and the arrays are likely still in cache. Entries beyond
     * {@link #size} are never read, so the old contents do no harm.
     */
    Tape(Storage storage) {
        owner = Thread.currentThread();
        op = storage.op;
        value = storage.value;
        args = storage.args;
        partials = storage.partials;
        inputs = storage.inputs;
        work = storage.work;
    }

    /** The entry arrays of a finished tape, kept by a {@link ReverseMode} for its next call. */
    static final class Storage {
        final byte[] op;
        final double[] value;
        final int[] args;
        final double[] partials;
        final int[] inputs;
        /** The adjoint work array of the tape's recording, or null. */
        final double[] work;

        Storage(Tape t, double[] work) {
            op = t.op;
            value = t.value;
            args = t.args;
            partials = t.partials;
            inputs = t.inputs;
            this.work = work;
        }

        /** @return the number of entries the arrays hold */
        int capacity() {
            return op.length;
        }
    }

    /** See {@link TapeArrays#release}: hands this closed tape's arrays over and empties it. */
    Storage release(double[] work) {
        return TapeArrays.release(this, work);
    }

    /**
     * Records a new input (an independent variable).
     *
     * @param v its value
     * @return the input's handle; its input number is the count of inputs recorded before it
     */
    public Var input(double v) {
        TapeGuards.writable(this);
        if (inputCount == inputs.length) {
            inputs = Arrays.copyOf(inputs, 2 * inputs.length + 8);
        }
        int before = size;
        inputs[inputCount] = before;
        Var x = TapeAppends.push1(this, OpCode.INPUT, inputCount++, v, 0, false);
        extendLeaves(before);
        return x;
    }

    /**
     * @param values the inputs' values
     * @return one input per value, in order
     */
    public Var[] inputs(double... values) {
        Checks.notNull("values", values);
        TapeGuards.writable(this);
        int n = values.length;
        if (inputCount + n > inputs.length) {
            inputs = Arrays.copyOf(inputs, inputCount + n);
        }
        while (size + n > op.length) {
            TapeArrays.grow(this);
        }
        // one loop on local copies of the arrays: the same entries as n calls of input(v)
        final byte[] op = this.op;
        final int[] args = this.args;
        final double[] value = this.value;
        final int[] in = this.inputs;
        final int first = size;
        final int number = inputCount;
        final int stamp = openStamp - 1;
        Var[] x = new Var[n];
        for (int j = 0; j < n; j++) {
            int i = first + j;
            double v = values[j];
            op[i] = OpCode.INPUT;
            args[2 * i] = number + j;
            value[i] = v;
            in[number + j] = i;
            x[j] = new Var(this, i, stamp, v);
        }
        size = first + n;
        inputCount = number + n;
        extendLeaves(first);
        return x;
    }

    /**
     * @param v a value
     * @return a constant on this tape: it has no derivative, and replay keeps it
     */
    public Var constant(double v) {
        TapeGuards.writable(this);
        int before = size;
        Var c = TapeAppends.push0(this, OpCode.CONSTANT, v);
        extendLeaves(before);
        return c;
    }

    /** After leaves were appended from entry {@code before} on: if all before them were leaves, so are they. */
    private void extendLeaves(int before) {
        if (leaves == before) {
            leaves = size;
        }
    }

    /** @return the number of recorded entries (inputs and constants included) */
    public int size() {
        return size;
    }

    /** @return the number of inputs recorded */
    public int inputCount() {
        return inputCount;
    }

    /** @return whether no value has escaped into control flow so far, so a recording could be replayed */
    public boolean isReplayable() {
        return escape == null;
    }

    /** @return whether {@link #record} has closed this tape */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Empties the tape for a new computation, keeping its arrays. Vars recorded before refuse to
     * take part in operations afterwards.
     *
     * @throws IllegalStateException if the tape is closed or used from another thread
     */
    public void reset() {
        TapeGuards.writable(this);
        size = 0;
        leaves = 0;
        inputCount = 0;
        narySize = 0;
        escape = null;
        field = null;
        epoch++;
        openStamp = epoch << 1 | 1;
    }

    /** Closes the tape: its Vars take part in no more operations. */
    void close() {
        closed = true;
        openStamp = 0;
    }

    /**
     * Closes the tape and makes its entries a {@link Recording} with these outputs. The arrays are
     * trimmed to size.
     *
     * @param outputs the dependent variables, Vars of this tape
     * @return the recording
     */
    public Recording record(Var... outputs) {
        Checks.notNull("outputs", outputs);
        if (outputs.length == 0) {
            throw new IllegalArgumentException("outputs must hold at least one Var, but is empty");
        }
        TapeGuards.writable(this);
        int[] out = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            out[k] = output(outputs[k], k);
        }
        TapeArrays.trim(this);
        return seal(out);
    }

    /** @return a read-only view of the entries recorded so far (no outputs yet) */
    public TapeView view() {
        checkThread();
        return new TapeView(this, new int[0]);
    }

    /** @return the field of this tape's Vars */
    VarField field() {
        if (field == null) {
            field = new VarField(this);
        }
        return field;
    }

    Recording seal(int[] outputs) {
        close();
        double[] w = work;
        work = null;
        return new Recording(this, outputs, w);
    }

    int output(Var v, int k) {
        if (v == null) {
            throw new IllegalArgumentException("output " + k + " must not be null");
        }
        if (v.tape != this) {
            throw new IllegalArgumentException("output " + k + " (v" + v.index
                    + ") belongs to another tape, not to the tape this function was recorded on");
        }
        return TapeGuards.operand(this, v);
    }

    /** Throws unless the calling thread owns this tape ({@link TapeGuards#checkThread}). */
    void checkThread() {
        TapeGuards.checkThread(this);
    }

    /** The value of a linear combination as {@code Decimal64} computes it ({@link LinearCombinations#combine}). */
    static double combine(int code, double[] a, double[] b, int k) {
        return LinearCombinations.combine(code, a, b, k);
    }

    /** @return bytes held by the entry arrays and side arrays (their capacities) */
    long allocatedBytes() {
        return TapeArrays.allocatedBytes(this);
    }
}
