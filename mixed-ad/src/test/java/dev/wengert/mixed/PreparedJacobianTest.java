package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

class PreparedJacobianTest {

    @Test
    void preparedJacobianAtANewPointEqualsAFreshJacobian() {
        VectorFunction f = Families.bottleneck(2);
        PreparedJacobian prepared = new MixedMode().prepare(f, Families.point(40, 0.8));
        assertTrue(prepared.isReplayable());
        for (double scale : new double[] {0.3, -1.1, 2}) {
            double[] x = Families.point(40, scale);
            MixedModeTest.assertJacobiansAgree(new ReverseMode().jacobian(f, x), prepared.jacobian(x), 1e-13,
                    "at scale " + scale);
            double[] y = new ReverseMode().record(f, x).values();
            assertArrayEquals(y, prepared.values());
        }
    }

    @Test
    void aGraphThatDropsOnlyTrailingEdgesStillRefreshesAtANewPoint() {
        // the property suite's shrunk case: t = -(-(x2 + x2)); t + t + 2.0 — the unused inputs and
        // the constant's edge at the end of the tape are dropped, nothing before them
        dev.wengert.core.expr.Expression e = dev.wengert.core.expr.Expression.parse(
                "input x0, x1, x2; t1 = -----(x2 + x2); t1 + t1 + 2.0", java.util.List.of("x0", "x1", "x2"));
        PreparedJacobian prepared = new MixedMode().prepare(e, new double[] {0, 0, 0});
        for (double[] x : new double[][] {{1, 2, 3}, {-0.5, 0.25, -4}}) {
            MixedModeTest.assertJacobiansAgree(new ReverseMode().jacobian(e, x), prepared.jacobian(x), 0,
                    "at " + java.util.Arrays.toString(x));
        }
    }

    @Test
    void preparedSparseJacobianReusesTheColouringAtNewPoints() {
        PreparedJacobian prepared = new MixedMode().prepare(Families.BROYDEN, Families.point(500, 1));
        for (double scale : new double[] {0.5, 3}) {
            double[] x = Families.point(500, scale);
            SparseJacobian j = prepared.sparseJacobian(x);
            assertEquals(3, j.colors());
            double[][] sparse = j.toDense();
            double[][] dense = new ReverseMode().jacobian(Families.BROYDEN, x);
            for (int i = 0; i < dense.length; i++) {
                assertArrayEquals(dense[i], sparse[i], "row " + i);
            }
        }
    }

    @Test
    void recordingWithEscapedValueRefusesANewPoint() {
        VectorFunction branchy = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T s = x[0].sin();
                T[] y = MathArrays.buildArray(x[0].getField(), 1);
                y[0] = s.getReal() > 0 ? s.multiply(x[1]) : x[1];
                return y;
            }
        };
        PreparedJacobian prepared = new MixedMode().prepare(branchy, new double[] {1, 2});
        assertFalse(prepared.isReplayable());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> prepared.jacobian(new double[] {-1, 2}));
        assertTrue(e.getMessage().contains("replay"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> prepared.jacobian(new double[] {1}));
    }
}
