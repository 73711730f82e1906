package dev.wengert.benchmarks.forward;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
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
 * The gradient of extended Rosenbrock ({@link Problems#rosenbrock}) by {@link ForwardMode} with
 * {@code DualVector} chunks of k tangents (⌈n/k⌉ passes), swept over k (the sweep behind
 * {@link ForwardMode#DEFAULT_CHUNK_SIZE}); family {@code rosenbrock}. Its peer is
 * {@code RosenbrockBenchmark.rosenbrock_derivativeStructure} (commons-math3
 * {@code DerivativeStructure}, order 1 in n variables, one pass), its baseline
 * {@code rosenbrock_plain}: forward is faster than the peer by the ratio of the two ratios. Issue
 * #3's target: ≥ 10 × faster than {@code DerivativeStructure} at n = 100.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DualVectorGradientBenchmark {

    /** Dimension (even). */
    @Param({"100"})
    public int n;

    /** Tangents per pass. */
    @Param({"1", "4", "8", "16", "32", "64", "100"})
    public int chunk;

    private final ScalarFunction f = Problems::rosenbrock;
    private double[] x;
    private ForwardMode forward;

    /** The classic start; forward mode with this chunk size. */
    @Setup
    public void setUp() {
        x = Problems.rosenbrockStart(n);
        forward = new ForwardMode(chunk);
    }

    /** @return ∇f(x) in ⌈n/chunk⌉ DualVector passes */
    @Benchmark
    public double[] rosenbrock_forwardGradient() {
        return forward.gradient(f, x);
    }
}
