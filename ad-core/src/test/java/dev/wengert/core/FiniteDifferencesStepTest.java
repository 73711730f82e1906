package dev.wengert.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.MoreGarbowHillstrom;
import java.util.Locale;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * The reference's step is chosen from the function: where f varies on a scale below 1, the fixed
 * step 0.01·max(1, |x|) is too coarse, and the halving of {@link FiniteDifferences} finds a step that
 * keeps first derivatives to 1e-9 relative — on Kowalik–Osborne near its minimum, and on every
 * Moré–Garbow–Hillstrom problem at every listed point.
 */
class FiniteDifferencesStepTest {

    /** Worst relative error of an entry, each entry measured against max(|exact|, 1e-6·its column's largest). */
    static double worst(double[][] exact, double[][] approx) {
        double worst = 0;
        for (int j = 0; j < exact[0].length; j++) {
            double column = 0;
            for (double[] row : exact) {
                column = Math.max(column, Math.abs(row[j]));
            }
            for (int i = 0; i < exact.length; i++) {
                double size = Math.max(Math.abs(exact[i][j]), 1e-6 * column);
                if (exact[i][j] != approx[i][j]) {
                    worst = Math.max(worst, Math.abs(exact[i][j] - approx[i][j]) / size);
                }
            }
        }
        return worst;
    }

    @Test
    void kowalikOsborneNearItsMinimumIsRightTo1e9() {
        double[] x = {0.19, 0.19, 0.12, 0.13};
        double[][] exact = new DerivativeStructureDifferentiator().jacobian(MoreGarbowHillstrom::kowalikOsborne, x);
        double[][] fd = new FiniteDifferences().jacobian(MoreGarbowHillstrom::kowalikOsborne, x);
        double e = worst(exact, fd);
        assertTrue(e <= 1e-9, "Jacobian: worst relative error " + e);
        // the gradient of the sum of squares, whose x4 entry the fixed step got 3e-5 wrong
        ScalarFunction sumOfSquares = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] z) {
                T[] r = MoreGarbowHillstrom.kowalikOsborne(z);
                T s = r[0].multiply(r[0]);
                for (int i = 1; i < r.length; i++) {
                    s = s.add(r[i].multiply(r[i]));
                }
                return s;
            }
        };
        double[] g = new FiniteDifferences().gradient(sumOfSquares, x);
        double[] exactG = new DerivativeStructureDifferentiator().gradient(sumOfSquares, x);
        double eg = worst(new double[][] {exactG}, new double[][] {g});
        assertTrue(eg <= 1e-9, "gradient: worst relative error " + eg);
    }

    /**
     * Helical valley's θ = atan2(x2, x1)/2π jumps by 1 across x2 = 0 where x1 &lt; 0, and its start
     * point (−1, 0, 0) lies on that cut: f1 = 10(x3 − 10θ) jumps by 100 inside every stencil in x2,
     * so no step is right there (docs/singular-points.md). The AD modes give the one-sided derivative.
     */
    private static boolean onBranchCut(MoreGarbowHillstrom.Problem p, double[] x) {
        return p.name().equals("Helical valley") && x[0] < 0 && x[1] == 0;
    }

    @Test
    void finiteDifferencesAcrossAJumpAreWrongWhateverTheStep() {
        double[] x = {-1, 0, 0};
        double[][] exact = MoreGarbowHillstrom.helicalValleyJ(x);
        double[][] fd = new FiniteDifferences().jacobian(MoreGarbowHillstrom::helicalValley, x);
        assertTrue(Math.abs(fd[0][1] - exact[0][1]) > 1, "FD across the cut: " + fd[0][1] + " vs " + exact[0][1]);
    }

    @Test
    void aPointWithInfinityOrNaNIsRefusedSayingWhy() {
        for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FiniteDifferences().jacobian(MoreGarbowHillstrom::rosenbrock, new double[] {1, bad}));
            assertEquals("finite differences need a finite point, but x[1] = " + bad
                    + " (no stencil of samples surrounds it)", e.getMessage());
        }
    }

    @Test
    void everyMoreGarbowHillstromJacobianIsRightTo1e9() {
        StringBuilder report = new StringBuilder();
        double overall = 0;
        for (MoreGarbowHillstrom.Problem p : MoreGarbowHillstrom.PROBLEMS) {
            for (double[] x : p.points()) {
                if (onBranchCut(p, x)) {
                    continue;
                }
                double[][] exact = new DerivativeStructureDifferentiator().jacobian(p.residuals(), x);
                double e = worst(exact, new FiniteDifferences().jacobian(p.residuals(), x));
                overall = Math.max(overall, e);
                report.append(String.format(Locale.ROOT, "%-22s %.1e%n", p.name(), e));
            }
        }
        System.out.print(report);
        assertTrue(overall <= 1e-9, "worst relative error " + overall + "\n" + report);
    }
}
