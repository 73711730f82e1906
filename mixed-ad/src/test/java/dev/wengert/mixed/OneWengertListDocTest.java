package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wengert.core.Functions;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.Tape;
import dev.wengert.reverse.Var;
import dev.wengert.reverse.kernel.Entries;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/one-wengert-list.md, z = x·y + x² at (2, 3), cut at position 3 and
 * swept in place: the live sets, segment 1's slots and adjoints, and the product [7, 2].
 */
class OneWengertListDocTest {

    private static Recording seedExample() {
        Tape tape = new Tape();
        Var[] x = tape.inputs(2, 3);
        return tape.record(x[0].multiply(x[1]).add(Functions.square(x[0])));
    }

    @Test
    void theGraphIsTheRecordingsOwnArrays() {
        Recording rec = seedExample();
        LinearizedGraph g = Recordings.linearize(rec);
        Entries list = Entries.of(rec);
        assertSame(list.value, g.list.value);
        assertSame(list.partials, g.list.partials);
        rec.replay(new double[] {1, 5});
        assertEquals(1 * 5 + 1, g.value(4));
        assertEquals(5 + 2 * 1, new MixedMode(Runnable::run).plan(g).jacobian()[0][0]);
    }

    @Test
    void theDocumentedCutSlotsAndAdjointsComeOut() {
        LinearizedGraph g = Recordings.linearize(seedExample());
        int[] lastUse = Cutter.lastUse(g);
        assertArrayEquals(new int[] {0, 1}, Cutter.liveSet(g, lastUse, 2));
        assertArrayEquals(new int[] {0, 2}, Cutter.liveSet(g, lastUse, 3));
        assertArrayEquals(new int[] {4}, Cutter.liveSet(g, lastUse, 5));
        SegmentProgram one = new SegmentProgram(g, 3, 5, new int[] {0, 2}, new int[] {4}, new int[5]);
        assertArrayEquals(new int[] {2, 0}, one.entrySlot);
        assertEquals(3, one.slots);
        double[] rowOne = one.adjoint(new double[] {1}, 1);
        assertArrayEquals(new double[] {4, 1}, rowOne);
        SegmentProgram zero = new SegmentProgram(g, 2, 3, new int[] {0, 1}, new int[] {0, 2}, new int[5]);
        double[] jacobianZero = zero.tangent(new double[] {1, 0, 0, 1}, 2);   // columns x, y
        assertArrayEquals(new double[] {1, 0, 3, 2}, jacobianZero);
        double[] gradient = {
            rowOne[0] * jacobianZero[0] + rowOne[1] * jacobianZero[2],
            rowOne[0] * jacobianZero[1] + rowOne[1] * jacobianZero[3]};
        assertArrayEquals(new double[] {7, 2}, gradient);
    }
}
