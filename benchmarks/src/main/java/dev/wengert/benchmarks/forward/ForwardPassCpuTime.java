package dev.wengert.benchmarks.forward;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.ForwardMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The {@link DualVectorGradientBenchmark} (extended Rosenbrock, n = 100, k = 64) and
 * {@link HyperDualHessianBenchmark} (n = 10) calls timed by the calling thread's CPU time, for
 * comparing two builds on a shared machine where JMH's wall-clock scores move more than the
 * difference sought (see {@link DualDirectionalCpuTime}). Prints the median and minimum time per
 * call over the rounds (default 11, the first argument), each of 5,000 gradients and 2,000
 * Hessians after 4 warm-up rounds. Run each build's jar in its own JVM, alternating:
 * {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.wengert.benchmarks.forward.ForwardPassCpuTime 11}.
 */
public final class ForwardPassCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Keeps results alive so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private ForwardPassCpuTime() {
    }

    /**
     * @param args the number of rounds (optional)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        ScalarFunction f = Problems::rosenbrock;
        ForwardMode forward = new ForwardMode(64);
        double[] x100 = Problems.rosenbrockStart(100);
        double[] x10 = Problems.rosenbrockStart(10);
        long[] gradient = new long[rounds];
        long[] hessian = new long[rounds];
        for (int r = -4; r < rounds; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 5000; i++) {
                sink = forward.gradient(f, x100);
            }
            long middle = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 2000; i++) {
                sink = forward.hessian(f, x10);
            }
            long end = THREADS.getCurrentThreadCpuTime();
            if (r >= 0) {
                gradient[r] = (middle - start) / 5000;
                hessian[r] = (end - middle) / 2000;
            }
        }
        Arrays.sort(gradient);
        Arrays.sort(hessian);
        System.out.println("DualVector gradient, n = 100, k = 64: median " + gradient[rounds / 2] + " ns (min "
                + gradient[0] + ")");
        System.out.println("HyperDual Hessian, n = 10: median " + hessian[rounds / 2] + " ns (min " + hessian[0] + ")");
    }
}
