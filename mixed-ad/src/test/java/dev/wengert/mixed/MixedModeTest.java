package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

class MixedModeTest {

    private final MixedMode mixed = new MixedMode();

    /**
     * |actual − expected| ≤ tolerance · (the largest |entry| of the expected column), entry by
     * entry: relative to each column's size, with no absolute floor (an all-zero column must match
     * exactly).
     */
    static void assertJacobiansAgree(double[][] expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        double[] scale = Columns.scales(expected);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": columns");
            for (int j = 0; j < expected[i].length; j++) {
                double e = expected[i][j];
                double a = actual[i][j];
                assertTrue(Math.abs(e - a) <= tolerance * scale[j] || e == a,
                        what + " (" + i + ", " + j + "): expected " + e + " but was " + a + ", column scale " + scale[j]);
            }
        }
    }

    @Test
    void isNamedMixedAndRegisteredForServiceLoader() {
        assertEquals("mixed", mixed.name());
        Differentiator found = Differentiators.named("mixed");
        assertTrue(found instanceof MixedMode);
    }

    @Test
    void bottleneckWithWaistOfOnePlansAdjointSweepsBeforeTheWaistAndTangentSweepsAfter() {
        int n = 64;
        VectorFunction f = Families.bottleneck(1);
        double[] x = Families.point(n, 0.8);
        JacobianPlan plan = mixed.plan(f, x);
        LinearizedGraph g = plan.graph();
        int waist = -1;
        for (Segment s : plan.segments()) {
            if (s.fanOut() == 1) {
                waist = s.index();
            }
        }
        assertTrue(waist >= 0, "a cut at the waist: " + plan.explain());
        for (Segment s : plan.segments()) {
            assertEquals(s.index() <= waist ? SweepMode.ADJOINT : SweepMode.TANGENT, s.mode(),
                    "segment " + s.index() + "\n" + plan.explain());
        }
        // one adjoint sweep before, one tangent sweep after, and an n x 1 by 1 x n product
        assertTrue(plan.predictedCost() <= g.edges() + (long) n * n, plan.explain());
        assertTrue(plan.pureForwardCost() >= 10 * plan.predictedCost(), plan.explain());
        assertTrue(plan.pureReverseCost() >= 10 * plan.predictedCost(), plan.explain());
        double[][] reverse = new ReverseMode().jacobian(f, x);
        double[][] forward = new ForwardMode().jacobian(f, x);
        double[][] planned = plan.jacobian();
        assertJacobiansAgree(reverse, planned, 1e-13, "mixed vs reverse");
        assertJacobiansAgree(forward, planned, 1e-13, "mixed vs forward");
    }

    @Test
    void bottleneckWithoutWaistAgreesWithBothPureModes() {
        int n = 24;
        VectorFunction f = Families.bottleneck(n);
        double[] x = Families.point(n, 0.5);
        JacobianPlan plan = mixed.plan(f, x);
        assertTrue(plan.predictedCost() <= Math.min(plan.pureForwardCost(), plan.pureReverseCost()));
        assertJacobiansAgree(new ReverseMode().jacobian(f, x), plan.jacobian(), 1e-13, "mixed vs reverse");
        assertJacobiansAgree(new ForwardMode().jacobian(f, x), plan.jacobian(), 1e-13, "mixed vs forward");
    }

    @Test
    void autoencoderWithNarrowLayerPlansThroughTheNarrowLayerAndAgrees() {
        VectorFunction f = Families.mlp(40, 24, 12, 2, 12, 24, 40);
        double[] x = Families.point(40, 1);
        JacobianPlan plan = mixed.plan(f, x);
        assertTrue(plan.segments().stream().anyMatch(s -> s.fanOut() == 2), plan.explain());
        assertTrue(plan.predictedCost() * 3 < Math.min(plan.pureForwardCost(), plan.pureReverseCost()),
                plan.explain());
        assertJacobiansAgree(new ReverseMode().jacobian(f, x), plan.jacobian(), 1e-13, "mixed vs reverse");
        assertJacobiansAgree(new ForwardMode().jacobian(f, x), plan.jacobian(), 1e-13, "mixed vs forward");
    }

    @Test
    void wideAndTallFunctionsAgreeWithReverseMode() {
        VectorFunction wide = Families.mlp(30, 5, 1);
        VectorFunction tall = Families.mlp(1, 5, 30);
        double[] x30 = Families.point(30, 1);
        assertJacobiansAgree(new ReverseMode().jacobian(wide, x30), mixed.jacobian(wide, x30), 1e-13, "wide");
        double[] x1 = {0.3};
        assertJacobiansAgree(new ReverseMode().jacobian(tall, x1), mixed.jacobian(tall, x1), 1e-13, "tall");
    }

    @Test
    void resultsAreBitIdenticalWhateverTheParallelism() {
        VectorFunction f = Families.bottleneck(3);
        double[] x = Families.point(80, 0.7);
        // work this small runs as one block on any executor unless the split is forced
        Splits.assertBitIdenticalWhenSplit("bottleneck k = 3", executor -> new MixedMode(executor).jacobian(f, x));
        double[][] single = new MixedMode(Runnable::run).jacobian(f, x);
        assertJacobiansAgree(single, new MixedMode(Runnable::run, 1).jacobian(f, x), 1e-13, "one segment");
    }

    @Test
    void explainListsSegmentsOperationsAndBothPureModes() {
        JacobianPlan plan = mixed.plan(Families.bottleneck(1), Families.point(16, 1));
        String text = plan.explain();
        assertTrue(text.startsWith("Jacobian plan for f: R^16 -> R^16"), text);
        assertTrue(text.contains("fan-in") && text.contains("fan-out") && text.contains("mode"), text);
        assertTrue(text.contains("adjoint") && text.contains("tangent"), text);
        assertTrue(text.contains("operations, in order:"), text);
        assertTrue(text.contains("16 x 1 times 1 x 16"), text);
        assertTrue(text.contains("predicted cost: " + String.format(java.util.Locale.ROOT, "%,d", plan.predictedCost())), text);
        assertTrue(text.contains("pure forward:") && text.contains("pure reverse:") && text.contains("x the plan"), text);
        List<String> ops = plan.operations();
        assertTrue(ops.get(ops.size() - 1).contains("*"), ops.toString());
    }

    @Test
    void dotDrawsEverySegmentAsAClusterColouredByItsMode() {
        JacobianPlan plan = mixed.plan(Families.bottleneck(1), Families.point(6, 1));
        String dot = plan.toDot();
        assertTrue(dot.startsWith("digraph wengert {"), dot);
        assertTrue(dot.trim().endsWith("}"), dot);
        for (Segment s : plan.segments()) {
            assertTrue(dot.contains("subgraph cluster_s" + s.index() + " {"), "segment " + s.index());
        }
        assertTrue(dot.contains("#cfe2ff") && dot.contains("#ffd8b0"), "both colours");
        assertTrue(dot.contains("v0 -> v"), "edges from the inputs");
        assertTrue(dot.contains("-> y0;"), "outputs");
        String capped = plan.toDot(20);
        assertTrue(capped.contains("more entries not drawn"), capped);
        assertTrue(!capped.contains("v25 "), capped);
        assertThrows(IllegalArgumentException.class, () -> plan.toDot(0));
    }

    @Test
    void deepChainPlansWithoutRecursion() {
        VectorFunction deep = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T a = x[0];
                T b = x[1];
                for (int i = 0; i < 200_000; i++) {
                    a = a.multiply(0.999999).add(b.multiply(1e-6));
                }
                x[0] = a;
                x[1] = a.sin();
                return x;
            }
        };
        double[] x = {0.5, 0.25};
        double[][] j = mixed.jacobian(deep, x);
        assertJacobiansAgree(new ReverseMode().jacobian(deep, x), j, 1e-13, "deep chain");
        assertTrue(mixed.plan(deep, x).toDot().contains("more entries not drawn"));
    }

    @Test
    void gradientHessianJvpAndVjpDelegateToThePureModes() {
        ScalarFunction rosenbrock = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T a = x[0].negate().add(1);
                T b = x[1].subtract(x[0].multiply(x[0]));
                return a.multiply(a).add(b.multiply(b).multiply(100));
            }
        };
        double[] x = {-1.2, 1};
        assertArrayEquals(new ReverseMode().gradient(rosenbrock, x), mixed.gradient(rosenbrock, x));
        double[][] h = mixed.hessian(rosenbrock, x);
        assertArrayEquals(new ReverseMode().hessian(rosenbrock, x)[0], h[0]);
        VectorFunction f = Families.bottleneck(1);
        double[] p = Families.point(10, 1);
        double[] v = Families.point(10, 2);
        double[] jv = mixed.jvp(f, p, v);
        double[] wj = mixed.vjp(f, p, v);
        double[][] jac = mixed.jacobian(f, p);
        for (int i = 0; i < 10; i++) {
            double sum = 0;
            double sumT = 0;
            for (int q = 0; q < 10; q++) {
                sum += jac[i][q] * v[q];
                sumT += v[q] * jac[q][i];
            }
            assertEquals(sum, jv[i], 1e-13 * Math.max(1, Math.abs(sum)));
            assertEquals(sumT, wj[i], 1e-13 * Math.max(1, Math.abs(sumT)));
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        VectorFunction f = Families.bottleneck(1);
        IllegalArgumentException nullPoint = assertThrows(IllegalArgumentException.class, () -> mixed.jacobian(f, null));
        assertTrue(nullPoint.getMessage().contains("point x"), nullPoint.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mixed.jacobian(f, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> mixed.plan(null, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> mixed.sparseJacobian(f, null));
        VectorFunction nothing = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                return null;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> mixed.jacobian(nothing, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new MixedMode(null));
        assertThrows(IllegalArgumentException.class, () -> new MixedMode(Runnable::run, 0));
        assertThrows(IllegalArgumentException.class,
                () -> mixed.jvp(f, new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void libraryStaysUsableAfterTheFunctionThrows() {
        VectorFunction throwing = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                x[0].sin();
                throw new ArithmeticException("user code failed");
            }
        };
        assertThrows(ArithmeticException.class, () -> mixed.jacobian(throwing, new double[] {1}));
        double[][] j = mixed.jacobian(Families.bottleneck(1), new double[] {0.5, 0.5});
        assertEquals(2, j.length);
    }

    @Test
    void plannedJacobianEqualsReverseModeOnRandomLayeredFunctionsAndIsNeverPredictedWorse() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 25; trial++) {
            int layers = 2 + random.nextInt(5);
            int[] widths = new int[layers + 1];
            for (int l = 0; l <= layers; l++) {
                widths[l] = 1 + random.nextInt(random.nextBoolean() ? 3 : 20);
            }
            VectorFunction f = Families.mlp(widths);
            double[] x = Families.point(widths[0], 0.3 + random.nextDouble());
            MixedMode mode = new MixedMode(Runnable::run, 1 + random.nextInt(40));
            JacobianPlan plan = mode.plan(f, x);
            String what = "trial " + trial + " widths " + java.util.Arrays.toString(widths);
            assertTrue(plan.predictedCost() <= plan.pureForwardCost(), what);
            assertTrue(plan.predictedCost() <= plan.pureReverseCost(), what);
            assertJacobiansAgree(new ReverseMode().jacobian(f, x), plan.jacobian(), 1e-13, what);
        }
    }
}
