package dev.wengert.benchmarks.reverse;

import dev.wengert.benchmarks.Problems;
import dev.wengert.benchmarks.adbench.GmmInstance;
import dev.wengert.benchmarks.adbench.GmmObjective;
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
 * The ADBench GMM gradient ({@link Problems#gmm}: d = 10, K = 5, 330 parameters, n points) by
 * {@link ReverseMode}. Family {@code gmm}: the ratio divides by {@code GmmBenchmark.gmm_plain} at
 * the same n. Target (issue #4): ≤ 10× plain at n = 1000.
 *
 * <p>The objective's log-sum-exp picks its largest term with {@code getReal()}, so its recording
 * is not replayable: {@code gmm_reverse} is the one-shot gradient. {@code gmm_reverse_replay} and
 * {@code gmm_reverse_compiled} record {@link GmmObjective#replayable} (the max taken on the tape)
 * once and evaluate the gradient at alternating points by replay and by the compiled recording.
 * At n = 1000 that recording has 737,025 entries, more than {@code CompiledRecording.MAX_ENTRIES}:
 * it is interpreted there; run with {@code --param n=100} to measure compiled code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReverseGmmBenchmark {

    /** Number of points taken from the 1000-point instance. */
    @Param({"1000"})
    public int n;

    private final ReverseMode reverse = new ReverseMode();
    private GmmObjective f;
    private double[] x;
    private double[] x2;
    private Recording recording;
    private CompiledRecording compiled;
    private boolean flip;

    /** Reads the instance and its starting parameters. */
    @Setup
    public void setUp() {
        GmmInstance instance = Problems.gmm(n);
        f = instance.objective();
        x = instance.parameters();
        x2 = x.clone();
        for (int i = 0; i < x2.length; i++) {
            x2[i] += 0.01 * Math.sin(i);
        }
        recording = reverse.record(GmmObjective.replayable(instance), x);
        compiled = recording.compile();
    }

    /** @return ∇f(x) by {@link ReverseMode#gradient}: record once, one adjoint sweep */
    @Benchmark
    public double[] gmm_reverse() {
        return reverse.gradient(f, x);
    }

    /** @return ∇f by replaying the recording of the replayable objective at alternating points */
    @Benchmark
    public double[] gmm_reverse_replay() {
        flip = !flip;
        return recording.gradient(flip ? x2 : x);
    }

    /** @return ∇f by the compiled recording of the replayable objective at alternating points */
    @Benchmark
    public double[] gmm_reverse_compiled() {
        flip = !flip;
        return compiled.gradient(flip ? x2 : x);
    }
}
