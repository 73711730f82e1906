package dev.wengert.benchmarks.forward;

import dev.wengert.benchmarks.Problems;
import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.Dual;
import dev.wengert.forward.ForwardMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.util.Decimal64;

/**
 * The measurements of {@link DualDirectionalBenchmark} (extended Rosenbrock, n = 1000) timed by
 * the calling thread's CPU time instead of JMH's wall-clock time: on a shared machine a neighbour
 * that takes the core away moves every JMH score, and a ratio of two scores from different forks
 * moves twice; CPU time in one JVM, every variant back to back, moves far less. Prints, per
 * variant, the median, minimum and maximum over the rounds of the time per call, and the median
 * divided by plain's.
 *
 * <p>Modes (the first argument): {@code dual} — plain, the API call, the evaluation on prebuilt
 * duals, the inputs alone, and a fresh 32 KB {@code double[]} filled with x and v (the cost of
 * writing that much fresh memory); {@code decimal64} — plain and the generic function on
 * {@code Decimal64}, in its own JVM (running one generic function on two number types in one JVM
 * slows both: see {@code polluted}); {@code polluted} — {@code dual} after the generic function
 * has run hot on {@code Decimal64}. The second argument is the number of rounds (default 21), each
 * of 20,000 calls per variant after 5 warm-up rounds. Run as
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * dev.wengert.benchmarks.forward.DualDirectionalCpuTime dual 21}.
 */
public final class DualDirectionalCpuTime {

    private static final int N = 1000;
    private static final int CALLS = 20_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Keeps results alive so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private DualDirectionalCpuTime() {
    }

    /**
     * @param args the mode ({@code dual}, {@code decimal64} or {@code polluted}) and optionally
     *     the number of rounds
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "dual";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        double[] x = Problems.rosenbrockStart(N);
        double[] v = new double[N];
        Dual[] seeded = new Dual[N];
        Decimal64[] decimals = new Decimal64[N];
        for (int i = 0; i < N; i++) {
            v[i] = 1.0 / (1 + i);
            seeded[i] = Dual.of(x[i], v[i]);
            decimals[i] = new Decimal64(x[i]);
        }
        ScalarFunction f = Problems::rosenbrock;
        ForwardMode forward = new ForwardMode();
        String[] names;
        IntToDoubleFunction[] variants;
        switch (mode) {
            case "polluted":
                for (int k = 0; k < CALLS; k++) {
                    sink = Problems.rosenbrock(decimals);
                }
                // fall through: the dual measurements, now with Decimal64 in the profile
            case "dual":
                names = new String[] {"plain", "dualDirectional", "dualEvaluate", "dualSeed", "fresh32KB"};
                variants = new IntToDoubleFunction[] {
                    k -> Problems.rosenbrock(x),
                    k -> forward.directionalDerivative(f, x, v),
                    k -> Problems.rosenbrock(seeded).getTangent(),
                    k -> {
                        Dual[] in = new Dual[N];
                        for (int i = 0; i < N; i++) {
                            in[i] = Dual.of(x[i], v[i]);
                        }
                        sink = in;
                        return 0;
                    },
                    k -> {
                        double[] fresh = new double[4 * N + 2];
                        for (int i = 0; i < N; i++) {
                            fresh[4 * i] = x[i];
                            fresh[4 * i + 1] = v[i];
                        }
                        sink = fresh;
                        return 0;
                    },
                };
                break;
            case "decimal64":
                names = new String[] {"plain", "decimal64"};
                variants = new IntToDoubleFunction[] {
                    k -> Problems.rosenbrock(x),
                    k -> Problems.rosenbrock(decimals).getReal(),
                };
                break;
            default:
                throw new IllegalArgumentException("mode must be dual, decimal64 or polluted, but is " + mode);
        }
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            for (IntToDoubleFunction variant : variants) {
                nanosPerCall(variant);
            }
        }
        double[][] times = new double[variants.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < variants.length; j++) {
                times[j][r] = nanosPerCall(variants[j]);
            }
        }
        double plain = median(times[0]);
        System.out.printf("%s, %d rounds of %d calls, thread CPU time per call:%n", mode, rounds, CALLS);
        for (int j = 0; j < variants.length; j++) {
            double[] t = times[j];
            System.out.printf("%-16s median %7.0f ns (min %7.0f, max %7.0f)  %5.2f x plain%n", names[j],
                    median(t), Arrays.stream(t).min().orElseThrow(), Arrays.stream(t).max().orElseThrow(),
                    median(t) / plain);
        }
    }

    /** @return the thread CPU time per call of {@value #CALLS} calls, in ns */
    private static double nanosPerCall(IntToDoubleFunction variant) {
        long start = THREADS.getCurrentThreadCpuTime();
        double s = 0;
        for (int k = 0; k < CALLS; k++) {
            s += variant.applyAsDouble(k);
        }
        sink = s;
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) CALLS;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
