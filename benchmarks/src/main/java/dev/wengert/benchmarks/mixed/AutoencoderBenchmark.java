package dev.wengert.benchmarks.mixed;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.ReverseMode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A deep tanh MLP shaped like an autoencoder, 128 → 64 → 32 → 4 → 32 → 64 → 128: the Jacobian
 * by mixed mode (which pulls 4 rows back to the narrow layer and pushes 4 columns forward from
 * it) against the pure modes; {@code autoencoder_plain} is the MLP on {@code double}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AutoencoderBenchmark {

    private static final int[] WIDTHS = {128, 64, 32, 4, 32, 64, 128};

    private VectorFunction f;
    private double[] x;
    private final MixedMode mixed = new MixedMode();
    private final ForwardMode forward = new ForwardMode();
    private final ReverseMode reverse = new ReverseMode();

    @Setup
    public void setUp() {
        f = Families.mlp(WIDTHS);
        x = Families.point(128, 1);
    }

    @Benchmark
    public double[] autoencoder_plain() {
        return MixedFamilies.mlpPlain(x, WIDTHS);
    }

    @Benchmark
    public double[][] autoencoder_mixed() {
        return mixed.jacobian(f, x);
    }

    @Benchmark
    public double[][] autoencoder_forward() {
        return forward.jacobian(f, x);
    }

    @Benchmark
    public double[][] autoencoder_reverse() {
        return reverse.jacobian(f, x);
    }
}
