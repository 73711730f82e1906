package dev.wengert.reverse;

import dev.wengert.core.internal.Checks;
import java.util.Arrays;

/**
 * A recording compiled to JVM bytecode ({@link Recording#compile()}): f: R<sup>n</sup> →
 * R<sup>m</sup> evaluated and differentiated at any point by straight-line code — one statement
 * per tape entry, no op codes, no operand arrays — instead of by replay's loop over the tape.
 *
 * <ul>
 *   <li>{@link #values values(x)} = f(x); {@link #gradient gradient(x)} = ∇f(x) (m = 1), one
 *       adjoint sweep; {@link #vjp vjp(x, w)} = wᵀ·J(x), one adjoint sweep; {@link #jvp jvp(x, v)}
 *       = J(x)·v, one tangent sweep; {@link #jacobian jacobian(x)}, m adjoint sweeps.</li>
 *   <li><b>Bit-identical to replay</b>: every value and partial is computed by the same rule
 *       method of the ad-core table (or the same {@code double} operator) that
 *       {@link Recording#replay} applies, and the sweeps add the same terms in the same order,
 *       skipping an entry whose adjoint is 0 and multiplying a zero tangent by nothing
 *       ({@code Rules.chain}) exactly as the interpreter does: {@code compiled.gradient(x)} and
 *       {@code recording.gradient(x)} agree in every bit, NaN, ±∞ and signed zeros included.</li>
 *   <li><b>Immutable and thread-safe</b>: each thread has its own work arrays (the values and
 *       stored partials, the adjoints, the tangents), allocated on its first call and reused, so
 *       one instance may serve many threads at once. Nothing refers back to the recording:
 *       replaying or dropping it changes nothing here.</li>
 *   <li><b>Size</b>: the code is cut into methods below HotSpot's 8000-byte limit (so the JIT
 *       compiles every one) and into hidden classes of at most 12,000 operands each, which the JVM
 *       unloads once this object is unreachable. A recording of more than {@link #MAX_ENTRIES}
 *       entries, or with a linear combination of more than 128 operands, is not compiled: it is
 *       <em>interpreted</em> — each thread replays its own copy of the tape — with the same
 *       results; {@link #isCompiled()} and {@link #toString()} say which, and why.</li>
 * </ul>
 *
 * <p>Compiling costs the code generation, the class definition and then the JIT's compilation of
 * the new methods, during which the first evaluations run slower than replay; it pays for a
 * function evaluated many times at new points — long optimisation loops, parameter sweeps, fits
 * repeated over many data sets. See {@code docs/compiled-recordings.md} for the measured
 * break-even.
 *
 * <pre>{@code
 * Recording rec = new ReverseMode().record(Examples::rosenbrock, x0);
 * CompiledRecording f = rec.compile();
 * double[] g = f.gradient(x1);                  // == rec.gradient(x1), bit for bit
 * }</pre>
 */
public final class CompiledRecording {

    /** Largest recording (entries, inputs and constants included) that is compiled; larger ones are interpreted. */
    public static final int MAX_ENTRIES = 250_000;

    private final int size;
    private final int[] inputs;
    private final int[] outputs;
    private final int lastOutput;
    private final int workLength;
    /** The kernels of the entry groups, ascending; null when interpreted. */
    private final CompiledKernel[] kernels;
    /** Each group's first entry. */
    private final int[] groupStart;
    /** Why it is interpreted, or null. */
    private final String interpreted;
    /** Each thread's copy of the tape, when interpreted. */
    private final ThreadLocal<Recording> replicas;
    /** Each thread's work arrays. */
    private final ThreadLocal<Work> work;
    /** The inputs and constants: the entries whose adjoint the sweep code does not reset. */
    private final int[] leaves;

    private CompiledRecording(Recording r, int maxEntries) {
        TapeView view = r.view();
        size = view.size();
        inputs = new int[view.inputCount()];
        for (int j = 0; j < inputs.length; j++) {
            inputs[j] = view.inputIndex(j);
        }
        outputs = new int[view.outputCount()];
        int last = 0;
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = view.outputIndex(k);
            last = Math.max(last, outputs[k]);
        }
        lastOutput = last;
        Codegen gen = new Codegen(r);
        int leafCount = 0;
        int[] leafList = new int[16];
        for (int i = 0; i < size; i++) {
            TapeView.Kind kind = view.kind(i);
            if (kind == TapeView.Kind.INPUT || kind == TapeView.Kind.CONSTANT) {
                if (leafCount == leafList.length) {
                    leafList = Arrays.copyOf(leafList, 2 * leafCount);
                }
                leafList[leafCount++] = i;
            }
        }
        leaves = Arrays.copyOf(leafList, leafCount);
        String obstacle = gen.obstacle(maxEntries);
        if (obstacle == null) {
            groupStart = gen.groups();
            kernels = new CompiledKernel[groupStart.length];
            for (int g = 0; g < kernels.length; g++) {
                int hi = g + 1 < groupStart.length ? groupStart[g + 1] : size;
                kernels[g] = gen.kernel(groupStart[g], hi);
            }
            workLength = gen.workLength();
            interpreted = null;
            replicas = null;
            int values = workLength;
            int entries = size;
            work = ThreadLocal.withInitial(() -> new Work(values, entries));
        } else {
            groupStart = null;
            kernels = null;
            workLength = 0;
            interpreted = obstacle;
            TapeCopy copy = new TapeCopy(r.tape, outputs);
            replicas = ThreadLocal.withInitial(copy::recording);
            work = null;
        }
    }

    /**
     * @param r a replayable recording, on its owner thread
     * @param maxEntries the largest size compiled
     * @return r compiled, or interpreted if it is larger
     */
    static CompiledRecording of(Recording r, int maxEntries) {
        return new CompiledRecording(r, maxEntries);
    }

    /** @return whether this recording runs as generated bytecode (true) or is interpreted by replay (false) */
    public boolean isCompiled() {
        return kernels != null;
    }

    /** @return the number of entries of the recording */
    public int size() {
        return size;
    }

    /** @return the number of inputs n */
    public int inputCount() {
        return inputs.length;
    }

    /** @return the number of outputs m */
    public int outputCount() {
        return outputs.length;
    }

    /**
     * @param x a point, one value per input
     * @return f(x), one value per output
     */
    public double[] values(double[] x) {
        checkPoint(x);
        if (kernels == null) {
            return replicas.get().values(x);
        }
        double[] w = forward(x).w;
        double[] y = new double[outputs.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = w[outputs[k]];
        }
        return y;
    }

    /**
     * @param x a point, one value per input
     * @return ∇f(x), by one adjoint sweep; the recording must have one output
     */
    public double[] gradient(double[] x) {
        if (outputs.length != 1) {
            throw new IllegalArgumentException("gradient needs a recording with one output, but this one has "
                    + outputs.length + "; use jacobian(x) or vjp(x, w)");
        }
        checkPoint(x);
        if (kernels == null) {
            return replicas.get().gradient(x);
        }
        Work work = forward(x);
        int out = outputs[0];
        double[] adj = work.adjoints();
        adj[out] = 1;
        adjoint(work, out);
        return atInputs(work, out);
    }

    /**
     * @param x a point, one value per input
     * @param weights output weights, one per output
     * @return weightsᵀ·J(x), by one adjoint sweep
     */
    public double[] vjp(double[] x, double[] weights) {
        checkPoint(x);
        Checks.length("weights w (one per output)", weights, outputs.length);
        if (kernels == null) {
            return replicas.get().vjp(x, weights);
        }
        Work work = forward(x);
        double[] adj = work.adjoints();
        for (int k = 0; k < outputs.length; k++) {
            adj[outputs[k]] += weights[k];
        }
        adjoint(work, lastOutput);
        return atInputs(work, lastOutput);
    }

    /**
     * @param x a point, one value per input
     * @param v a direction, one component per input
     * @return J(x)·v, by one tangent sweep
     */
    public double[] jvp(double[] x, double[] v) {
        checkPoint(x);
        Checks.length("direction v (one per input)", v, inputs.length);
        if (kernels == null) {
            return replicas.get().jvp(x, v);
        }
        Work work = forward(x);
        double[] tan = work.tangents();
        for (int j = 0; j < v.length; j++) {
            tan[inputs[j]] = 0.0 + v[j];    // as Recording's += on a zero array: −0 becomes +0
        }
        for (CompiledKernel k : kernels) {
            k.tangent(work.w, tan);
        }
        double[] y = new double[outputs.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = tan[outputs[k]];
        }
        return y;
    }

    /**
     * @param x a point, one value per input
     * @return the Jacobian J(x), m rows of n, by m adjoint sweeps
     */
    public double[][] jacobian(double[] x) {
        checkPoint(x);
        if (kernels == null) {
            return replicas.get().jacobian(x);
        }
        Work work = forward(x);
        double[][] jac = new double[outputs.length][];
        double[] adj = work.adjoints();
        for (int k = 0; k < outputs.length; k++) {
            int out = outputs[k];
            adj[out] = 1;
            adjoint(work, out);
            jac[k] = atInputs(work, out);
        }
        return jac;
    }

    /**
     * @return {@code "compiled recording: 5501 entries, 1000 inputs, 1 output, 1 class"}, or
     *         {@code "interpreted recording: …"} with the reason
     */
    @Override
    public String toString() {
        String shape = size + " entries, " + inputs.length + (inputs.length == 1 ? " input, " : " inputs, ")
                + outputs.length + (outputs.length == 1 ? " output" : " outputs");
        return kernels != null
                ? "compiled recording: " + shape + ", " + kernels.length + (kernels.length == 1 ? " class" : " classes")
                : "interpreted recording: " + shape + " (not compiled: " + interpreted + ")";
    }

    /** @return this thread's work arrays, with the values and stored partials at x */
    private Work forward(double[] x) {
        Work work = this.work.get();
        for (CompiledKernel k : kernels) {
            k.values(x, work.w);
        }
        return work;
    }

    /**
     * The adjoint sweep from entry {@code from}. The generated code resets each adjoint it has
     * read back to 0, so the adjoint array is all zeros again once {@link #atInputs} has reset the
     * leaves' — the next sweep starts from zeros without clearing the whole array. If the sweep
     * fails half-way, the thread's arrays are dropped.
     */
    private void adjoint(Work work, int from) {
        try {
            for (int g = kernels.length - 1; g >= 0; g--) {
                if (groupStart[g] <= from) {
                    kernels[g].adjoint(work.w, work.adj, from);
                }
            }
        } catch (RuntimeException | Error e) {
            this.work.remove();
            throw e;
        }
    }

    /**
     * Adjoints of the inputs (entries above {@code last} were not swept and count as 0, as in
     * Recording); then resets the adjoints of the inputs and constants, which the sweep code does
     * not reset, so that the whole array is zero again.
     */
    private double[] atInputs(Work work, int last) {
        double[] adj = work.adj;
        double[] g = new double[inputs.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = inputs[j] <= last ? adj[inputs[j]] : 0;
        }
        for (int leaf : leaves) {
            adj[leaf] = 0;
        }
        return g;
    }

    /**
     * One thread's work arrays: values and stored partials (all written before read), adjoints
     * (kept all zero between calls), tangents. Static, so that a thread's map of thread-locals
     * does not keep the compiled recording, and its classes, alive through its value.
     */
    private static final class Work {
        final double[] w;
        final int size;
        double[] adj;
        double[] tan;

        Work(int workLength, int size) {
            this.w = new double[workLength];
            this.size = size;
        }

        double[] adjoints() {
            if (adj == null) {
                adj = new double[size];
            }
            return adj;
        }

        double[] tangents() {
            if (tan == null) {
                tan = new double[size];
            }
            return tan;
        }
    }

    private void checkPoint(double[] x) {
        Checks.length("point x (one per input)", x, inputs.length);
    }
}
