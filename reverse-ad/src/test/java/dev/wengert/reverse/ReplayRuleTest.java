package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * The replay rule: a recording refuses replay whenever user code read the value of any Var that
 * is not a constant — an input's included — since the tape cannot tell whether that number
 * chose a branch or was fed back as a constant.
 */
class ReplayRuleTest {

    private final ReverseMode reverse = new ReverseMode();

    /** f(x) = stopGradient(x)·x: value x², derivative x (the stopped factor is held constant). */
    static <T extends RealFieldElement<T>> T stopGradientTimesX(T[] x) {
        T stopped = x[0].getField().getZero().add(x[0].getReal());
        return x[0].multiply(stopped);
    }

    /** f(x) = x² for x ≥ 0, −x otherwise: a branch on an input. */
    static <T extends RealFieldElement<T>> T branchOnInput(T[] x) {
        return x[0].getReal() >= 0 ? x[0].multiply(x[0]) : x[0].negate();
    }

    @Test
    void aStopGradientOnAnInputRefusesReplay() {
        ScalarFunction f = ReplayRuleTest::stopGradientTimesX;
        Recording rec = reverse.record(f, new double[] {1});
        assertFalse(rec.isReplayable());
        assertEquals("getReal() on v0 (input 0)", rec.escape());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rec.gradient(new double[] {3}));
        assertTrue(e.getMessage().contains("cannot be replayed: getReal() on v0 (input 0)"), e.getMessage());
        // a fresh recording at 3 is right: value 9, derivative 3
        Recording fresh = reverse.record(f, new double[] {3});
        assertEquals(9.0, fresh.value());
        assertArrayEquals(new double[] {3}, fresh.gradient());
        // the named escape hatch does what its javadoc says: the stopped factor keeps its recorded 1
        rec.replayAssumingSameBranches(new double[] {3});
        assertEquals(3.0, rec.value());
        assertArrayEquals(new double[] {1}, rec.gradient());
    }

    @Test
    void aBranchOnAnInputRefusesReplayUnlessAskedByName() {
        ScalarFunction f = ReplayRuleTest::branchOnInput;
        Recording rec = reverse.record(f, new double[] {2});
        assertFalse(rec.isReplayable());
        assertThrows(IllegalStateException.class, () -> rec.replay(new double[] {-1}));
        assertThrows(IllegalStateException.class, () -> rec.values(new double[] {0.5}));
        // on the same side of the branch the caller may vouch for it: equal to a fresh recording
        rec.replayAssumingSameBranches(new double[] {0.5});
        Recording fresh = reverse.record(f, new double[] {0.5});
        assertArrayEquals(fresh.values(), rec.values());
        assertArrayEquals(fresh.gradient(), rec.gradient());
        assertThrows(IllegalArgumentException.class, () -> rec.replayAssumingSameBranches(new double[] {1, 2}));
    }

    @Test
    void roundOnAnInputEscapesToo() {
        Tape tape = new Tape();
        Var x = tape.input(2.4);
        assertEquals(2L, x.round());
        assertEquals("round() on v0 (input 0)", tape.record(x.multiply(x)).escape());
    }

    @Test
    void readingAConstantOrPrintingDoesNotEscape() {
        Tape tape = new Tape();
        Var x = tape.input(2);
        Var y = tape.input(5);
        Var c = tape.field().getOne().add(1);
        assertEquals(2.0, c.getReal());
        assertEquals("v0 = 2.0", x.toString());
        assertEquals("v1 = 5.0", y.toString());
        Recording rec = tape.record(x.multiply(y).multiply(c));
        assertTrue(rec.isReplayable());
        assertArrayEquals(new double[] {2 * 3 * 4.0}, rec.values(new double[] {3, 4}));
    }
}
