package dev.wengert.benchmarks.forward;

import dev.wengert.forward.Dual;
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
 * One directional derivative of the extended Rosenbrock function (n = 1000) with {@link Dual}
 * numbers, against the value alone on plain {@code double} (hand-written) and on
 * {@code Decimal64} (the generic code). Target: dual ≤ 8 × plainDouble. {@code dual} and
 * {@code decimal64} build their n input objects per call (part of the cost of a directional
 * derivative); the {@code Preseeded} variants build them once in setup, as {@code plainDouble}'s
 * x is, and time the evaluation alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DualDirectionalBenchmark {

    @Param({"1000"})
    public int n;

    private double[] x;
    private double[] v;
    private Dual[] seeded;
    private Decimal64[] decimals;

    @Setup
    public void setUp() {
        x = ExtendedRosenbrock.start(n);
        v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 / (1 + i);
        }
        seeded = new Dual[n];
        decimals = new Decimal64[n];
        for (int i = 0; i < n; i++) {
            seeded[i] = Dual.of(x[i], v[i]);
            decimals[i] = new Decimal64(x[i]);
        }
    }

    @Benchmark
    public double plainDouble() {
        return ExtendedRosenbrock.value(x);
    }

    @Benchmark
    public double decimal64() {
        Decimal64[] in = new Decimal64[n];
        for (int i = 0; i < n; i++) {
            in[i] = new Decimal64(x[i]);
        }
        return ExtendedRosenbrock.value(in).getReal();
    }

    @Benchmark
    public double dual() {
        Dual[] in = new Dual[n];
        for (int i = 0; i < n; i++) {
            in[i] = Dual.of(x[i], v[i]);
        }
        return ExtendedRosenbrock.value(in).getTangent();
    }

    /** The evaluation alone, inputs seeded once in setup (as plainDouble's x is). */
    @Benchmark
    public double dualPreseeded() {
        return ExtendedRosenbrock.value(seeded).getTangent();
    }

    /** The evaluation alone on Decimal64, inputs built once in setup. */
    @Benchmark
    public double decimal64Preseeded() {
        return ExtendedRosenbrock.value(decimals).getReal();
    }
}
