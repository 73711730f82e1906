package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mixed mode called from tasks running on the very executor it was given: the callers must
 * never wait for blocks queued behind themselves, whatever the pool's size.
 */
class ExecutorDeadlockTest {

    /** 1000 inputs, a waist of 2: large enough that the Jacobian's sweeps split into blocks. */
    private static final VectorFunction F = Families.bottleneck(2);
    private static final double[] X = Families.point(1000, 0.7);

    private static ExecutorService fixedPool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fixed-" + threads);
            t.setDaemon(true); // a deadlocked pool must not keep the test JVM alive
            return t;
        });
    }

    /** Runs {@code tasks} Jacobians on a fixed pool, each with a MixedMode on that same pool. */
    private static void callersOnTheirOwnPoolFinish(int threads, int tasks) throws Exception {
        ExecutorService pool = fixedPool(threads);
        AtomicInteger submitted = new AtomicInteger();
        MixedMode mixed = new MixedMode(r -> {
            submitted.incrementAndGet();
            pool.execute(r);
        });
        // one block on this thread: Runnable::run alone would split as the pool does (by the processors)
        double[][] expected = Splits.oneBlock(() -> new MixedMode(Runnable::run).jacobian(F, X));
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                results.add(pool.submit(() -> mixed.jacobian(F, X)));
            }
            for (Future<double[][]> r : results) {
                double[][] j = r.get();
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], j[i], "row " + i + " must be bit-identical to one block on one thread");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(submitted.get() > 0, "the sweeps were split into blocks handed to the pool");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoCallersOnAFixedPoolOfTwoThreadsFinish() throws Exception {
        callersOnTheirOwnPoolFinish(2, 2);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eightCallersOnAFixedPoolOfFourThreadsFinish() throws Exception {
        callersOnTheirOwnPoolFinish(4, 8);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void callersOnAFixedPoolOfOneThreadFinish() throws Exception {
        callersOnTheirOwnPoolFinish(1, 2);
    }

    /** Every direction of every block, nested three deep, on a pool of {@code threads}, called from it. */
    private static void nestedRunsVisitEveryDirectionOnce(int threads) throws Exception {
        ExecutorService pool = fixedPool(threads);
        int w = 12;
        AtomicIntegerArray visits = new AtomicIntegerArray(w * w * w);
        try {
            pool.submit(() -> Parallel.run(pool, w, 1, 0, (a0, a1) -> {
                for (int a = a0; a < a1; a++) {
                    int ia = a;
                    Parallel.run(pool, w, 1, 0, (b0, b1) -> {
                        for (int b = b0; b < b1; b++) {
                            int ib = b;
                            Parallel.run(pool, w, 1, 0, (c0, c1) -> {
                                for (int c = c0; c < c1; c++) {
                                    visits.incrementAndGet((ia * w + ib) * w + c);
                                }
                            });
                        }
                    });
                }
            })).get(25, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < visits.length(); i++) {
            assertEquals(1, visits.get(i), "direction " + i);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void nestedSplitsOnAFixedPoolOfOneThreadFinish() throws Exception {
        nestedRunsVisitEveryDirectionOnce(1);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void nestedSplitsOnAFixedPoolOfTwoThreadsFinish() throws Exception {
        nestedRunsVisitEveryDirectionOnce(2);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anExecutorThatNeverRunsItsTasksStillGivesTheResult() {
        AtomicIntegerArray visits = new AtomicIntegerArray(100);
        List<Runnable> dropped = new ArrayList<>();
        Parallel.run(dropped::add, 100, 1, 0, (from, to) -> {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        });
        assertTrue(!dropped.isEmpty(), "helpers were offered work");
        for (int i = 0; i < 100; i++) {
            assertEquals(1, visits.get(i), "direction " + i);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFailingBlockIsRethrownToTheCaller() {
        ExecutorService pool = fixedPool(2);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Parallel.run(pool, 64, 1, 0, (from, to) -> {
                        if (from == 0) {
                            throw new IllegalArgumentException("block 0");
                        }
                    }));
            assertEquals("block 0", e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }
}
