package dev.wengert.benchmarks.forward;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.ForwardMode;
import java.util.concurrent.TimeUnit;
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
 * The Hessian of extended Rosenbrock ({@link Problems#rosenbrock}) at n = 10: {@link
 * ForwardMode#hessian} with {@code HyperDual} numbers (n(n+1)/2 = 55 passes) against commons-math3
 * {@link DerivativeStructure} with n parameters, order 2 (one pass over 66 coefficients per number);
 * family {@code rosenbrock}, baseline {@code RosenbrockBenchmark.rosenbrock_plain}. Issue #3's
 * target: forward faster than derivativeStructure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HyperDualHessianBenchmark {

    /** Dimension (even). */
    @Param({"10"})
    public int n;

    private final ScalarFunction f = Problems::rosenbrock;
    private final ForwardMode forward = new ForwardMode();
    private double[] x;

    /** The classic start. */
    @Setup
    public void setUp() {
        x = Problems.rosenbrockStart(n);
    }

    /** @return ∇²f(x) in n(n+1)/2 HyperDual passes */
    @Benchmark
    public double[][] rosenbrock_forwardHessian() {
        return forward.hessian(f, x);
    }

    /** @return ∇²f(x) by DerivativeStructure of order 2 in n variables (one pass) */
    @Benchmark
    public double[][] rosenbrock_derivativeStructureHessian() {
        DerivativeStructure[] in = new DerivativeStructure[n];
        for (int j = 0; j < n; j++) {
            in[j] = new DerivativeStructure(n, 2, j, x[j]);
        }
        DerivativeStructure y = f.value(in);
        double[][] h = new double[n][n];
        int[] orders = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                orders[i]++;
                orders[j]++;
                h[i][j] = y.getPartialDerivative(orders);
                orders[i]--;
                orders[j]--;
            }
        }
        return h;
    }
}
