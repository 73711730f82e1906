package dev.wengert.benchmarks.mixed;

import dev.wengert.benchmarks.adbench.AdbenchData;
import dev.wengert.benchmarks.adbench.BaInstance;
import dev.wengert.benchmarks.adbench.BundleAdjustment;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.SparseJacobian;
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
 * pool and on the calling thread only. The data is found by {@link AdbenchData}. A dense Jacobian of these
 * sizes (95,529 × 55,710 for ba1) would not fit in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparseBundleAdjustmentBenchmark {

    @Param({"ba1_n49_m7776_p31843.txt"})
    public String instance;

    private BundleAdjustment ba;
    private double[] x;
    private final MixedMode mixed = new MixedMode();
    private final MixedMode mixedSingle = new MixedMode(Runnable::run);

    @Setup
    public void setUp() {
        BaInstance data = BaInstance.read(AdbenchData.file("data/ba/" + instance));
        ba = data.residuals();
        x = data.parameters();
    }

    @Benchmark
    public SparseJacobian ba_sparse() {
        return mixed.sparseJacobian(ba, x);
    }

    @Benchmark
    public SparseJacobian ba_sparse_single() {
        return mixedSingle.sparseJacobian(ba, x);
    }
}
