package dev.wengert.benchmarks.reverse;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
import dev.wengert.reverse.CompiledRecording;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * After how many evaluations compiling a recording pays, counted from cold: the CPU time of the
 * whole process (so the JIT's compiler threads and the collector count too) for
 * {@code compile()} and the first N gradients of the new compiled recording — whose code starts in
 * the JVM's bytecode interpreter, then C1, then C2 — against N gradients by replay, already hot.
 * Extended Rosenbrock ({@link Problems#rosenbrock}), n inputs. Not a JMH benchmark: JMH measures
 * the steady state, and the point here is the way to it. Run as
 * {@code java -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.reverse.CompileBreakEven 1000 3}
 * (n, then the number of cold compilations measured).
 */
public final class CompileBreakEven {

    private static final int[] CHECKPOINTS = {10, 100, 1000, 3000, 10_000, 30_000, 100_000, 300_000};

    private static volatile Object sink;

    private CompileBreakEven() {
    }

    /**
     * @param args n (default 1000) and the number of cold compilations (default 3)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ScalarFunction f = Problems::rosenbrock;
        double[] x = Problems.rosenbrockStart(n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 0.7 : -0.4;
        }
        Recording rec = new ReverseMode().record(f, x);
        for (int k = 0; k < 20_000; k++) {                 // replay hot
            sink = rec.gradient(k % 2 == 0 ? x : y);
        }
        for (int k = 0; k < 30; k++) {                      // the code generator hot
            sink = rec.compile().gradient(x);
        }
        int calls = 5000;
        long t0 = cpu();
        for (int k = 0; k < calls; k++) {
            sink = rec.gradient(k % 2 == 0 ? x : y);
        }
        double replay = (cpu() - t0) / (double) calls;
        System.out.printf(Locale.ROOT, "extended Rosenbrock n = %d, %d entries; replayed gradient %.1f us (process CPU)%n",
                n, rec.size(), replay / 1e3);
        for (int r = 0; r < rounds; r++) {
            long start = cpu();
            CompiledRecording c = rec.compile();
            long compiled = cpu() - start;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "cold %d: compile() %.1f ms (%.1f ms per 10^4 entries); compile + N calls vs N replays:",
                    r, compiled / 1e6, compiled / 1e6 * 1e4 / rec.size()));
            int done = 0;
            long breakEven = -1;
            for (int checkpoint : CHECKPOINTS) {
                for (; done < checkpoint; done++) {
                    sink = c.gradient(done % 2 == 0 ? x : y);
                }
                long spent = cpu() - start;
                if (breakEven < 0 && spent <= checkpoint * replay) {
                    breakEven = checkpoint;
                }
                line.append(String.format(Locale.ROOT, " N=%d %.1f/%.1f ms", checkpoint, spent / 1e6,
                        checkpoint * replay / 1e6));
            }
            System.out.println(line);
            System.out.println("  pays by N = " + (breakEven < 0 ? "(not within " + CHECKPOINTS[CHECKPOINTS.length - 1] + ")" : breakEven));
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
