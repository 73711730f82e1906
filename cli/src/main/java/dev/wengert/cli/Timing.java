package dev.wengert.cli;

import java.util.Arrays;

/**
 * Small in-process timing: a warm-up, then the median of repeated samples, each sample a batch of
 * calls long enough to be measured. Good for ratios printed by {@code diff} and {@code bench};
 * not a substitute for JMH ({@code benchmarks/}).
 */
final class Timing {

    /** Keeps the JIT from discarding the work timed. */
    static volatile double sink;

    private Timing() {
    }

    /** A computation to time; returns a number so its work cannot be dropped. */
    interface Work {
        double run();
    }

    /**
     * @param work the computation
     * @param warmupNanos how long to run it before measuring
     * @param samples how many samples to take (the median is returned)
     * @param sampleNanos the least duration of one sample
     * @return the median time of one call, in nanoseconds
     */
    static double median(Work work, long warmupNanos, int samples, long sampleNanos) {
        long start = System.nanoTime();
        long calls = 0;
        double acc = 0;
        do {
            acc += work.run();
            calls++;
        } while (System.nanoTime() - start < warmupNanos);
        long elapsed = Math.max(1, System.nanoTime() - start);
        long batch = Math.max(1, Math.min(1_000_000, calls * sampleNanos / elapsed));
        double[] perCall = new double[samples];
        for (int s = 0; s < samples; s++) {
            long t0 = System.nanoTime();
            for (long c = 0; c < batch; c++) {
                acc += work.run();
            }
            perCall[s] = (double) (System.nanoTime() - t0) / batch;
        }
        sink = acc;
        Arrays.sort(perCall);
        return perCall[samples / 2];
    }
}
