package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Splits any work of mixed mode into several blocks of directions, on several threads, and compares
 * the result bit for bit with the same work run as one block on the calling thread — which is what
 * "bit-identical whatever the parallelism" claims. Small work would otherwise run as one block
 * (below {@link Parallel#SMALL}), and every executor would split large work the same way; so each
 * comparison also checks that a split happened: more blocks than runs, and tasks handed to the pool.
 */
final class Splits {

    /** Block widths tried: one direction per block, odd widths, and wider than a narrow sweep. */
    static final int[] WIDTHS = {1, 3, 7, 64};

    private Splits() {
    }

    /** @return what {@code work} gives with every run of {@link Parallel} on this thread one block */
    static <T> T oneBlock(Supplier<T> work) {
        Parallel.Split whole = new Parallel.Split(Integer.MAX_VALUE);
        T result = Parallel.split(whole, work);
        assertEquals(whole.runs.get(), whole.blocks.get(), "one block per run");
        return result;
    }

    /** {@link #assertBitIdenticalWhenSplit(String, Function, int...)} with blocks of each of {@link #WIDTHS}. */
    static void assertBitIdenticalWhenSplit(String what, Function<Executor, double[][]> compute) {
        assertBitIdenticalWhenSplit(what, compute, WIDTHS);
    }

    /**
     * Runs {@code compute} on the calling thread as one block per run, then split into blocks of each
     * of the widths on a pool of three threads, and requires the same bits every time.
     *
     * @param what names the computation in failures
     * @param compute the computation, given the executor it must use
     * @param widths the block widths, each less than the directions of some run of the computation
     */
    static void assertBitIdenticalWhenSplit(String what, Function<Executor, double[][]> compute, int... widths) {
        double[][] reference = oneBlock(() -> compute.apply(Runnable::run));
        for (int width : widths) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            AtomicInteger tasks = new AtomicInteger();
            Executor counting = task -> {
                tasks.incrementAndGet();
                pool.execute(task);
            };
            Parallel.Split split = new Parallel.Split(width);
            double[][] result;
            try {
                result = Parallel.split(split, () -> compute.apply(counting));
            } finally {
                pool.shutdown();
            }
            String where = what + ", blocks of " + width;
            assertTrue(split.blocks.get() > split.runs.get(),
                    where + ": some run split into several blocks (" + split.runs + " runs, " + split.blocks + " blocks)");
            assertTrue(tasks.get() > 0, where + ": blocks were handed to the pool");
            assertEquals(reference.length, result.length, where + ": rows");
            for (int r = 0; r < reference.length; r++) {
                assertArrayEquals(reference[r], result[r], where + ": row " + r + " bit-identical to one block");
            }
        }
    }
}
