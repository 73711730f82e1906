package dev.wengert.benchmarks.mixed;

import dev.wengert.core.testing.Families;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import dev.wengert.mixed.SparseJacobian;
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
 * Broyden's tridiagonal function at n = 2000: the sparse Jacobian (pattern, colouring, 3 tangent
 * sweeps, CSR) against the dense Jacobian by reverse, forward and mixed mode; and, recorded once in
 * setup, the sparse Jacobian by replay with the colouring reused ({@code broyden_sparse_replayed})
 * against the dense one by replay and n adjoint sweeps ({@code broyden_dense_reverse_replayed});
 * {@code broyden_plain} is f on {@code double}, the ratio baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SparseBroydenBenchmark {

    @Param({"2000"})
    public int n;

    private double[] x;
    private PreparedJacobian prepared;
    private Recording recording;
    private final MixedMode mixed = new MixedMode();
    private final ForwardMode forward = new ForwardMode();
    private final ReverseMode reverse = new ReverseMode();

    @Setup
    public void setUp() {
        x = Families.point(n, 1);
        prepared = mixed.prepare(Families.BROYDEN, x);
        prepared.sparseJacobian(x);
        recording = reverse.record(Families.BROYDEN, x);
    }

    @Benchmark
    public double[] broyden_plain() {
        return MixedFamilies.broydenPlain(x);
    }

    @Benchmark
    public SparseJacobian broyden_sparse_replayed() {
        return prepared.sparseJacobian(x);
    }

    @Benchmark
    public double[][] broyden_dense_reverse_replayed() {
        return recording.jacobian(x);
    }

    @Benchmark
    public SparseJacobian broyden_sparse() {
        return mixed.sparseJacobian(Families.BROYDEN, x);
    }

    @Benchmark
    public double[][] broyden_dense_reverse() {
        return reverse.jacobian(Families.BROYDEN, x);
    }

    @Benchmark
    public double[][] broyden_dense_forward() {
        return forward.jacobian(Families.BROYDEN, x);
    }

    @Benchmark
    public double[][] broyden_dense_mixed() {
        return mixed.jacobian(Families.BROYDEN, x);
    }
}
