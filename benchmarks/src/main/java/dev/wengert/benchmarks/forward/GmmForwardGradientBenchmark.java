package dev.wengert.benchmarks.forward;

import dev.wengert.benchmarks.Problems;
import dev.wengert.benchmarks.adbench.GmmInstance;
import dev.wengert.benchmarks.adbench.GmmObjective;
import dev.wengert.forward.ForwardMode;
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
 * The gradient of ADBench's GMM objective ({@link Problems#gmm}, 330 parameters) on its first n
 * points by {@link ForwardMode} with {@code DualVector} chunks of k tangents, swept over k; family
 * {@code gmm}, baseline {@code GmmBenchmark.gmm_plain}, peer {@code gmm_derivativeStructure}. The
 * dense counterpart of the Rosenbrock sweep in {@link DualVectorGradientBenchmark}: most operations
 * here depend on many parameters, so the tangent ranges of {@code DualVector} fill the whole chunk
 * and a pass costs about k per operation — the case that keeps the default chunk size moderate.
 * Run with {@code --param n=100} and the baseline
 * ({@code --include 'GmmBenchmark.gmm_(plain|derivativeStructure)$'}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmForwardGradientBenchmark {

    /** Number of points taken from the 1000-point instance. */
    @Param({"100"})
    public int n;

    /** Tangents per pass. */
    @Param({"8", "16", "32", "64", "330"})
    public int chunk;

    private GmmObjective f;
    private double[] x;
    private ForwardMode forward;

    /** Reads the instance and its starting parameters; forward mode with this chunk size. */
    @Setup
    public void setUp() {
        GmmInstance instance = Problems.gmm(n);
        f = instance.objective();
        x = instance.parameters();
        forward = new ForwardMode(chunk);
    }

    /** @return ∇f(x) in ⌈330/chunk⌉ DualVector passes */
    @Benchmark
    public double[] gmm_forwardGradient() {
        return forward.gradient(f, x);
    }
}
