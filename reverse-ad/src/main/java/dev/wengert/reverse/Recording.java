package dev.wengert.reverse;

import dev.wengert.core.internal.Checks;
import dev.wengert.reverse.kernel.Entries;
import java.util.Arrays;

/**
 * A closed tape with its outputs: f: R<sup>n</sup> → R<sup>m</sup> recorded once at a point, ready
 * to be swept as often as needed.
 *
 * <ul>
 *   <li>at the recorded point: {@link #values()}, {@link #gradient()} and {@link #vjp} (one adjoint
 *       sweep), {@link #jacobian()} (m adjoint sweeps, adjoints reset between rows), {@link #jvp}
 *       (one tangent sweep), {@link #hessianVector} (one tangent and one second-order adjoint
 *       sweep) and {@link #hessian()} (n of those);</li>
 *   <li>at a new point, without running user code: {@link #replay} recomputes every value and
 *       partial with the rule table in one forward loop, and the same methods taking a point
 *       ({@link #values(double[])}, {@link #gradient(double[])}, {@link #jacobian(double[])}, …)
 *       replay first.</li>
 * </ul>
 *
 * <p><b>The replay rule.</b> Replay is refused — {@link IllegalStateException} naming the first
 * escape — when any value escaped into user code while recording ({@link #isReplayable()},
 * {@link #escape()}): the {@code getReal()} or {@code round()} of any Var that is not a constant,
 * <em>inputs included</em>. Once user code holds a {@code double} the tape cannot tell what it
 * did with it: a branch on it ({@code x[0].getReal() < 0 ? … : …}) fixes the operations to those
 * of the recorded point's side; a value fed back as a number — a stop-gradient
 * {@code x.getField().getZero().add(x.getReal())}, the point of a differentiator called inside f
 * — is recorded as a constant, so a replay would keep the old number (a stop-gradient recorded at
 * x = 1 and replayed at 3 would give f = 3x with the value 3, not 9). {@code toString()} (printing) is not
 * an escape; Var has no comparisons, and {@code equals}/{@code hashCode} are identity.
 * Arithmetic on constants alone is folded and never escapes. The only way past the refusal is
 * to ask for it by name: {@link #replayAssumingSameBranches}.
 *
 * <pre>{@code
 * Recording rec = new ReverseMode().record(Examples::rosenbrock, new double[] {-1.2, 1});
 * double[] g0 = rec.gradient();              // at (-1.2, 1)
 * double[] g1 = rec.gradient(new double[] {0.5, 0.5});   // replayed, user code not run
 * }</pre>
 *
 * <p>A recording belongs to the thread that recorded it (as its tape does); after a replay it
 * stays at the new point.
 */
public final class Recording {

    static {
        Entries.install(Recording::entries);
    }

    final Tape tape;
    private final int[] outputs;
    private final int lastOutput;
    private double[] work;
    /** The replay compiled by {@link #compileReplay()}, or null: replay is interpreted. */
    private CompiledReplay compiledReplay;

    Recording(Tape tape, int[] outputs) {
        this(tape, outputs, null);
    }

    /** @param work an adjoint work array to reuse (from a released tape), or null */
    Recording(Tape tape, int[] outputs, double[] work) {
        this.tape = tape;
        this.work = work;
        this.outputs = outputs;
        int last = 0;
        for (int o : outputs) {
            last = Math.max(last, o);
        }
        this.lastOutput = last;
    }

    /** @return the number of recorded operations (tape entries, inputs and constants included) */
    public int size() {
        return tape.size;
    }

    /** @return the number of inputs n */
    public int inputCount() {
        return tape.inputCount;
    }

    /** @return the number of outputs m */
    public int outputCount() {
        return outputs.length;
    }

    /** @return whether no value escaped into control flow while recording, so it can be replayed */
    public boolean isReplayable() {
        return tape.escape == null;
    }

    /** @return the first operation that let a value escape while recording, or null if none did */
    public String escape() {
        return tape.escape;
    }

    /** The tape's own arrays for the sweep kernels (mixed mode sweeps them in place). */
    private Entries entries() {
        tape.checkThread();
        return Sweeps.entries(tape, outputs.clone());
    }

    /** @return a read-only view of the tape: entries, operands, partials, values, inputs, outputs */
    public TapeView view() {
        tape.checkThread();
        return new TapeView(tape, outputs);
    }

    /** @return the current point (the recorded one, or the last replayed) */
    public double[] point() {
        tape.checkThread();
        double[] x = new double[tape.inputCount];
        for (int j = 0; j < x.length; j++) {
            x[j] = tape.value[tape.inputs[j]];
        }
        return x;
    }

    /** @return f(x) at the current point, one value per output */
    public double[] values() {
        tape.checkThread();
        double[] y = new double[outputs.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = tape.value[outputs[k]];
        }
        return y;
    }

    /** @return f(x) of a scalar recording */
    public double value() {
        return tape.value[scalarOutput("value")];
    }

    /** @return ∇f at the current point (one adjoint sweep); the recording must have one output */
    public double[] gradient() {
        int out = scalarOutput("gradient");
        double[] adj = clearedWork(out);
        adj[out] = 1;
        Sweeps.adjoint(tape, adj, out);
        return atInputs(adj, out);
    }

    /**
     * @param w output weights, one per output
     * @return wᵀ·J at the current point (one adjoint sweep)
     */
    public double[] vjp(double[] w) {
        tape.checkThread();
        Checks.length("weights w (one per output)", w, outputs.length);
        double[] adj = clearedWork(lastOutput);
        for (int k = 0; k < outputs.length; k++) {
            adj[outputs[k]] += w[k];
        }
        Sweeps.adjoint(tape, adj, lastOutput);
        return atInputs(adj, lastOutput);
    }

    /**
     * The adjoint of every entry, for printing the adjoint sweep ({@code trace}).
     *
     * @param w output weights, one per output
     * @return v̄ᵢ = ∂(wᵀf)/∂vᵢ for every entry i of the tape (one adjoint sweep)
     */
    public double[] adjoints(double[] w) {
        tape.checkThread();
        Checks.length("weights w (one per output)", w, outputs.length);
        double[] adj = new double[tape.size];
        for (int k = 0; k < outputs.length; k++) {
            adj[outputs[k]] += w[k];
        }
        Sweeps.adjoint(tape, adj, lastOutput);
        return adj;
    }

    /**
     * The tangent of every entry, for printing the tangent sweep ({@code trace}).
     *
     * @param v a direction, one component per input
     * @return v̇ᵢ along v for every entry i of the tape (one tangent sweep)
     */
    public double[] tangents(double[] v) {
        tape.checkThread();
        Checks.length("direction v (one per input)", v, tape.inputCount);
        double[] tan = seededTangents(v);
        Sweeps.tangent(tape, tan);
        return tan;
    }

    /** @return the Jacobian at the current point, m rows of n, by m adjoint sweeps */
    public double[][] jacobian() {
        tape.checkThread();
        double[][] jac = new double[outputs.length][];
        for (int k = 0; k < outputs.length; k++) {
            int out = outputs[k];
            double[] adj = clearedWork(out);
            adj[out] = 1;
            Sweeps.adjoint(tape, adj, out);
            jac[k] = atInputs(adj, out);
        }
        return jac;
    }

    /**
     * @param v a direction, one component per input
     * @return J·v at the current point (one tangent sweep over the stored partials)
     */
    public double[] jvp(double[] v) {
        tape.checkThread();
        Checks.length("direction v (one per input)", v, tape.inputCount);
        double[] tan = seededTangents(v);
        Sweeps.tangent(tape, tan);
        double[] y = new double[outputs.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = tan[outputs[k]];
        }
        return y;
    }

    /**
     * @param v a direction, one component per input
     * @return H·v at the current point: one tangent sweep, one second-order adjoint sweep
     */
    public double[] hessianVector(double[] v) {
        int out = scalarOutput("hessianVector");
        Checks.length("direction v (one per input)", v, tape.inputCount);
        return hessianVector(v, out);
    }

    /** @return the Hessian at the current point, column j = H·eⱼ, by n second-order sweeps */
    public double[][] hessian() {
        int out = scalarOutput("hessian");
        int n = tape.inputCount;
        double[][] h = new double[n][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] col = hessianVector(e, out);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                h[i][j] = col[i];
            }
        }
        return h;
    }

    /**
     * Moves the recording to a new point: one forward loop recomputes every value and partial
     * with the rule table; user code is not run.
     *
     * @param x the new point, one value per input
     * @return this recording, now at x
     * @throws IllegalStateException if a value escaped into control flow while recording
     */
    public Recording replay(double[] x) {
        tape.checkThread();
        Checks.length("point x (one per input)", x, tape.inputCount);
        if (tape.escape != null) {
            throw new IllegalStateException("this recording cannot be replayed: " + tape.escape
                    + " let a value escape into user code while recording, so the recorded operations"
                    + " may not be those the function performs at another point; record afresh");
        }
        moveTo(x);
        return this;
    }

    /**
     * Replays even a recording that is not {@linkplain #isReplayable() replayable}, on the
     * caller's word that it is safe: every value that escaped into user code while recording was
     * used <em>only</em> to choose between branches, and at x each of those choices comes out as
     * at the recorded point — so f performs at x exactly the operations that were recorded. A
     * value read and used as a number (a stop-gradient, a nested differentiator's point, a
     * tolerance computed from x) keeps its recorded value, and the result at x is then wrong,
     * silently. Nothing of this is checked; prefer recording afresh at x.
     *
     * @param x the new point, one value per input
     * @return this recording, now at x
     */
    public Recording replayAssumingSameBranches(double[] x) {
        tape.checkThread();
        Checks.length("point x (one per input)", x, tape.inputCount);
        moveTo(x);
        return this;
    }

    /** Replay's loop, or its compiled code: the same numbers in the same slots of the tape. */
    private void moveTo(double[] x) {
        if (compiledReplay != null) {
            compiledReplay.replay(tape, x);
        } else {
            Sweeps.replay(tape, x);
        }
    }

    /**
     * Compiles this recording to JVM bytecode: a {@link CompiledRecording} whose values, gradient,
     * vjp, jvp and Jacobian at any point are bit-identical to this recording's replay there, at
     * the speed of straight-line code. The compiled recording is immutable, thread-safe and
     * independent of this one; it is interpreted instead when the recording is too large to
     * compile ({@link CompiledRecording#isCompiled()}).
     *
     * @return the compiled recording
     * @throws IllegalStateException if the recording cannot be replayed (the exception
     *         {@link #replay} throws)
     */
    public CompiledRecording compile() {
        tape.checkThread();
        if (!isReplayable()) {
            replay(point());   // refuses exactly as replay does
        }
        return CompiledRecording.of(this, CompiledRecording.MAX_ENTRIES);
    }

    /**
     * Compiles this recording's {@link #replay}: from now on a replay runs generated straight-line
     * bytecode (one statement per entry, {@link CompiledRecording}'s value code) that writes the
     * values and local partials at the new point into this recording's own tape, in the tape's
     * layout — every number the interpreted replay writes, in the same slot, with the same bits.
     * Everything that reads the tape after a replay (the sweeps of this recording, its
     * {@link #view()}, mixed mode's plans) is unchanged; only the replay is faster once the JVM has
     * compiled the new code (see {@code docs/compiled-recordings.md} for when that pays). A
     * recording larger than {@link CompiledRecording#MAX_ENTRIES}, or with a linear combination of
     * more than 128 operands, keeps the interpreted replay.
     *
     * @return whether the replay is now compiled (false: too large, replay stays interpreted)
     * @throws IllegalStateException if the recording cannot be replayed (the exception
     *         {@link #replay} throws)
     */
    public boolean compileReplay() {
        tape.checkThread();
        if (!isReplayable()) {
            replay(point());   // refuses exactly as replay does
        }
        if (compiledReplay == null) {
            compiledReplay = CompiledReplay.of(this, CompiledRecording.MAX_ENTRIES);
        }
        return compiledReplay != null;
    }

    /** @return whether {@link #replay} runs compiled code ({@link #compileReplay()}) rather than the interpreter */
    public boolean isReplayCompiled() {
        return compiledReplay != null;
    }

    /**
     * @param x a new point
     * @return f(x), by replay
     */
    public double[] values(double[] x) {
        return replay(x).values();
    }

    /**
     * @param x a new point
     * @return ∇f(x), by replay and one adjoint sweep
     */
    public double[] gradient(double[] x) {
        return replay(x).gradient();
    }

    /**
     * @param x a new point
     * @return the Jacobian at x, by replay and m adjoint sweeps
     */
    public double[][] jacobian(double[] x) {
        return replay(x).jacobian();
    }

    /**
     * @param x a new point
     * @param w output weights
     * @return wᵀ·J at x
     */
    public double[] vjp(double[] x, double[] w) {
        return replay(x).vjp(w);
    }

    /**
     * @param x a new point
     * @param v a direction
     * @return J·v at x
     */
    public double[] jvp(double[] x, double[] v) {
        return replay(x).jvp(v);
    }

    /**
     * @param x a new point
     * @return the Hessian at x
     */
    public double[][] hessian(double[] x) {
        return replay(x).hessian();
    }

    private double[] hessianVector(double[] v, int out) {
        double[] tan = seededTangents(v);
        Sweeps.tangent(tape, tan);
        double[] adj = new double[out + 1];
        double[] adjDot = new double[out + 1];
        adj[out] = 1;
        Sweeps.secondOrder(tape, tan, adj, adjDot, out);
        return atInputs(adjDot, out);
    }

    private double[] seededTangents(double[] v) {
        double[] tan = new double[tape.size];
        for (int j = 0; j < v.length; j++) {
            tan[tape.inputs[j]] += v[j];
        }
        return tan;
    }

    /**
     * Hands the tape's arrays and the adjoint work array over for reuse; this recording is
     * unusable afterwards (its tape is empty and closed). Only for ReverseMode's one-shot calls,
     * whose recording never reaches user code.
     */
    Tape.Storage release() {
        return tape.release(work);
    }

    private double[] clearedWork(int last) {
        if (work == null || work.length <= last) {
            work = new double[last + 1];
        } else {
            Arrays.fill(work, 0, last + 1, 0);
        }
        return work;
    }

    /** Adjoints of the inputs; entries above {@code last} were not swept and count as 0. */
    private double[] atInputs(double[] adj, int last) {
        int[] in = tape.inputs;
        double[] g = new double[tape.inputCount];
        for (int j = 0; j < g.length; j++) {
            g[j] = in[j] <= last ? adj[in[j]] : 0;
        }
        return g;
    }

    private int scalarOutput(String what) {
        tape.checkThread();
        if (outputs.length != 1) {
            throw new IllegalArgumentException(what + " needs a recording with one output, but this one has "
                    + outputs.length + "; use jacobian() or vjp(w)");
        }
        return outputs[0];
    }
}
