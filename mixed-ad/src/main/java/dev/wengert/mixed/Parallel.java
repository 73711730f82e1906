package dev.wengert.mixed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent blocks of sweep directions on an {@link Executor}. Each block writes only its
 * own columns (or rows) of the result, and the arithmetic of one direction does not depend on the
 * block it falls in, so the result is bit-identical whatever the parallelism.
 */
final class Parallel {

    /** A block of directions [from, to). */
    @FunctionalInterface
    interface Block {
        void run(int from, int to);
    }

    /** Largest number of directions per block. */
    static final int MAX_BLOCK = 128;
    /** Work (directions × slots) below which handing blocks to other threads costs more than it saves. */
    static final long SMALL = 1L << 16;
    /** Largest scratch per block, in doubles (32 MiB). */
    static final long MAX_SCRATCH = 1L << 22;

    private Parallel() {
    }

    /**
     * @param executor where helpers run
     * @return how many threads may run blocks at once, the calling thread included: a fork-join
     *         pool's parallelism plus the caller; for any other executor (which may be the calling
     *         thread itself, {@code Runnable::run}) the number of processors, caller included —
     *         splitting into more blocks than can run at once only adds a pass per block
     */
    static int workers(Executor executor) {
        if (executor instanceof ForkJoinPool pool) {
            return Math.max(1, pool.getParallelism()) + 1;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Splits w directions into blocks of equal width, one per {@link #workers worker} (at most
     * {@link #MAX_BLOCK} wide), and runs them: the calling thread and up to
     * {@code workers(executor) − 1} helpers on the executor take the next block from a shared
     * counter until none is left. Which thread runs a block never changes what it computes.
     *
     * @param executor where helpers run
     * @param w the number of directions
     * @param slots the scratch slots a sweep needs per direction (bounds the block width)
     * @param block the work on one block
     */
    static void run(Executor executor, int w, long slots, Block block) {
        if (w <= 0) {
            return;
        }
        if ((long) w * Math.max(1, slots) <= SMALL) {
            block.run(0, w);
            return;
        }
        int threads = workers(executor);
        int width = (w + threads - 1) / threads;
        width = Math.min(width, MAX_BLOCK);
        width = (int) Math.max(1, Math.min(width, MAX_SCRATCH / Math.max(1, slots)));
        int blocks = (w + width - 1) / width;
        if (blocks == 1) {
            block.run(0, w);
            return;
        }
        int size = width;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                int from = b * size;
                block.run(from, Math.min(w, from + size));
            }
        };
        int helpers = Math.min(blocks - 1, threads - 1);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            futures[h] = CompletableFuture.runAsync(worker, executor);
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (failure != null) {
                throw failure;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
