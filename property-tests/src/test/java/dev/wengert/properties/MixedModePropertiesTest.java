package dev.wengert.properties;

import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Mixed mode on random programs: the planner's predicted cost never exceeds either pure mode's,
 * the sparse Jacobian equals the dense one, and a prepared Jacobian replayed at a new point
 * equals a fresh plan there.
 */
class MixedModePropertiesTest {

    @Test
    void plannedCostNeverExceedsPureForwardOrPureReverseOnSafePrograms() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(MixedModePropertiesTest::planIsNoCostlier);
    }

    @Test
    void plannedCostNeverExceedsPureForwardOrPureReverseOnRawPrograms() {
        Budget.qt().forAll(ProgramGenerator.raw()).checkAssert(MixedModePropertiesTest::planIsNoCostlier);
    }

    @Test
    void sparseJacobianEqualsTheDenseOneOnSafePrograms() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            double[][] dense = new MixedMode().jacobian(p.expression, p.point());
            double[][] sparse = new MixedMode().sparseJacobian(p.expression, p.point()).toDense();
            double floor = ExpectAd.TOL * Math.max(1, Math.max(Close.maxAbs(dense), p.sensitivity));
            ExpectAd.agree("dense", dense, "sparse", sparse, ExpectAd.TOL, floor);
        });
    }

    @Test
    void aPreparedJacobianReplayedAtANewPointEqualsAFreshPlanThere() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            double[] x = p.point();
            double[] y = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                y[j] = x[j] * 0.95 + 0.01;
            }
            PreparedJacobian prepared = new MixedMode().prepare(p.expression, x);
            if (!prepared.isReplayable()) {
                throw new AssertionError("an expression lets no value escape, but the recording is not replayable");
            }
            double[][] replayed = prepared.jacobian(y);
            double[][] fresh = new MixedMode().jacobian(p.expression, y);
            ExpectAd.agree("fresh plan", fresh, "replayed prepared Jacobian", replayed, ExpectAd.TOL,
                    ExpectAd.TOL * Math.max(1, Math.max(Close.maxAbs(fresh), p.sensitivity)));
        });
    }

    private static void planIsNoCostlier(Program p) {
        JacobianPlan plan = new MixedMode().plan(p.expression, p.point());
        long cost = plan.predictedCost();
        if (cost > plan.pureForwardCost() || cost > plan.pureReverseCost()) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "predicted cost %d, pure forward %d, pure reverse %d:%n%s", cost, plan.pureForwardCost(),
                    plan.pureReverseCost(), plan.explain()));
        }
    }
}
