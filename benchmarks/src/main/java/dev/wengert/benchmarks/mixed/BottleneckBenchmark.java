package dev.wengert.benchmarks.mixed;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import dev.wengert.reverse.Recording;
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
 * The bottleneck family f: R^n → R^k → R^n (20 elementary operations per element on each side of
 * the waist): the full Jacobian by mixed, forward and reverse mode. At k = 1 mixed mode plans one
 * adjoint sweep before the waist, one tangent sweep after it and an n × 1 by 1 × n product; at
 * k = n there is no waist and the plan is a pure mode. {@code bottleneck_mixed_single} runs the
 * same plan on the calling thread only, for the parallel speed-up. The {@code …_replayed} pair
 * record once in setup and then evaluate by replay: {@code bottleneck_mixed_replayed} replays,
 * copies the partials and executes the plan; {@code bottleneck_reverse_replayed} replays and runs
 * n adjoint sweeps; {@code bottleneck_mixed_compiled} is the prepared plan with its replay compiled to
 * bytecode. {@code bottleneck_plain} is f on {@code double}, the ratio baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BottleneckBenchmark {

    @Param({"256"})
    public int n;

    @Param({"1", "256"})
    public int k;

    private VectorFunction f;
    private double[] x;
    private PreparedJacobian prepared;
    private PreparedJacobian compiled;
    private Recording recording;
    private final MixedMode mixed = new MixedMode();
    private final MixedMode mixedSingle = new MixedMode(Runnable::run);
    private final ForwardMode forward = new ForwardMode();
    private final ReverseMode reverse = new ReverseMode();

    @Setup
    public void setUp() {
        f = Families.bottleneck(k);
        x = Families.point(n, 0.8);
        prepared = mixed.prepare(f, x);
        compiled = mixed.prepare(f, x).compile();
        recording = reverse.record(f, x);
    }

    @Benchmark
    public double[] bottleneck_plain() {
        return MixedFamilies.bottleneckPlain(k, x);
    }

    @Benchmark
    public double[][] bottleneck_mixed_replayed() {
        return prepared.jacobian(x);
    }

    /** @return the Jacobian of a prepared plan whose replay is compiled ({@link PreparedJacobian#compile()}) */
    @Benchmark
    public double[][] bottleneck_mixed_compiled() {
        return compiled.jacobian(x);
    }

    @Benchmark
    public double[][] bottleneck_reverse_replayed() {
        return recording.jacobian(x);
    }

    @Benchmark
    public double[][] bottleneck_mixed() {
        return mixed.jacobian(f, x);
    }

    @Benchmark
    public double[][] bottleneck_mixed_single() {
        return mixedSingle.jacobian(f, x);
    }

    @Benchmark
    public double[][] bottleneck_forward() {
        return forward.jacobian(f, x);
    }

    @Benchmark
    public double[][] bottleneck_reverse() {
        return reverse.jacobian(f, x);
    }
}
