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

    /**
     * Layered programs of thousands of operations that meet singular points (sqrt, hypot, log at
     * exact zeros; u − u): the dense plan and the sparse Jacobian take different orders of the
     * chain-rule products, which at an infinite partial can give NaN in one and 0 in the other
     * (∞·(1 − 1) against ∞·1 − ∞·1). Mixed mode takes the tangent order there, so they agree bit for
     * bit; elsewhere the order changes only the rounding.
     */
    @Test
    void denseAndSparseJacobiansAgreeOnLayeredProgramsWithSingularPoints() {
        Budget.qt(Math.max(20, Budget.tries() / 10)).forAll(ProgramGenerator.layered()).checkAssert(p -> {
            double[][] dense = new MixedMode().jacobian(p.expression, p.point());
            double[][] sparse = new MixedMode().sparseJacobian(p.expression, p.point()).toDense();
            for (int i = 0; i < dense.length; i++) {
                for (int j = 0; j < dense[i].length; j++) {
                    double a = dense[i][j];
                    double b = sparse[i][j];
                    boolean same = Double.isNaN(a) ? Double.isNaN(b)
                            : Double.isFinite(a) && Double.isFinite(b) ? Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))
                            : a == b;
                    if (!same) {
                        throw new AssertionError(String.format(Locale.ROOT,
                                "J[%d][%d]: dense %s, sparse %s (%d operations)", i, j, a, b, p.expression.size()));
                    }
                }
            }
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
