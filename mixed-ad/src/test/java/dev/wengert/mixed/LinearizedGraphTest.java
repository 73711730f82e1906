package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.Families;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class LinearizedGraphTest {

    private static final Executor SAME_THREAD = Runnable::run;

    /** z = x*y + x^2 at (2, 3), the seed's second example, as in LinearizedGraph's javadoc. */
    static LinearizedGraph seedExample() {
        GraphBuilder b = new GraphBuilder(new double[] {2, 3});
        int xy = b.binary("*", 6, 0, 3, 1, 2);
        int sq = b.unary("square", 4, 0, 4);
        int z = b.binary("+", 10, xy, 1, sq, 1);
        return b.build(new int[] {z});
    }

    @Test
    void seedExampleGraphHasTheDocumentedLayout() {
        LinearizedGraph g = seedExample();
        assertEquals(2, g.inputs());
        assertEquals(5, g.size());
        assertEquals(5, g.edges());
        assertEquals("square", g.op(3));
        assertEquals(2, g.operandCount(4));
        assertEquals(3.0, g.partial(2, 0));
        assertArrayEquals(new int[] {4}, g.outputs());
    }

    @Test
    void seedExampleJacobianIsSevenAndTwo() {
        double[][] j = new MixedMode(SAME_THREAD).plan(seedExample()).jacobian();
        assertArrayEquals(new double[] {7, 2}, j[0]);
    }

    @Test
    void liveSetsCountInputsStillNeededAndOutputs() {
        // positions 2..5: L(2) = {x, y}; L(3) = {x, xy}; L(4) = {xy, sq}; L(5) = {z}
        assertArrayEquals(new int[] {2, 2, 2, 1}, Cutter.liveSizes(seedExample()));
    }

    @Test
    void passiveOperandsAndDeadCodeCarryNoEdges() {
        GraphBuilder b = new GraphBuilder(new double[] {1, 5});
        int c = b.constant(2);
        int cc = b.unary("square", 4, c, 4);
        int dead = b.unary("sin", Math.sin(5), 1, Math.cos(5));
        int y = b.binary("*", 4, 0, 4, cc, 1);
        LinearizedGraph g = b.build(new int[] {y});
        assertFalse(g.isActive(cc));
        assertFalse(g.isActive(dead));
        assertFalse(g.isActive(1));
        assertEquals(1, g.edges());
        double[][] j = new MixedMode(SAME_THREAD).plan(g).jacobian();
        assertArrayEquals(new double[] {4, 0}, j[0]);
    }

    @Test
    void zeroTangentNeverMultipliesAnInfinitePartial() {
        // y0 = x0 + 0*sqrt(x1) with an infinite partial of sqrt at x1 = 0 reached only through a zero
        GraphBuilder b = new GraphBuilder(new double[] {1, 0});
        int s = b.unary("sqrt", 0, 1, Double.POSITIVE_INFINITY);
        int t = b.unary("*0", 0, s, 0);
        int y = b.binary("+", 1, 0, 1, t, 1);
        LinearizedGraph g = b.build(new int[] {y});
        JacobianPlan plan = new MixedMode(SAME_THREAD).plan(g);
        double[][] j = plan.jacobian();
        assertEquals(1.0, j[0][0]);
        assertTrue(Double.isNaN(j[0][1]) || j[0][1] == 0, "0 * inf is either skipped or NaN, never inf");
        Sweep whole = plan.programs()[0];
        double[] tangent = whole.tangent(new double[] {1, 0}, 1);
        assertEquals(1.0, tangent[0]);
    }

    @Test
    void outputThatIsAnInputIsARowOfTheIdentityAndDuplicateOutputsRepeatTheRow() {
        GraphBuilder b = new GraphBuilder(new double[] {2, 3});
        int p = b.binary("*", 6, 0, 3, 1, 2);
        LinearizedGraph g = b.build(new int[] {1, p, p});
        double[][] j = new MixedMode(SAME_THREAD).plan(g).jacobian();
        assertArrayEquals(new double[] {0, 1}, j[0]);
        assertArrayEquals(new double[] {3, 2}, j[1]);
        assertArrayEquals(new double[] {3, 2}, j[2]);
    }

    @Test
    void graphWithoutOperationsHasOneEmptySegment() {
        GraphBuilder b = new GraphBuilder(new double[] {2, 3});
        JacobianPlan plan = new MixedMode(SAME_THREAD).plan(b.build(new int[] {1, 0}));
        assertEquals(1, plan.segments().size());
        assertEquals(0, plan.predictedCost());
        double[][] j = plan.jacobian();
        assertArrayEquals(new double[] {0, 1}, j[0]);
        assertArrayEquals(new double[] {1, 0}, j[1]);
    }

    @Test
    void segmentsCoverTheTapeInOrder() {
        LinearizedGraph g = Recordings.record(Families.bottleneck(2), Families.point(30, 1));
        List<Segment> segments = new MixedMode(SAME_THREAD).plan(g).segments();
        assertEquals(g.inputs(), segments.get(0).first());
        assertEquals(g.size() - 1, segments.get(segments.size() - 1).last());
        for (int s = 1; s < segments.size(); s++) {
            assertEquals(segments.get(s - 1).last() + 1, segments.get(s).first());
            assertEquals(segments.get(s - 1).fanOut(), segments.get(s).fanIn());
        }
        assertTrue(segments.size() <= MixedMode.DEFAULT_MAX_SEGMENTS);
    }

    @Test
    void builderRejectsOperandsThatDoNotExist() {
        GraphBuilder b = new GraphBuilder(new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> b.unary("sin", 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> b.build(new int[] {7}));
    }

    @Test
    void slotsAreReusedOnceAValueIsDead() {
        LinearizedGraph g = seedExample();
        SegmentProgram whole = new SegmentProgram(g, 2, 5, new int[] {0, 1}, new int[] {4}, new int[5]);
        assertArrayEquals(new int[] {2, 1, 0}, whole.entrySlot);
        assertEquals(3, whole.slots);
        assertArrayEquals(new double[] {7}, whole.tangent(new double[] {1, 0}, 1));
        assertArrayEquals(new double[] {7, 2}, whole.adjoint(new double[] {1}, 1));
    }

    @Test
    void longChainSweepsInAFewSlots() {
        GraphBuilder b = new GraphBuilder(new double[] {0.5});
        int v = 0;
        for (int i = 0; i < 10_000; i++) {
            v = b.unary("sin", 0, v, 0.99);
        }
        LinearizedGraph g = b.build(new int[] {v});
        SegmentProgram whole = new SegmentProgram(g, 1, g.size(), new int[] {0}, new int[] {v}, new int[g.size()]);
        assertTrue(whole.slots <= 2, "slots: " + whole.slots);
        double expected = Math.pow(0.99, 10_000);
        assertEquals(expected, whole.tangent(new double[] {1}, 1)[0], 1e-12 * expected);
        assertEquals(expected, whole.adjoint(new double[] {1, 1, 1, 1, 1, 1}, 6)[5], 1e-12 * expected);
    }
}
