package dev.wengert.benchmarks.reverse;

import dev.wengert.benchmarks.Problems;
import dev.wengert.benchmarks.adbench.GmmInstance;
import dev.wengert.benchmarks.adbench.GmmObjective;
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
 * is not replayable; only the one-shot gradient is measured.
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

    /** Reads the instance and its starting parameters. */
    @Setup
    public void setUp() {
        GmmInstance instance = Problems.gmm(n);
        f = instance.objective();
        x = instance.parameters();
    }

    /** @return ∇f(x) by {@link ReverseMode#gradient}: record once, one adjoint sweep */
    @Benchmark
    public double[] gmm_reverse() {
        return reverse.gradient(f, x);
    }
}
