package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.DerivativeStructureDifferentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.MoreGarbowHillstrom.Problem;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Forward mode on the Moré–Garbow–Hillstrom problems, against Jacobians derived by hand and
 * against commons-math3's {@link DerivativeStructure}.
 *
 * <p>Tolerance rule: |a − b| ≤ tol·max(|a|, |b|, 1e-3·s) where s is the largest magnitude in the
 * expected row (of the Jacobian or Hessian): relative to each entry, but an entry that is tiny beside the
 * rest of its row (where the rounding of the larger terms it was summed from dominates) is held
 * to the row's scale. tol = 1e-13 for Jacobians, 1e-12 for Hessians.
 */
class MoreGarbowHillstromTest {

    private static final DerivativeStructureDifferentiator DS = new DerivativeStructureDifferentiator();

    @Test
    void atLeastTenProblemsAreChecked() {
        assertTrue(MoreGarbowHillstrom.PROBLEMS.size() >= 10);
    }

    @Test
    void jacobiansMatchTheHandDerivedOnesForEveryChunkSize() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            for (double[] x : p.points()) {
                double[][] expected = p.jacobian().apply(x);
                for (int k : new int[] {1, 3, ForwardMode.DEFAULT_CHUNK_SIZE, x.length}) {
                    assertMatrixClose(expected, new ForwardMode(k).jacobian(p.residuals(), x), 1e-13,
                            p.name() + " Jacobian, chunk " + k);
                }
            }
        }
    }

    @Test
    void jacobiansMatchDerivativeStructureOrderOne() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            for (double[] x : p.points()) {
                assertMatrixClose(DS.jacobian(p.residuals(), x), new ForwardMode().jacobian(p.residuals(), x), 1e-13,
                        p.name() + " Jacobian vs DerivativeStructure");
            }
        }
    }

    @Test
    void jvpAndVjpAgreeWithTheHandDerivedJacobian() {
        ForwardMode forward = new ForwardMode();
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            for (double[] x : p.points()) {
                double[][] j = p.jacobian().apply(x);
                int m = j.length;
                int n = x.length;
                double[] v = new double[n];
                double[] w = new double[m];
                for (int i = 0; i < n; i++) {
                    v[i] = 0.5 + 0.25 * i;
                }
                for (int i = 0; i < m; i++) {
                    w[i] = 1.0 - 0.125 * i;
                }
                double[][] jv = new double[m][1];
                double[][] wj = new double[1][n];
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < n; c++) {
                        jv[i][0] += j[i][c] * v[c];
                        wj[0][c] += w[i] * j[i][c];
                    }
                }
                double[] fjv = forward.jvp(p.residuals(), x, v);
                double[][] fjvColumn = new double[m][1];
                for (int i = 0; i < m; i++) {
                    fjvColumn[i][0] = fjv[i];
                }
                assertMatrixClose(jv, fjvColumn, 1e-12, p.name() + " jvp");
                assertMatrixClose(wj, new double[][] {forward.vjp(p.residuals(), x, w)}, 1e-12, p.name() + " vjp");
            }
        }
    }

    @Test
    void hessiansOfTheLeastSquaresObjectiveMatchDerivativeStructureOrderTwo() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            ScalarFunction objective = new ScalarFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] x) {
                    T[] f = p.residuals().value(x);
                    T sum = f[0].multiply(f[0]);
                    for (int i = 1; i < f.length; i++) {
                        sum = sum.add(f[i].multiply(f[i]));
                    }
                    return sum.multiply(0.5);
                }
            };
            for (double[] x : p.points()) {
                double[][] h = new ForwardMode().hessian(objective, x);
                for (int i = 0; i < x.length; i++) {
                    for (int c = 0; c < x.length; c++) {
                        assertEquals(h[i][c], h[c][i], 0.0, "symmetric");
                    }
                }
                assertMatrixClose(DS.hessian(objective, x), h, 1e-12, p.name() + " Hessian vs DerivativeStructure");
            }
        }
    }

    static void assertMatrixClose(double[][] expected, double[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            double scale = 0;
            for (int j = 0; j < expected[i].length; j++) {
                scale = Math.max(scale, Math.abs(expected[i][j]));
            }
            assertEquals(expected[i].length, actual[i].length, what + ": columns");
            for (int j = 0; j < expected[i].length; j++) {
                double a = expected[i][j];
                double b = actual[i][j];
                double bound = tol * Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-3 * scale);
                assertTrue(Math.abs(a - b) <= bound || a == b,
                        what + " [" + i + "][" + j + "]: expected " + a + ", got " + b + " (|diff| " + Math.abs(a - b)
                                + " > " + bound + ")");
            }
        }
    }
}
