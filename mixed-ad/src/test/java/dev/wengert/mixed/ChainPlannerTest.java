package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChainPlannerTest {

    private static ChainPlanner chain(long[] widths, long[] tau) {
        long[] in = new long[tau.length];
        long[] out = new long[tau.length];
        for (int s = 0; s < tau.length; s++) {
            in[s] = widths[s];
            out[s] = widths[s + 1];
        }
        return new ChainPlanner(in, out, tau);
    }

    @Test
    void oneSegmentTakesTheSmallerOfTangentAndAdjointSweeps() {
        ChainPlanner wide = chain(new long[] {10, 2}, new long[] {50});
        assertEquals(100, wide.predictedCost());
        assertEquals(ChainPlanner.Kind.ADJOINT, wide.steps().get(0).kind());
        ChainPlanner tall = chain(new long[] {3, 10}, new long[] {50});
        assertEquals(150, tall.predictedCost());
        assertEquals(ChainPlanner.Kind.TANGENT, tall.steps().get(0).kind());
    }

    @Test
    void waistOfOneIsAdjointThenTangentThenMultiply() {
        // the worked example of ChainPlanner's javadoc: 4 -> 1 -> 4, tau = 40 each
        ChainPlanner p = chain(new long[] {4, 1, 4}, new long[] {40, 40});
        assertEquals(96, p.predictedCost());
        assertEquals(320, p.pureForwardCost());
        assertEquals(320, p.pureReverseCost());
        List<ChainPlanner.Step> steps = p.steps();
        assertEquals(List.of(ChainPlanner.Kind.ADJOINT, ChainPlanner.Kind.TANGENT, ChainPlanner.Kind.MULTIPLY),
                steps.stream().map(ChainPlanner.Step::kind).toList());
        assertEquals(List.of(40L, 40L, 16L), steps.stream().map(ChainPlanner.Step::cost).toList());
    }

    @Test
    void chainedPullsThroughSeveralSegmentsAreOneStep() {
        // 8 -> 4 -> 2 -> 1 -> 2 -> 4 -> 8, tau = 10 each: one row pulled back through segments 2..0
        // and one column pushed through 4..5, then the 8 x 1 by 1 x 8 product
        ChainPlanner p = chain(new long[] {8, 4, 2, 1, 2, 4, 8}, new long[] {10, 10, 10, 10, 10, 10});
        assertEquals(List.of(ChainPlanner.Kind.ADJOINT, ChainPlanner.Kind.PULL, ChainPlanner.Kind.TANGENT,
                ChainPlanner.Kind.PUSH, ChainPlanner.Kind.MULTIPLY), p.steps().stream().map(ChainPlanner.Step::kind).toList());
        assertEquals(10 + 20 + 10 + 20 + 64, p.predictedCost());
        ChainPlanner.Step pull = p.steps().get(1);
        assertEquals(List.of(0, 1, 2), List.of(pull.i(), pull.k(), pull.j()));
    }

    @Test
    void threeSegmentChainMatchesTheHandComputedTable() {
        // widths 2 -> 5 -> 1 -> 6, tau = 10, 20, 30
        // C00 = min(2*10, 5*10) = 20 T; C11 = min(5*20, 1*20) = 20 A; C22 = min(1*30, 6*30) = 30 T
        // C01 = min(mult 20+20+1*5*2 = 50, push 20 + 2*20 = 60, pull 20 + 1*10 = 30) = 30 (pull)
        // C12 = min(mult 30+20+6*1*5 = 80, push 20 + 5*30 = 170, pull 30 + 6*20 = 150) = 80 (multiply)
        // C02 = min(k=0: mult C12 + C00 + 6*5*2 = 80+20+60 = 160, push 20 + 2*50 = 120, pull 80 + 6*10 = 140;
        //           k=1: mult C22 + C01 + 6*1*2 = 30+30+12 = 72, push 30 + 2*30 = 90, pull 30 + 6*30 = 210) = 72
        ChainPlanner p = chain(new long[] {2, 5, 1, 6}, new long[] {10, 20, 30});
        assertEquals(72, p.predictedCost());
        assertEquals(2 * 60, p.pureForwardCost());
        assertEquals(6 * 60, p.pureReverseCost());
        assertEquals(List.of(ChainPlanner.Kind.ADJOINT, ChainPlanner.Kind.PULL, ChainPlanner.Kind.TANGENT,
                ChainPlanner.Kind.MULTIPLY), p.steps().stream().map(ChainPlanner.Step::kind).toList());
        long sum = p.steps().stream().mapToLong(ChainPlanner.Step::cost).sum();
        assertEquals(72, sum);
    }

    @Test
    void plannerIsNeverWorseThanEitherPureModeOnRandomChains() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            int len = 1 + random.nextInt(12);
            long[] widths = new long[len + 1];
            long[] tau = new long[len];
            for (int s = 0; s <= len; s++) {
                widths[s] = 1 + random.nextInt(random.nextBoolean() ? 4 : 60);
            }
            for (int s = 0; s < len; s++) {
                tau[s] = random.nextInt(500);
            }
            ChainPlanner p = chain(widths, tau);
            assertTrue(p.predictedCost() <= p.pureForwardCost(), "trial " + trial + " forward");
            assertTrue(p.predictedCost() <= p.pureReverseCost(), "trial " + trial + " reverse");
            assertEquals(p.predictedCost(), p.steps().stream().mapToLong(ChainPlanner.Step::cost).sum(),
                    "the steps' costs add up to the prediction, trial " + trial);
            List<ChainPlanner.Step> steps = p.steps();
            for (int s = 1; s < steps.size(); s++) {
                ChainPlanner.Step a = steps.get(s - 1);
                ChainPlanner.Step b = steps.get(s);
                assertTrue(!(a.kind() == b.kind() && a.kind() == ChainPlanner.Kind.PULL && a.i() == b.k() + 1),
                        "a pull feeding a pull is one step, trial " + trial);
                assertTrue(!(a.kind() == b.kind() && a.kind() == ChainPlanner.Kind.PUSH && a.j() == b.k()),
                        "a push feeding a push is one step, trial " + trial);
            }
        }
    }
}
