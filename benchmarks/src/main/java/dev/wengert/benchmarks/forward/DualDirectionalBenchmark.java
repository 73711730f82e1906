package dev.wengert.benchmarks.forward;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.Dual;
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
 * One directional derivative ∇f(x)·v of extended Rosenbrock ({@link Problems#rosenbrock}) with
 * {@link Dual} numbers; family {@code rosenbrock}, baseline {@code RosenbrockBenchmark.rosenbrock_plain}
 * (f(x) on plain {@code double}). Issue #3's target: ≤ 8 × plain at n = 1000.
 *
 * <p>What counts: a directional derivative is a call that takes x and the direction v as
 * {@code double[]}s, as plain takes x, and returns a number; building the n dual inputs from x
 * and v is part of it (the direction <i>is</i> an input). So the target is judged on
 * {@link #rosenbrock_dualDirectional} (the API call {@link ForwardMode#directionalDerivative}) —
 * {@link #rosenbrock_dualEvaluate} times f on inputs seeded once in setup, the evaluation alone,
 * which is a lower bound, not the measure of the target; {@link #rosenbrock_dualSeed} times the
 * other part, building the n inputs without evaluating f.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DualDirectionalBenchmark {

    /** Dimension (even). */
    @Param({"1000"})
    public int n;

    private final ScalarFunction f = Problems::rosenbrock;
    private final ForwardMode forward = new ForwardMode();
    private double[] x;
    private double[] v;
    private Dual[] seeded;

    /** The classic start and a direction with distinct components; the seeded inputs. */
    @Setup
    public void setUp() {
        x = Problems.rosenbrockStart(n);
        v = new double[n];
        seeded = new Dual[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 / (1 + i);
            seeded[i] = Dual.of(x[i], v[i]);
        }
    }

    /** @return ∇f(x)·v by the API call: n inputs built from x and v, one pass, the tangent */
    @Benchmark
    public double rosenbrock_dualDirectional() {
        return forward.directionalDerivative(f, x, v);
    }

    /** @return the same by hand: the n inputs built in the loop here, no argument checks or copies */
    @Benchmark
    public double rosenbrock_dualDirectionalInline() {
        Dual[] in = new Dual[n];
        for (int i = 0; i < n; i++) {
            in[i] = Dual.of(x[i], v[i]);
        }
        return Problems.rosenbrock(in).getTangent();
    }

    /**
     * @return the n inputs alone, built from x and v as {@link ForwardMode#directionalDerivative}
     *     builds them, without evaluating f: the part of the API call that no evaluation avoids
     */
    @Benchmark
    public Dual[] rosenbrock_dualSeed() {
        Dual[] in = new Dual[n];
        for (int i = 0; i < n; i++) {
            in[i] = Dual.of(x[i], v[i]);
        }
        return in;
    }

    /** @return the tangent of f on inputs seeded once in setup: the evaluation alone */
    @Benchmark
    public double rosenbrock_dualEvaluate() {
        return Problems.rosenbrock(seeded).getTangent();
    }
}
