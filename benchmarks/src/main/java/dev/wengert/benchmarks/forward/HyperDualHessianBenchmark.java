package dev.wengert.benchmarks.forward;

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
 * The Hessian of the extended Rosenbrock function (n = 10): {@link ForwardMode#hessian} with
 * {@code HyperDual} numbers (n(n+1)/2 = 55 passes) against commons-math3
 * {@link DerivativeStructure} with n parameters, order 2 (one pass over 66 coefficients per
 * number). Target: forward faster than derivativeStructure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HyperDualHessianBenchmark {

    @Param({"10"})
    public int n;

    private double[] x;
    private final ForwardMode forward = new ForwardMode();

    @Setup
    public void setUp() {
        x = ExtendedRosenbrock.start(n);
    }

    @Benchmark
    public double[][] forward() {
        return forward.hessian(ExtendedRosenbrock::value, x);
    }

    @Benchmark
    public double[][] derivativeStructure() {
        DerivativeStructure[] in = new DerivativeStructure[n];
        for (int j = 0; j < n; j++) {
            in[j] = new DerivativeStructure(n, 2, j, x[j]);
        }
        DerivativeStructure y = ExtendedRosenbrock.value(in);
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
