package dev.wengert.benchmarks.reverse;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
import dev.wengert.reverse.CompiledRecording;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gradient of the extended Rosenbrock function ({@link Problems#rosenbrock}, n inputs, about 7n/2
 * tape entries) by {@link ReverseMode}. Family {@code rosenbrock}: every ratio divides by
 * {@code RosenbrockBenchmark.rosenbrock_plain} at the same n, and the commons-math3
 * {@code DerivativeStructure} peer is {@code RosenbrockBenchmark.rosenbrock_derivativeStructure}
 * (see the naming convention in {@code benchmarks/README.md}).
 *
 * <p>Targets (issue #4): {@code reverse} ≤ 40× plain; ≥ 1000× faster than derivativeStructure;
 * {@code reverse_replay} faster than {@code reverse_record}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReverseRosenbrockBenchmark {

    /** Dimension (even). */
    @Param({"1000"})
    public int n;

    private final ReverseMode reverse = new ReverseMode();
    private final ScalarFunction f = Problems::rosenbrock;
    private double[] x;
    private double[] x2;
    private Recording recording;
    private CompiledRecording compiled;
    private boolean flip;

    /** The classic start, a second point for replay, and one recording. */
    @Setup
    public void setUp() {
        x = Problems.rosenbrockStart(n);
        x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x2[i] = i % 2 == 0 ? 0.7 : -0.4;
        }
        recording = reverse.record(f, x);
        compiled = recording.compile();
    }

    /** @return ∇f(x) by {@link ReverseMode#gradient}: record once, one adjoint sweep */
    @Benchmark
    public double[] rosenbrock_reverse() {
        return reverse.gradient(f, x);
    }

    /** @return ∇f by replaying one recording at alternating points (so every replay recomputes), then one adjoint sweep */
    @Benchmark
    public double[] rosenbrock_reverse_replay() {
        flip = !flip;
        return recording.gradient(flip ? x2 : x);
    }

    /** @return ∇f by recording afresh for replay (trimmed, as {@code record} keeps it), then one adjoint sweep — what replay saves */
    @Benchmark
    public double[] rosenbrock_reverse_record() {
        flip = !flip;
        return reverse.record(f, flip ? x2 : x).gradient();
    }

    /** @return ∇f by one adjoint sweep over an existing recording */
    @Benchmark
    public double[] rosenbrock_reverse_sweep() {
        return recording.gradient();
    }

    /**
     * @return ∇f by the compiled recording ({@link Recording#compile()}) at alternating points:
     *         straight-line value and adjoint code, bit-identical to {@code reverse_replay}
     */
    @Benchmark
    public double[] rosenbrock_reverse_compiled() {
        flip = !flip;
        return compiled.gradient(flip ? x2 : x);
    }

    /** @return a new compiled recording: bytecode generated and its hidden classes defined (not yet JIT-compiled) */
    @Benchmark
    public CompiledRecording rosenbrock_reverse_compile() {
        return recording.compile();
    }
}
