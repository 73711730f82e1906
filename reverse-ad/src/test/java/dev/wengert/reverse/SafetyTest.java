package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.MoreGarbowHillstrom.Problem;
import dev.wengert.core.testing.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/** Vars of other, reset or closed tapes; threads; user code that throws; ServiceLoader. */
class SafetyTest {

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void aVarFromAnotherTapeIsRefused() {
        Tape t1 = new Tape();
        Tape t2 = new Tape();
        Var a = t1.input(1);
        Var b = t2.input(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("another tape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.linearCombination(a, b, a, a));
        assertThrows(IllegalArgumentException.class, () -> t1.record(b));
        assertThrows(IllegalArgumentException.class, () -> a.add((Var) null));
        assertEquals(3.0, t1.record(a.add(2)).value(), "the tape is still usable");
    }

    @Test
    void aVarOfAResetTapeIsRefused() {
        Tape tape = new Tape();
        Var a = tape.input(1);
        a.sin();
        tape.reset();
        assertEquals(0, tape.size());
        IllegalStateException e = assertThrows(IllegalStateException.class, a::sin);
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        assertThrows(IllegalStateException.class, a::getReal);
        Var x = tape.input(2);
        assertEquals(0, x.index());
        assertArrayEquals(new double[] {4}, tape.record(x.multiply(x)).gradient());
    }

    @Test
    void aVarOfAClosedTapeIsRefused() {
        AtomicReference<Object> leaked = new AtomicReference<>();
        ScalarFunction f = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                leaked.set(x[0]);
                return x[0].multiply(x[0]);
            }
        };
        reverse.gradient(f, new double[] {3});
        Var escaped = (Var) leaked.get();
        IllegalStateException e = assertThrows(IllegalStateException.class, escaped::exp);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        IllegalStateException read = assertThrows(IllegalStateException.class, escaped::getReal,
                "a one-shot call hands its tape's arrays to the next call, so a leaked Var cannot read them");
        assertTrue(read.getMessage().contains("one-shot"), read.getMessage());
        reverse.record(f, new double[] {3});
        assertEquals(3.0, ((Var) leaked.get()).getReal(), "a Var of a kept recording can still be read");
        Tape tape = new Tape();
        Var x = tape.input(1);
        tape.record(x);
        assertThrows(IllegalStateException.class, tape::reset);
        assertThrows(IllegalStateException.class, () -> tape.input(2));
    }

    @Test
    void aTapeIsConfinedToItsThread() throws Exception {
        Tape tape = new Tape();
        Var x = tape.input(2);
        Var y = x.multiply(x);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                y.add(x);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.start();
        other.join();
        assertInstanceOf(IllegalStateException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("confined"), thrown.get().getMessage());
        assertEquals(2, tape.size(), "nothing was appended");
        Recording rec = tape.record(y.add(x));
        assertArrayEquals(new double[] {5}, rec.gradient());
        Thread sweeper = new Thread(() -> {
            try {
                rec.gradient();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        thrown.set(null);
        sweeper.start();
        sweeper.join();
        assertInstanceOf(IllegalStateException.class, thrown.get());
    }

    @Test
    void userCodeThatThrowsLeavesReverseModeUsable() {
        ScalarFunction bad = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                x[0].sin().multiply(x[1]);
                throw new ArithmeticException("user failure");
            }
        };
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> reverse.gradient(bad, new double[] {1, 2}));
        assertEquals("user failure", e.getMessage());
        ScalarFunction f = Seed::xyPlusXSquared;
        assertArrayEquals(new double[] {7, 2}, reverse.gradient(f, new double[] {2, 3}));
    }

    @Test
    void manyThreadsEachWithItsOwnTapeGiveBitIdenticalResults() throws Exception {
        Problem[] problems = MoreGarbowHillstrom.PROBLEMS.toArray(new Problem[0]);
        Random random = new Random(11);
        int tasks = 64;
        double[][] points = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            Problem p = problems[t % problems.length];
            double[] x = p.points()[1].clone();
            for (int j = 0; j < x.length; j++) {
                x[j] *= 1 + 0.01 * random.nextGaussian();
            }
            points[t] = x;
        }
        List<double[][]> single = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            single.add(reverse.jacobian(problems[t % problems.length].residuals(), points[t]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int t = 0; t < tasks; t++) {
                    int task = t;
                    futures.add(pool.submit(() -> reverse.jacobian(problems[task % problems.length].residuals(), points[task])));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                double[][] expected = single.get(k % tasks);
                double[][] actual = futures.get(k).get();
                for (int i = 0; i < expected.length; i++) {
                    for (int j = 0; j < expected[i].length; j++) {
                        assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(actual[i][j]));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reverseModeIsRegisteredForServiceLoader() {
        Differentiator d = Differentiators.named("reverse");
        assertInstanceOf(ReverseMode.class, d);
        assertEquals("reverse", new ReverseMode().name());
        boolean found = false;
        for (Differentiator each : ServiceLoader.load(Differentiator.class)) {
            found |= each instanceof ReverseMode;
        }
        assertTrue(found);
        assertSame(ReverseMode.class, d.getClass());
    }
}
