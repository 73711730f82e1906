package dev.wengert.benchmarks;

import dev.wengert.benchmarks.adbench.GmmInstance;
import dev.wengert.benchmarks.adbench.GmmObjective;
import dev.wengert.core.FiniteDifferences;
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
 * ADBench's GMM objective ({@link Problems#gmm}: {@value Problems#GMM_FILE}, d = 10, K = 5,
 * 330 parameters) on its first n points: the plain {@code double} baseline, the generic code on
 * {@link Decimal64}, and the gradient by each peer. Family {@code gmm}; see the naming
 * convention in {@code benchmarks/README.md}.
 *
 * <p>The default is ADBench's full instance, n = 1000. Every variant costs about n times the
 * same, so the ratios hardly depend on n; a finite-difference gradient makes 330 × 9 evaluations
 * of the generic objective (about 4 s per call at n = 1000 on the 2-core benchmark machine, 0.4 s
 * at n = 100), a DerivativeStructure gradient carries 331 doubles through each of ~2·10⁵
 * operations (0.5–0.7 s). For a shorter run pass {@code --param n=100} to the suite (which also
 * sets Rosenbrock's n) or JMH's {@code -p n=100}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GmmBenchmark {

    /** Number of points taken from the 1000-point instance. */
    @Param({"1000"})
    public int n;

    private final FiniteDifferences finiteDifferences = new FiniteDifferences();
    private GmmObjective f;
    private double[] x;
    private Decimal64[] decimals;

    /** Reads the instance and its starting parameters. */
    @Setup
    public void setUp() {
        GmmInstance instance = Problems.gmm(n);
        f = instance.objective();
        x = instance.parameters();
        decimals = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            decimals[j] = new Decimal64(x[j]);
        }
    }

    /** @return f(x) on plain double: the baseline */
    @Benchmark
    public double gmm_plain() {
        return f.value(x);
    }

    /** @return f(x) by the generic code on Decimal64: no derivative, only genericity */
    @Benchmark
    public Decimal64 gmm_decimal64() {
        return f.value(decimals);
    }

    /** @return ∇f(x) by commons-math3 DerivativeStructure (order 1, 330 variables) */
    @Benchmark
    public double[] gmm_derivativeStructure() {
        return Peers.derivativeStructureGradient(f, x);
    }

    /** @return ∇f(x) by commons-math3 SparseGradient */
    @Benchmark
    public double[] gmm_sparseGradient() {
        return Peers.sparseGradient(f, x);
    }

    /** @return ∇f(x) by Wengert's finite-difference reference (9 points per input) */
    @Benchmark
    public double[] gmm_finiteDifferences() {
        return finiteDifferences.gradient(f, x);
    }
}
