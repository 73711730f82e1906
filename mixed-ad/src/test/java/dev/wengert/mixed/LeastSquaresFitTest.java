package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

class LeastSquaresFitTest {

    static <T extends RealFieldElement<T>> T line(T[] b, double[] x) {
        return b[0].add(b[1].multiply(x[0]));
    }

    static <T extends RealFieldElement<T>> T misra(T[] b, double[] x) {
        return b[0].multiply(b[1].multiply(-x[0]).exp().negate().add(1));
    }

    /** Branches on a parameter's value: its recording cannot be replayed. */
    static <T extends RealFieldElement<T>> T branchy(T[] b, double[] x) {
        T e = b[1].multiply(-x[0]).exp().negate().add(1);
        return e.getReal() > -1e300 ? b[0].multiply(e) : b[0].multiply(e).negate();
    }

    /** b1 and b2 enter only as their product: J has rank 1. */
    static <T extends RealFieldElement<T>> T product(T[] b, double[] x) {
        return b[0].multiply(b[1]).multiply(x[0]);
    }

    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final double[] Y = {2.9, 5.2, 6.8, 9.1, 11.2, 12.8, 15.1, 17.0};

    @Test
    void aStraightLineGivesTheClosedFormEstimatesAndStandardErrors() {
        FitResult r = LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).start(0, 0).fit();
        int m = X.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += X[i] / m;
            my += Y[i] / m;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (X[i] - mx) * (X[i] - mx);
            sxy += (X[i] - mx) * (Y[i] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < m; i++) {
            double e = Y[i] - intercept - slope * X[i];
            rss += e * e;
        }
        double s2 = rss / (m - 2);
        double seSlope = Math.sqrt(s2 / sxx);
        double seIntercept = Math.sqrt(s2 * (1.0 / m + mx * mx / sxx));
        double cov = -mx * s2 / sxx;
        assertRel(intercept, r.estimates()[0], 1e-12);
        assertRel(slope, r.estimates()[1], 1e-12);
        assertRel(rss, r.residualSumOfSquares(), 1e-12);
        assertRel(seIntercept, r.standardErrors()[0], 1e-10);
        assertRel(seSlope, r.standardErrors()[1], 1e-10);
        assertRel(cov / (seIntercept * seSlope), r.correlation()[0][1], 1e-10);
        assertEquals(m - 2, r.degreesOfFreedom());
        assertRel(Math.sqrt(s2), r.residualStandardDeviation(), 1e-12);
        assertTrue(r.converged());
        assertEquals(List.of("b1", "b2"), r.parameters());
    }

    @Test
    void everyExactJacobianGivesTheSameFitAndTheMixedPlanIsReplayed() {
        double[] x = new double[14];
        double[] y = new double[14];
        for (int i = 0; i < x.length; i++) {
            x[i] = 75 + 50 * i;
            y[i] = 240 * (1 - Math.exp(-5.5e-4 * x[i])) + 0.1 * Math.sin(7 * i);
        }
        FitResult mixed = LeastSquaresFit.of(LeastSquaresFitTest::misra, x, y).start(500, 1e-4).fit();
        assertEquals("mixed (prepared plan, replayed)", mixed.jacobianMethod());
        assertRel(240, mixed.estimates()[0], 1e-2);
        assertRel(5.5e-4, mixed.estimates()[1], 1e-2);
        for (Differentiator d : List.of(new ReverseMode(), new ForwardMode())) {
            FitResult r = LeastSquaresFit.of(LeastSquaresFitTest::misra, x, y).start(500, 1e-4).differentiator(d).fit();
            assertEquals(d.name(), r.jacobianMethod().split(" ")[0]);
            assertRel(mixed.estimates()[0], r.estimates()[0], 1e-8);
            assertRel(mixed.estimates()[1], r.estimates()[1], 1e-8);
            assertRel(mixed.standardErrors()[1], r.standardErrors()[1], 1e-6);
        }
        assertEquals("reverse (recording replayed)", LeastSquaresFit.of(LeastSquaresFitTest::misra, x, y)
                .start(500, 1e-4).differentiator(new ReverseMode()).fit().jacobianMethod());
    }

    @Test
    void aModelThatBranchesOnAParameterIsRecordedAfreshAtEachPoint() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 3 * (1 - Math.exp(-0.5 * x[i])) + (i % 2 == 0 ? 1e-3 : -1e-3);
        }
        for (Differentiator d : List.of(new MixedMode(), new ReverseMode())) {
            FitResult r = LeastSquaresFit.of(LeastSquaresFitTest::branchy, x, y).start(1, 1).differentiator(d).fit();
            assertTrue(r.jacobianMethod().contains("re-recorded"), r.jacobianMethod());
            FitResult smooth = LeastSquaresFit.of(LeastSquaresFitTest::misra, x, y).start(1, 1).differentiator(d).fit();
            assertRel(smooth.estimates()[0], r.estimates()[0], 1e-10);
            assertRel(smooth.estimates()[1], r.estimates()[1], 1e-10);
        }
    }

    @Test
    void anExpressionModelNamesItsParametersAndColumns() {
        Expression e = Expression.parse("b1*(1 - exp(-b2*t))");
        FitResult byExpression = LeastSquaresFit.of(e, Map.of("t", X), Y).start(20, 0.1).fit();
        FitResult generic = LeastSquaresFit.of(LeastSquaresFitTest::misra, X, Y).start(20, 0.1).fit();
        assertEquals(List.of("b1", "b2"), byExpression.parameters());
        assertArrayEquals(generic.estimates(), byExpression.estimates(), 1e-9 * Math.abs(generic.estimates()[0]));
        FitResult reordered = LeastSquaresFit.of(e, List.of("b2", "b1"), Map.of("t", X), Y).start(0.1, 20).fit();
        assertRel(generic.estimates()[0], reordered.estimates()[1], 1e-9);
    }

    @Test
    void weightsScaleTheResidualsAndAZeroWeightDropsAnObservation() {
        double[] y = Y.clone();
        y[3] = 1000;
        double[] w = {1, 1, 1, 0, 1, 1, 1, 1};
        FitResult weighted = LeastSquaresFit.of(LeastSquaresFitTest::line, X, y).start(0, 0).weights(w).fit();
        double[] x7 = {1, 2, 3, 5, 6, 7, 8};
        double[] y7 = {2.9, 5.2, 6.8, 11.2, 12.8, 15.1, 17.0};
        FitResult dropped = LeastSquaresFit.of(LeastSquaresFitTest::line, x7, y7).start(0, 0).fit();
        assertRel(dropped.estimates()[1], weighted.estimates()[1], 1e-12);
        assertRel(dropped.residualSumOfSquares(), weighted.residualSumOfSquares(), 1e-10);
        FitResult doubled = LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).start(0, 0)
                .weights(2, 2, 2, 2, 2, 2, 2, 2).fit();
        FitResult plain = LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).start(0, 0).fit();
        assertRel(2 * plain.residualSumOfSquares(), doubled.residualSumOfSquares(), 1e-12);
    }

    @Test
    void aSingularJacobianIsFlaggedAndItsStatisticsRefused() {
        FitResult r = LeastSquaresFit.of(LeastSquaresFitTest::product, X, Y).start(1, 1).fit();
        assertTrue(r.isSingular());
        assertEquals(1, r.rank());
        IllegalStateException e = assertThrows(IllegalStateException.class, r::standardErrors);
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("rank 1 of 2"), e.getMessage());
        assertThrows(IllegalStateException.class, r::covariance);
        assertThrows(IllegalStateException.class, r::correlation);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < X.length; i++) {
            sxy += X[i] * Y[i];
            sxx += X[i] * X[i];
        }
        assertRel(sxy / sxx, r.estimates()[0] * r.estimates()[1], 1e-9);
    }

    @Test
    void badInputIsRefusedWithWhatWasExpectedAndWhatCame() {
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, new double[3], new double[4]), "3 rows, y has 4");
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, new double[] {1, Double.NaN}, new double[2]),
                "x[1] must be finite");
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, new double[2], new double[] {0, Double.POSITIVE_INFINITY}),
                "y[1] = Infinity");
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, new double[] {1}, new double[] {1}).start(0, 0).fit(),
                "needs at least 2 observations, but has 1");
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).weights(1, 2),
                "weights (one per observation)");
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).weights(1, 1, 1, -1, 1, 1, 1, 1),
                "weight 3 must be finite and >= 0");
        assertMessage(() -> LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).start(0, Double.NaN), "start[1] = NaN");
        assertMessage(() -> LeastSquaresFit.of(Expression.parse("log(b1*x)"), Map.of("x", X), Y).start(-1).fit(),
                "the model must be finite at the start");
        assertMessage(() -> LeastSquaresFit.of(Expression.parse("b1*x"), Map.of("x", X), Y).start(1, 2),
                "one value per parameter [b1] (1), but gives 2");
        assertMessage(() -> LeastSquaresFit.of(Expression.parse("x*2"), Map.of("x", X), Y), "has no parameter");
        assertMessage(() -> LeastSquaresFit.of(Expression.parse("b1*x + c"), List.of("b1"), Map.of("x", X), Y),
                "the model's name c is neither a parameter");
        assertMessage(() -> LeastSquaresFit.of(Expression.parse("b1*x"), Map.of("x", new double[3]), Y),
                "column x must have one value per observation (8), but has 3");
        assertThrows(IllegalStateException.class, () -> LeastSquaresFit.of(LeastSquaresFitTest::line, X, Y).fit());
    }

    @Test
    void asManyObservationsAsParametersInterpolatesButHasNoStandardErrors() {
        FitResult r = LeastSquaresFit.of(LeastSquaresFitTest::line, new double[] {1, 2}, new double[] {3, 5}).start(0, 0).fit();
        assertRel(2, r.estimates()[1], 1e-12);
        assertEquals(0, r.degreesOfFreedom());
        assertMessage(r::standardErrors, "0 degrees of freedom");
        assertMessage(r::residualStandardDeviation, "0 degrees of freedom");
    }

    @Test
    void theEvaluationCapIsReportedAsNotConverged() {
        FitResult r = LeastSquaresFit.of(LeastSquaresFitTest::misra, X, Y).start(1, 1).stopping(1e-15, 3, 0).fit();
        assertFalse(r.converged());
        assertEquals(FitResult.Stop.EVALUATION_LIMIT, r.stop());
        assertTrue(r.stop().text().startsWith("NOT converged"));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }

    private static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.abs(expected), () -> "relative tolerance " + rel);
    }
}
