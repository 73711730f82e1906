package dev.wengert.benchmarks.mixed;

import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.SparseJacobian;
import java.io.IOException;
import java.nio.file.Path;
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
 * ADBench bundle adjustment: the sparse Jacobian (3p × (11n + 3m + p)) of the larger instances by
 * mixed mode's pattern detection, column colouring and compressed tangent sweeps, on the common
 * pool and on the calling thread only. The data directory is {@code ../shared/data/adbench} from
 * the repository root, or the system property {@code wengert.adbench}. A dense Jacobian of these
 * sizes (95,529 × 55,710 for ba1) would not fit in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparseBundleAdjustmentBenchmark {

    @Param({"ba1_n49_m7776_p31843.txt"})
    public String instance;

    private BundleAdjustment ba;
    private final MixedMode mixed = new MixedMode();
    private final MixedMode mixedSingle = new MixedMode(Runnable::run);

    @Setup
    public void setUp() throws IOException {
        Path root = Path.of(System.getProperty("wengert.adbench", "../shared/data/adbench"));
        ba = BundleAdjustment.read(root.resolve("data/ba").resolve(instance));
    }

    @Benchmark
    public SparseJacobian ba_sparse() {
        return mixed.sparseJacobian(ba, ba.x);
    }

    @Benchmark
    public SparseJacobian ba_sparse_single() {
        return mixedSingle.sparseJacobian(ba, ba.x);
    }
}
