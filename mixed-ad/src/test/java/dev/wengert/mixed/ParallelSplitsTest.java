package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * Every place mixed mode splits directions into blocks — the tangent and adjoint sweeps of a plan's
 * segments, its pushes and pulls, its products (in the middle and into the result), the whole-tape
 * sweeps of a pure plan, the colours of a sparse Jacobian, and a prepared Jacobian's replays —
 * split into blocks of 1, 3, 7 and 64 directions on three threads, and compared bit for bit with
 * one block on the calling thread ({@link Splits}).
 */
class ParallelSplitsTest {

    @Test
    void aPlanThatPullsAProductGivesTheSameBitsInAnyBlocks() {
        VectorFunction f = LayeredChains.pulledProduct();
        double[] x = LayeredChains.point(256);
        Splits.assertBitIdenticalWhenSplit("pulled product", executor -> new MixedMode(executor).jacobian(f, x));
    }

    @Test
    void aPlanThatPushesAProductGivesTheSameBitsInAnyBlocks() {
        VectorFunction f = LayeredChains.pushedProduct();
        double[] x = LayeredChains.point(256);
        Splits.assertBitIdenticalWhenSplit("pushed product", executor -> new MixedMode(executor).jacobian(f, x));
    }

    @Test
    void aPlanEndingInAProductGivesTheSameBitsInAnyBlocks() {
        VectorFunction f = LayeredChains.wideLastProduct();
        double[] x = LayeredChains.point(256);
        Splits.assertBitIdenticalWhenSplit("last product", executor -> new MixedMode(executor).jacobian(f, x));
        VectorFunction bottleneck = Families.bottleneck(1);
        double[] p = Families.point(256, 0.8);
        Splits.assertBitIdenticalWhenSplit("bottleneck", executor -> new MixedMode(executor).jacobian(bottleneck, p));
    }

    @Test
    void pureTangentAndAdjointSweepsGiveTheSameBitsInAnyBlocks() {
        // 6 inputs and 300 outputs: pure forward; 300 inputs and 6 outputs: pure reverse
        VectorFunction tall = Families.mlp(6, 40, 300);
        VectorFunction wide = Families.mlp(300, 40, 6);
        double[] x6 = Families.point(6, 1);
        double[] x300 = Families.point(300, 0.1);
        JacobianPlan forward = new MixedMode(Runnable::run).plan(tall, x6);
        JacobianPlan reverse = new MixedMode(Runnable::run).plan(wide, x300);
        assertEquals(forward.pureForwardCost(), forward.predictedCost(), forward.explain());
        assertEquals(reverse.pureReverseCost(), reverse.predictedCost(), reverse.explain());
        // blocks of 5 sweep unit seeds without a seed matrix, narrower ones with one
        Splits.assertBitIdenticalWhenSplit("pure forward", executor -> new MixedMode(executor).jacobian(tall, x6), 1, 3, 5);
        Splits.assertBitIdenticalWhenSplit("pure reverse", executor -> new MixedMode(executor).jacobian(wide, x300), 1, 3, 5);
    }

    @Test
    void sparseJacobiansGiveTheSameBitsInAnyBlocks() {
        double[] x = Families.point(300, 1);
        VectorFunction band = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] v) {
                // a band of 9: nine column colours, tangent sweeps
                int n = v.length;
                T[] y = MathArrays.buildArray(v[0].getField(), n);
                for (int i = 0; i < n; i++) {
                    T s = v[i].sin();
                    for (int d = 1; d <= 4; d++) {
                        s = s.add(v[Math.max(0, i - d)].multiply(0.3 * d)).add(v[Math.min(n - 1, i + d)].cos());
                    }
                    y[i] = s;
                }
                return y;
            }
        };
        Splits.assertBitIdenticalWhenSplit("sparse band", executor -> {
            SparseJacobian j = new MixedMode(executor).sparseJacobian(band, x);
            assertEquals(SweepMode.TANGENT, j.sweepMode());
            assertTrue(j.colors() >= 9, "colours: " + j.colors());
            return j.toDense();
        }, 1, 3, 7);
        VectorFunction arrow = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] v) {
                // a band of 9 and a dense last row: every column meets every other in that row, so
                // the rows are coloured (about seventeen colours), adjoint sweeps
                int n = v.length;
                T[] y = MathArrays.buildArray(v[0].getField(), n);
                T sum = v[0].sin();
                for (int i = 0; i < n - 1; i++) {
                    T s = v[i].multiply(0.5 + 0.001 * i);
                    for (int d = 1; d <= 4; d++) {
                        s = s.add(v[Math.max(0, i - d)].multiply(1 + 0.1 * d).sin()).add(v[Math.min(n - 1, i + d)].cos());
                    }
                    y[i] = s;
                    sum = sum.add(v[i + 1].sin());
                }
                y[n - 1] = sum;
                return y;
            }
        };
        Splits.assertBitIdenticalWhenSplit("sparse with a dense row", executor -> {
            SparseJacobian j = new MixedMode(executor).sparseJacobian(arrow, x);
            assertEquals(SweepMode.ADJOINT, j.sweepMode());
            assertTrue(j.colors() >= 9, "colours: " + j.colors());
            return j.toDense();
        }, 1, 3, 7);
    }

    @Test
    void aPreparedJacobianReplayedAtANewPointGivesTheSameBitsInAnyBlocks() {
        VectorFunction f = LayeredChains.wideLastProduct();
        double[] x0 = LayeredChains.point(256);
        double[] x1 = x0.clone();
        for (int j = 0; j < x1.length; j++) {
            x1[j] *= 1.01;
        }
        Splits.assertBitIdenticalWhenSplit("prepared", executor -> new MixedMode(executor).prepare(f, x0).jacobian(x1));
    }

    @Test
    void aForcedSplitCoversEveryDirectionOnceAndIsUndoneAfterwards() {
        List<int[]> blocks = Collections.synchronizedList(new ArrayList<>());
        Parallel.Split split = new Parallel.Split(7);
        Executor executor = Runnable::run;
        Parallel.split(split, () -> {
            Parallel.run(executor, 30, 1, (from, to) -> blocks.add(new int[] {from, to}));
            return null;
        });
        assertEquals(1, split.runs.get());
        assertEquals(5, split.blocks.get());
        blocks.sort((a, b) -> Integer.compare(a[0], b[0]));
        int next = 0;
        for (int[] b : blocks) {
            assertEquals(next, b[0]);
            assertTrue(b[1] - b[0] <= 7);
            next = b[1];
        }
        assertEquals(30, next);
        blocks.clear();
        Parallel.run(executor, 30, 1, (from, to) -> blocks.add(new int[] {from, to}));
        assertArrayEquals(new int[] {0, 30}, blocks.get(0), "small work runs as one block again");
        assertEquals(1, blocks.size());
        assertThrows(IllegalArgumentException.class, () -> new Parallel.Split(0));
    }
}
