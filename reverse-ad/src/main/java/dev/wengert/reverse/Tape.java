package dev.wengert.reverse;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.internal.Checks;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.Arrays;
import org.apache.commons.math3.util.MathArrays;

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
    private int openStamp = 1;

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
    private boolean released;

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

    /**
     * Hands this closed tape's arrays over for reuse by another tape, and leaves this one empty: its
     * Vars are then stale (as after {@link #reset()}) and can neither read the new contents nor
     * take part in operations.
     *
     * @param work the adjoint work array of its recording, or null
     * @return the arrays
     */
    Storage release(double[] work) {
        Storage storage = new Storage(this, work);
        op = new byte[0];
        value = new double[0];
        args = new int[0];
        partials = new double[0];
        inputs = new int[0];
        size = 0;
        leaves = 0;
        inputCount = 0;
        epoch++;
        released = true;
        close();
        return storage;
    }

    /**
     * Records a new input (an independent variable).
     *
     * @param v its value
     * @return the input's handle; its input number is the count of inputs recorded before it
     */
    public Var input(double v) {
        writable();
        if (inputCount == inputs.length) {
            inputs = Arrays.copyOf(inputs, 2 * inputs.length + 8);
        }
        int before = size;
        inputs[inputCount] = before;
        Var x = push1(OpCode.INPUT, inputCount++, v, 0, false);
        extendLeaves(before);
        return x;
    }

    /**
     * @param values the inputs' values
     * @return one input per value, in order
     */
    public Var[] inputs(double... values) {
        Checks.notNull("values", values);
        writable();
        int n = values.length;
        if (inputCount + n > inputs.length) {
            inputs = Arrays.copyOf(inputs, inputCount + n);
        }
        while (size + n > op.length) {
            grow();
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
        writable();
        int before = size;
        Var c = push0(OpCode.CONSTANT, v);
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
        writable();
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
        writable();
        int[] out = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            out[k] = output(outputs[k], k);
        }
        trim();
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
        return operand(v);
    }

    // ------------------------------------------------------------------ appending

    // Every append checks the thread once and each operand once (its tape, and its stamp against
    // openStamp, which no stamp matches once the tape is closed), takes the operands' values from
    // the Vars, computes the value and the partials from the rule table in one go and writes
    // them; anything unusual is sorted out off the fast path, in refused(). One push (one
    // allocation site) per method, the constant case chosen by selects rather than a second
    // return: a Var that goes no further than the next operations is then scalar-replaced by the
    // JIT's escape analysis instead of allocated. The partials are written even for a folded
    // constant (no reader looks at a constant's partial slots), which spares a select per partial
    // on the common path; the rules are pure double functions, so computing one never throws.

    Var unary(UnaryRule rule, Var a) {
        confined();
        int i = use(a);
        double x = a.value;
        double f = rule.value(x);
        boolean fold = a.isConstant();
        return push1(fold ? OpCode.CONSTANT : OpCode.unary(rule), i, f, rule.first(x, f), fold);
    }

    Var parametric(ParametricRule rule, Var a, double p) {
        confined();
        int i = use(a);
        double x = a.value;
        double f = rule.value(x, p);
        boolean fold = a.isConstant();
        return push1(fold ? OpCode.CONSTANT : OpCode.parametric(rule), i, f, rule.first(x, p, f), p,
                fold);
    }

    Var binary(BinaryRule rule, Var a, Var b) {
        confined();
        int i = use(a);
        int j = use(Checks.notNull("operand", b));
        double x = a.value;
        double y = b.value;
        double f = rule.value(x, y);
        boolean fold = a.isConstant() & b.isConstant();
        return push2(fold ? OpCode.CONSTANT : OpCode.binary(rule), i, j, f,
                rule.dx(x, y, f), rule.dy(x, y, f), fold);
    }

    Var binaryConstant(BinaryRule rule, Var a, double c) {
        confined();
        int i = use(a);
        double x = a.value;
        double f = rule.value(x, c);
        boolean fold = a.isConstant();
        return push1(fold ? OpCode.CONSTANT : OpCode.binaryConstant(rule), i, f, rule.dx(x, c, f), c,
                fold);
    }

    /** Σ aₖ·bₖ, value as {@code Decimal64}: array overload, or the 2/3/4-term one if fixed. */
    Var linearCombination(Var[] a, Var[] b, boolean fixed) {
        writable();
        int k = terms(a, b);
        double[] av = new double[k];
        double[] bv = new double[k];
        int[] ai = new int[k];
        int[] bi = new int[k];
        boolean constant = true;
        for (int t = 0; t < k; t++) {
            Var at = Checks.notNull("a[" + t + "]", a[t]);
            Var bt = Checks.notNull("b[" + t + "]", b[t]);
            ai[t] = operand(at);
            bi[t] = operand(bt);
            av[t] = at.value;
            bv[t] = bt.value;
            constant &= at.isConstant() && bt.isConstant();
        }
        int code = fixed ? OpCode.LC_VAR_FIXED : OpCode.LC_VAR_ARRAY;
        double f = combine(code, av, bv, k);
        if (constant) {
            return push0(OpCode.CONSTANT, f);
        }
        int offset = reserveNary(2 * k);
        for (int t = 0; t < k; t++) {
            naryArgs[offset + 2 * t] = ai[t];
            naryArgs[offset + 2 * t + 1] = bi[t];
            naryPartials[offset + 2 * t] = BinaryRule.MULTIPLY.dx(av[t], bv[t], av[t] * bv[t]);
            naryPartials[offset + 2 * t + 1] = BinaryRule.MULTIPLY.dy(av[t], bv[t], av[t] * bv[t]);
        }
        return pushNary(code, offset, 2 * k, f);
    }

    /** Σ cₖ·bₖ with constant cₖ, value as {@code Decimal64}. */
    Var linearCombination(double[] c, Var[] b, boolean fixed) {
        writable();
        Checks.notNull("a", c);
        Checks.notNull("b", b);
        if (c.length != b.length) {
            throw new IllegalArgumentException("linear combination: a has length " + c.length
                    + " but b has length " + b.length + "; expected equal lengths");
        }
        int k = c.length;
        double[] bv = new double[k];
        int[] bi = new int[k];
        boolean constant = true;
        for (int t = 0; t < k; t++) {
            Var bt = Checks.notNull("b[" + t + "]", b[t]);
            bi[t] = operand(bt);
            bv[t] = bt.value;
            constant &= bt.isConstant();
        }
        int code = fixed ? OpCode.LC_CONST_FIXED : OpCode.LC_CONST_ARRAY;
        double f = combine(code, c, bv, k);
        if (constant) {
            return push0(OpCode.CONSTANT, f);
        }
        int offset = reserveNary(k);
        for (int t = 0; t < k; t++) {
            naryArgs[offset + t] = bi[t];
            naryPartials[offset + t] = BinaryRule.MULTIPLY.dy(c[t], bv[t], c[t] * bv[t]);
        }
        return pushNary(code, offset, k, f);
    }

    /**
     * The value of a linear combination exactly as {@code Decimal64} computes it.
     *
     * @param code one of the four linear-combination op codes
     * @param a the first factors (constants, or taped values)
     * @param b the second factors
     * @param k the number of terms
     * @return Σ aₖ·bₖ
     */
    static double combine(int code, double[] a, double[] b, int k) {
        if (code == OpCode.LC_VAR_ARRAY || code == OpCode.LC_CONST_ARRAY) {
            return MathArrays.linearCombination(a.length == k ? a : Arrays.copyOf(a, k),
                    b.length == k ? b : Arrays.copyOf(b, k));
        }
        switch (k) {
            case 2: return MathArrays.linearCombination(a[0], b[0], a[1], b[1]);
            case 3: return MathArrays.linearCombination(a[0], b[0], a[1], b[1], a[2], b[2]);
            case 4: return MathArrays.linearCombination(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3]);
            default: throw new IllegalStateException("fixed linear combination of " + k + " terms");
        }
    }

    private static int terms(Var[] a, Var[] b) {
        Checks.notNull("a", a);
        Checks.notNull("b", b);
        if (a.length != b.length) {
            throw new IllegalArgumentException("linear combination: a has length " + a.length
                    + " but b has length " + b.length + "; expected equal lengths");
        }
        return a.length;
    }

    private int reserveNary(int n) {
        int offset = narySize;
        if (offset + n > naryArgs.length) {
            int cap = Math.max(offset + n, naryArgs.length + (naryArgs.length >> 1) + 16);
            naryArgs = Arrays.copyOf(naryArgs, cap);
            naryPartials = Arrays.copyOf(naryPartials, cap);
        }
        narySize = offset + n;
        return offset;
    }

    /** The index of a new entry, growing the arrays if they are full. */
    private int next() {
        int i = size;
        if (i == op.length) {
            grow();
        }
        size = i + 1;
        return i;
    }

    /** A constant: op and value only. */
    private Var push0(int code, double v) {
        int i = next();
        op[i] = (byte) code;
        value[i] = v;
        return new Var(this, i, openStamp, v);
    }

    /** An entry with one operand (or an input, whose slot holds its input number). */
    private Var push1(int code, int a0, double v, double p0, boolean constant) {
        int i = next();
        op[i] = (byte) code;
        value[i] = v;
        args[2 * i] = a0;
        partials[2 * i] = p0;
        return new Var(this, i, constant ? openStamp : openStamp - 1, v);
    }

    /** An entry with one operand and a constant parameter, kept in the second partial slot. */
    private Var push1(int code, int a0, double v, double p0, double parameter, boolean constant) {
        int i = next();
        op[i] = (byte) code;
        value[i] = v;
        args[2 * i] = a0;
        partials[2 * i] = p0;
        partials[2 * i + 1] = parameter;
        return new Var(this, i, constant ? openStamp : openStamp - 1, v);
    }

    /** An entry with two operands. */
    private Var push2(int code, int a0, int a1, double v, double p0, double p1, boolean constant) {
        int i = next();
        op[i] = (byte) code;
        value[i] = v;
        args[2 * i] = a0;
        args[2 * i + 1] = a1;
        partials[2 * i] = p0;
        partials[2 * i + 1] = p1;
        return new Var(this, i, constant ? openStamp : openStamp - 1, v);
    }

    /** A linear combination: its operands and partials are in the side arrays, from offset on. */
    private Var pushNary(int code, int offset, int count, double v) {
        int i = next();
        op[i] = (byte) code;
        value[i] = v;
        args[2 * i] = offset;
        args[2 * i + 1] = count;
        return new Var(this, i, openStamp - 1, v);
    }

    private void grow() {
        int cap = op.length + (op.length >> 1) + 16;
        if (cap < 0 || cap > MAX_CAPACITY) {
            throw new IllegalStateException("tape is full: " + size + " entries");
        }
        // one array at a time, so the old one can be collected before the next is copied
        op = Arrays.copyOf(op, cap);
        value = Arrays.copyOf(value, cap);
        args = Arrays.copyOf(args, 2 * cap);
        partials = Arrays.copyOf(partials, 2 * cap);
    }

    private void trim() {
        int n = Math.max(size, 1);
        if (op.length != n) {
            op = Arrays.copyOf(op, n);
            value = Arrays.copyOf(value, n);
            args = Arrays.copyOf(args, 2 * n);
            partials = Arrays.copyOf(partials, 2 * n);
        }
        inputs = Arrays.copyOf(inputs, inputCount);
        naryArgs = Arrays.copyOf(naryArgs, narySize);
        naryPartials = Arrays.copyOf(naryPartials, narySize);
    }

    /** @return bytes held by the entry arrays and side arrays (their capacities) */
    long allocatedBytes() {
        return (long) op.length + 8L * value.length + 4L * args.length + 8L * partials.length
                + 4L * inputs.length + 12L * naryArgs.length;
    }

    // ------------------------------------------------------------------ checks

    /**
     * The value of a Var, for {@code getReal()} and {@code round()}: unless the Var is a constant,
     * its value escapes into user code — inputs included, since a branch on an input, or an
     * input's value fed back as a number (a stop-gradient, a nested differentiator's point), is
     * just as tied to the recorded point — and the recording is marked not replayable (the first
     * such operation is remembered for the error message). Read from the tape, so after a replay
     * it is the replayed value.
     */
    double read(Var v, String operation) {
        checkThread();
        int i = live(v);
        int code = op[i];
        if (escape == null && !closed && code != OpCode.CONSTANT) {
            escape = operation + " on v" + i + (code == OpCode.INPUT ? " (input " + inputNumber(i) + ")"
                    : " (the result of '" + OpCode.name(code) + "')");
        }
        return value[i];
    }

    /** @return which input (0-based) entry i is */
    private int inputNumber(int i) {
        for (int j = 0; j < inputCount; j++) {
            if (inputs[j] == i) {
                return j;
            }
        }
        return -1;
    }

    /** The value of a Var, without marking an escape (toString, internal use). */
    double peek(Var v) {
        return current(v) && v.index < size ? value[v.index] : Double.NaN;
    }

    void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a tape is confined to the thread that created it ("
                    + owner.getName() + "), but was used from thread " + Thread.currentThread().getName());
        }
    }

    private void writable() {
        checkThread();
        if (closed) {
            throw new IllegalStateException("the tape is closed: its recording is complete, and its Vars"
                    + " cannot take part in new operations; record on a new tape");
        }
    }

    /** Throws unless the calling thread owns this tape (the fast path of every append). */
    private void confined() {
        if (Thread.currentThread() != owner) {
            checkThread();
        }
    }

    /**
     * @param v an operand
     * @return its index, if it is a live Var of this open tape
     */
    private int use(Var v) {
        if (v.tape != this || (v.stamp | 1) != openStamp) {
            throw refused(v);
        }
        return v.index;
    }

    /** Why v cannot take part in an operation: the tape is closed, v is foreign, or v is stale. */
    private RuntimeException refused(Var v) {
        try {
            writable();
            operand(v);
        } catch (RuntimeException e) {
            return e;
        }
        return new IllegalStateException("v" + v.index + " cannot take part in an operation on this tape");
    }

    private int operand(Var v) {
        if (v.tape != this) {
            throw new IllegalArgumentException("v" + v.index + " belongs to another tape; a Var can only"
                    + " be combined with Vars of its own tape");
        }
        return live(v);
    }

    /** @return whether v was recorded in this tape's current epoch (open or closed) */
    private boolean current(Var v) {
        return (v.stamp | 1) == (epoch << 1 | 1);
    }

    private int live(Var v) {
        if (!current(v) && released) {
            throw new IllegalStateException("v" + v.index + " was recorded by a one-shot ReverseMode call that"
                    + " has returned, and its tape's arrays went to the next call; to read values after"
                    + " the call, keep the recording (ReverseMode.record)");
        }
        if (!current(v)) {
            throw new IllegalStateException("v" + v.index + " belongs to a tape that was reset since it"
                    + " was recorded; its entry is gone");
        }
        return v.index;
    }
}
