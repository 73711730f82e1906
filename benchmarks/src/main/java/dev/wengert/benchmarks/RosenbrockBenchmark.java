package dev.wengert.benchmarks;

import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.ScalarFunction;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.util.Decimal64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Extended Rosenbrock ({@link Problems#rosenbrock}) in n dimensions: the plain {@code double}
 * baseline, the generic code on {@link Decimal64} (the price of genericity alone), and the
 * gradient by each peer. Family {@code rosenbrock}; see the naming convention in
 * {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RosenbrockBenchmark {

    /** Dimension (even). */
    @Param({"10", "100", "1000"})
    public int n;

    private final ScalarFunction f = Problems::rosenbrock;
    private final FiniteDifferences finiteDifferences = new FiniteDifferences();
    private double[] x;
    private Decimal64[] decimals;

    /** Builds the starting point. */
    @Setup
    public void setUp() {
        x = Problems.rosenbrockStart(n);
        decimals = new Decimal64[n];
        for (int j = 0; j < n; j++) {
            decimals[j] = new Decimal64(x[j]);
        }
    }

    /** @return f(x) on plain double: the baseline */
    @Benchmark
    public double rosenbrock_plain() {
        return Problems.rosenbrock(x);
    }

    /** @return f(x) by the generic code on Decimal64: no derivative, only genericity */
    @Benchmark
    public Decimal64 rosenbrock_decimal64() {
        return Problems.rosenbrock(decimals);
    }

    /** @return ∇f(x) by commons-math3 DerivativeStructure (order 1, n variables) */
    @Benchmark
    public double[] rosenbrock_derivativeStructure() {
        return Peers.derivativeStructureGradient(f, x);
    }

    /** @return ∇f(x) by commons-math3 SparseGradient */
    @Benchmark
    public double[] rosenbrock_sparseGradient() {
        return Peers.sparseGradient(f, x);
    }

    /** @return ∇f(x) by Wengert's finite-difference reference (9 points per input) */
    @Benchmark
    public double[] rosenbrock_finiteDifferences() {
        return finiteDifferences.gradient(f, x);
    }
}
