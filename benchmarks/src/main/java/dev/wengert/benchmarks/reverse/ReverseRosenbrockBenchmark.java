package dev.wengert.benchmarks.reverse;

import dev.wengert.core.ScalarFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gradient of the extended Rosenbrock function (n inputs, 9n/2 tape entries) by reverse mode,
 * against the plain {@code double} evaluation of the same function (the baseline of the ratio)
 * and against commons-math3 {@code DerivativeStructure} (order 1, n free parameters). Also:
 * replaying a recording at a new point against recording afresh.
 *
 * <p>Targets: reverse gradient ≤ 40× plain; ≥ 1000× faster than DerivativeStructure; replay
 * faster than a fresh recording.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReverseRosenbrockBenchmark {

    @Param({"1000"})
    public int n;

    private double[] x;
    private double[] x2;
    private final ReverseMode reverse = new ReverseMode();
    private final ScalarFunction f = ReverseRosenbrockBenchmark::rosenbrock;
    private Recording recording;
    private boolean flip;

    /** Extended Rosenbrock: Σ 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², written once. */
    public static <T extends RealFieldElement<T>> T rosenbrock(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i += 2) {
            T a = x[i + 1].subtract(x[i].multiply(x[i]));
            T b = x[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        return sum;
    }

    /** The same function on plain doubles. */
    public static double rosenbrockPlain(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum = sum + a * a * 100 + b * b;
        }
        return sum;
    }

    @Setup
    public void setUp() {
        x = new double[n];
        x2 = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
            x2[i] = i % 2 == 0 ? 0.7 : -0.4;
        }
        recording = reverse.record(f, x);
    }

    @Benchmark
    public double plainDouble() {
        return rosenbrockPlain(x);
    }

    @Benchmark
    public double[] reverseGradient() {
        return reverse.gradient(f, x);
    }

    /** Replay at alternating points (so every replay really recomputes), then one adjoint sweep. */
    @Benchmark
    public double[] replayGradient() {
        flip = !flip;
        return recording.gradient(flip ? x2 : x);
    }

    /** Recording afresh, kept for sweeping (trimmed), then one adjoint sweep — what replay saves. */
    @Benchmark
    public double[] recordGradient() {
        return reverse.record(f, flip ? x2 : x).gradient();
    }

    /** One adjoint sweep over an existing recording. */
    @Benchmark
    public double[] sweepOnly() {
        return recording.gradient();
    }

    @Benchmark
    public double[] derivativeStructureGradient() {
        DerivativeStructure[] v = new DerivativeStructure[n];
        for (int j = 0; j < n; j++) {
            v[j] = new DerivativeStructure(n, 1, j, x[j]);
        }
        DerivativeStructure y = rosenbrock(v);
        double[] g = new double[n];
        int[] orders = new int[n];
        for (int j = 0; j < n; j++) {
            orders[j] = 1;
            g[j] = y.getPartialDerivative(orders);
            orders[j] = 0;
        }
        return g;
    }
}
