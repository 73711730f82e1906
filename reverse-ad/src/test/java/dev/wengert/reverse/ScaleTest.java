package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * Deep and wide recordings: a chain of 10⁶ operations differentiated in a thread with a 256 KB
 * stack (nothing recursive), and 10⁷ recorded operations within the memory bound (this module's
 * tests run with -Xmx1g).
 */
class ScaleTest {

    static final int DEPTH = 1_000_000;

    /** y = x, then 10⁶ times y = sin(y)·0.5 + x·0.5 … a chain where every entry depends on the last. */
    static <T extends RealFieldElement<T>> T chain(T[] x) {
        T y = x[0];
        for (int i = 0; i < DEPTH / 3; i++) {
            y = y.sin().multiply(0.5).add(x[1]);
        }
        return y;
    }

    @Test
    void gradientOfAMillionOperationChainNeedsNoDeepStack() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        double[][] result = new double[3][];
        Thread small = new Thread(null, () -> {
            try {
                ScalarFunction f = ScaleTest::chain;
                ReverseMode reverse = new ReverseMode();
                double[] x = {0.7, 0.2};
                result[0] = reverse.gradient(f, x);
                Recording rec = reverse.record(f, x);
                result[1] = rec.hessianVector(new double[] {1, 0});
                result[2] = rec.gradient(new double[] {0.6, 0.1});
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertNull(failure.get(), () -> "failed: " + failure.get());
        // the same derivative by a plain forward loop in doubles: (y, dy/dx0, dy/dx1)
        double y = 0.7;
        double d0 = 1;
        double d1 = 0;
        for (int i = 0; i < DEPTH / 3; i++) {
            double c = FastMath.cos(y) * 0.5;
            y = FastMath.sin(y) * 0.5 + 0.2;
            d0 = c * d0;
            d1 = c * d1 + 1;
        }
        assertEquals(d0, result[0][0], 1e-12 * Math.abs(d0) + 1e-300);
        assertEquals(d1, result[0][1], 1e-12 * Math.abs(d1));
        assertTrue(Double.isFinite(result[1][0]) && Double.isFinite(result[1][1]));
        assertTrue(Double.isFinite(result[2][1]));
    }

    @Test
    void tenMillionRecordedOperationsStayWithinFortyBytesEach() {
        Tape tape = new Tape();
        Var x = tape.input(1e-3);
        Var y = x;
        int ops = 10_000_000;
        for (int i = 1; i < ops; i += 2) {
            y = y.multiply(x).add(1e-7);
        }
        long beforeTrim = tape.view().allocatedBytes();
        Recording rec = tape.record(y);
        TapeView view = rec.view();
        assertEquals(ops + 1, view.size(), "10^7 operations and the input");
        double bytesPerOp = (double) view.allocatedBytes() / view.size();
        System.out.printf("10^7 ops: %.2f bytes/op recorded (%.2f while growing)%n",
                bytesPerOp, (double) beforeTrim / view.size());
        assertTrue(bytesPerOp <= 40, "bytes per op: " + bytesPerOp);
        assertTrue(Double.isFinite(rec.gradient()[0]));
    }
}
