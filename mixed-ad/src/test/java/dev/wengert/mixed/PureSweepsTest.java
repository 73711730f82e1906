package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.VectorFunction;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

class PureSweepsTest {

    /** R^n → R^m, every output a chain over all inputs plus a passive output and an unused input. */
    private static VectorFunction dense(int m) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] y = MathArrays.buildArray(x[0].getField(), m);
                T s = x[0].sin();
                for (int j = 1; j < x.length - 1; j++) {
                    s = s.multiply(x[j].cos()).add(x[j].multiply(0.3));
                }
                for (int i = 0; i < m - 1; i++) {
                    y[i] = s.multiply(0.1 * i + 1).exp().add(x[i % (x.length - 1)]);
                }
                y[m - 1] = x[0].getField().getOne().multiply(2);    // passive: a zero row
                return y;
            }
        };
    }

    private static void check(int n, int m, boolean forward) {
        VectorFunction f = dense(m);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = 0.1 + 0.05 * j;
        }
        JacobianPlan plan = new MixedMode(Runnable::run).plan(f, x);
        assertEquals(forward ? plan.pureForwardCost() : plan.pureReverseCost(), plan.predictedCost());
        double[][] expected = new ReverseMode().jacobian(f, x);
        double[][] single = plan.jacobian();
        MixedModeTest.assertJacobiansAgree(expected, single, 1e-13, forward ? "pure forward" : "pure reverse");
        // five live directions (an unused input, a passive output)
        Splits.assertBitIdenticalWhenSplit(forward ? "pure forward" : "pure reverse",
                executor -> new MixedMode(executor).jacobian(f, x), 1, 3);
        assertEquals(0.0, single[m - 1][0], "a passive output is a zero row");
        assertEquals(0.0, single[0][n - 1], "an unused input is a zero column");
    }

    @Test
    void aPlanCostingPureForwardRunsTangentSweepsStraightIntoTheResult() {
        check(6, 300, true);
    }

    @Test
    void aPlanCostingPureReverseRunsAdjointSweepsStraightIntoTheResult() {
        check(300, 6, false);
    }
}
