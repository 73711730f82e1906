package dev.wengert.benchmarks.mixed;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * After how many evaluations compiling a prepared Jacobian's replay pays, counted from cold: the
 * CPU time of the whole process (the JIT's compiler threads included) for
 * {@link PreparedJacobian#compile()} and the first N Jacobians of the compiled plan, against N
 * Jacobians of the same plan with the interpreted replay, already hot. The bottleneck family
 * ({@link Families#bottleneck}), n inputs, waist k, on the calling thread only. Not a JMH
 * benchmark: JMH measures the steady state, and the point here is the way to it. Run as
 * {@code java -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.mixed.PreparedCompileBreakEven 256 1 2}
 * (n, k, then the number of cold compilations measured).
 */
public final class PreparedCompileBreakEven {

    private static final int[] CHECKPOINTS = {10, 100, 1000, 3000, 10_000, 20_000, 30_000, 50_000, 100_000};

    private static volatile Object sink;

    private PreparedCompileBreakEven() {
    }

    /**
     * @param args n (default 256), k (default 1) and the number of cold compilations (default 2)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        VectorFunction f = Families.bottleneck(k);
        double[] x = Families.point(n, 0.8);
        double[] y = Families.point(n, -0.4);
        MixedMode mixed = new MixedMode(Runnable::run);
        PreparedJacobian interpreted = mixed.prepare(f, x);
        for (int c = 0; c < 5000; c++) {                   // the interpreted path hot
            sink = interpreted.jacobian(c % 2 == 0 ? x : y);
        }
        int calls = 3000;
        long t0 = cpu();
        for (int c = 0; c < calls; c++) {
            sink = interpreted.jacobian(c % 2 == 0 ? x : y);
        }
        double replay = (cpu() - t0) / (double) calls;
        for (int c = 0; c < 20; c++) {                     // the code generator hot
            sink = mixed.prepare(f, x).compile().jacobian(y);
        }
        System.out.printf(Locale.ROOT, "bottleneck n = %d, k = %d; prepared Jacobian, interpreted replay %.1f us (process CPU)%n",
                n, k, replay / 1e3);
        for (int r = 0; r < rounds; r++) {
            PreparedJacobian p = mixed.prepare(f, x);
            long start = cpu();
            p.compile();
            long compiled = cpu() - start;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "cold %d: compile() %.1f ms; compile + N calls vs N interpreted calls:", r, compiled / 1e6));
            int done = 0;
            long breakEven = -1;
            for (int checkpoint : CHECKPOINTS) {
                for (; done < checkpoint; done++) {
                    sink = p.jacobian(done % 2 == 0 ? x : y);
                }
                long spent = cpu() - start;
                if (breakEven < 0 && spent <= checkpoint * replay) {
                    breakEven = checkpoint;
                }
                line.append(String.format(Locale.ROOT, " N=%d %.0f/%.0f ms", checkpoint, spent / 1e6,
                        checkpoint * replay / 1e6));
            }
            long s2 = cpu();
            for (int c = 0; c < calls; c++) {
                sink = p.jacobian(c % 2 == 0 ? x : y);
            }
            System.out.println(line);
            System.out.printf(Locale.ROOT, "  pays by N = %s; then %.1f us per compiled call%n",
                    breakEven < 0 ? "(not within " + CHECKPOINTS[CHECKPOINTS.length - 1] + ")" : breakEven,
                    (cpu() - s2) / (double) calls / 1e3);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
