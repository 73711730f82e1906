package dev.wengert.mixed;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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

    /**
     * A block width forced on the runs started by one thread, and how many runs and blocks it saw:
     * lets a test split any work into several blocks (and compare with one block) without making it
     * large. Package-private, set only through {@link #split}.
     */
    static final class Split {
        final int width;
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger blocks = new AtomicInteger();

        /** @param width the block width, ≥ 1 ({@code Integer.MAX_VALUE}: one block per run) */
        Split(int width) {
            if (!(width >= 1)) {
                throw new IllegalArgumentException("width (" + width + ") must be >= 1");
            }
            this.width = width;
        }
    }

    /** The split forced on the calling thread's runs, or null: chosen from the work's size. */
    private static final ThreadLocal<Split> FORCED = new ThreadLocal<>();

    private Parallel() {
    }

    /**
     * Calls {@code work} with every {@link #run} started on the calling thread split into blocks of
     * {@code split.width} directions (the last one narrower), whatever the size of the work and the
     * number of workers, and counted in {@code split}. Runs started on other threads (the helpers of
     * a run, other callers) keep their own choice. The previous setting is restored when
     * {@code work} returns or throws.
     *
     * @param split the block width, and the counts of runs and of the blocks they were split into
     * @param work what to run
     * @param <T> its result type
     * @return its result
     */
    static <T> T split(Split split, Supplier<T> work) {
        Split previous = FORCED.get();
        FORCED.set(split);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                FORCED.remove();
            } else {
                FORCED.set(previous);
            }
        }
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
     * {@link #MAX_BLOCK} wide), and runs them (see {@link #run(Executor, int, long, long, Block)}).
     *
     * @param executor where helpers run
     * @param w the number of directions
     * @param slots the scratch slots a sweep needs per direction (bounds the block width)
     * @param block the work on one block
     */
    static void run(Executor executor, int w, long slots, Block block) {
        run(executor, w, slots, SMALL, block);
    }

    /**
     * Splits w directions into blocks and runs them: the calling thread and up to
     * {@code workers(executor) − 1} helpers submitted to the executor each take the next block
     * from a shared counter until none is left. Which thread runs a block never changes what it
     * computes.
     *
     * <p><b>No deadlock, whatever the executor.</b> The caller never waits for a helper task to
     * start: it runs blocks itself until every block has been claimed, then waits only for the
     * blocks other threads have claimed — each of which is already running on a thread that has
     * started. A helper that starts after every block was claimed returns at once; one that never
     * starts (a fixed pool whose threads are all callers waiting here, a pool of one thread, an
     * executor that rejects the task) is never waited on. Nested calls (a block that itself calls
     * {@code run}) are covered by the same argument, one level at a time.
     *
     * @param executor where helpers run
     * @param w the number of directions
     * @param slots the scratch slots a sweep needs per direction (bounds the block width)
     * @param small work (directions × slots) at or below which the caller runs one block alone
     * @param block the work on one block
     */
    static void run(Executor executor, int w, long slots, long small, Block block) {
        if (w <= 0) {
            return;
        }
        Split forced = FORCED.get();
        if (forced == null && (long) w * Math.max(1, slots) <= small) {
            block.run(0, w);
            return;
        }
        // a forced split hands blocks to at least one helper, even where one processor is all there is
        int threads = forced == null ? workers(executor) : Math.max(2, workers(executor));
        int width;
        if (forced == null) {
            width = (w + threads - 1) / threads;
            width = Math.min(width, MAX_BLOCK);
            width = (int) Math.max(1, Math.min(width, MAX_SCRATCH / Math.max(1, slots)));
        } else {
            width = Math.min(w, forced.width);
        }
        int blocks = (w + width - 1) / width;
        if (forced != null) {
            forced.runs.incrementAndGet();
            forced.blocks.addAndGet(blocks);
        }
        if (blocks == 1) {
            block.run(0, w);
            return;
        }
        Blocks work = new Blocks(w, width, blocks, block);
        int helpers = Math.min(blocks - 1, threads - 1);
        for (int h = 0; h < helpers && work.unclaimed(); h++) {
            try {
                executor.execute(work::drain);
            } catch (RejectedExecutionException e) {
                break; // the caller runs what no helper takes
            }
        }
        work.drain();
        work.awaitClaimed();
    }

    /** The shared state of one {@link #run}: a claim counter and a count of blocks finished. */
    private static final class Blocks {
        private final int w;
        private final int width;
        private final int blocks;
        private final Block block;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Blocks(int w, int width, int blocks, Block block) {
            this.w = w;
            this.width = width;
            this.blocks = blocks;
            this.block = block;
            this.finished = new CountDownLatch(blocks);
        }

        boolean unclaimed() {
            return next.get() < blocks;
        }

        /** Claims and runs blocks until none is left; a failure stops further claims. */
        void drain() {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        int from = b * width;
                        block.run(from, Math.min(w, from + width));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.countDown();
                }
            }
        }

        /**
         * Called by the caller after its own {@link #drain}: every block is claimed, so every
         * block not yet finished is running on a started thread; waits for those, then rethrows
         * the first failure.
         */
        void awaitClaimed() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
