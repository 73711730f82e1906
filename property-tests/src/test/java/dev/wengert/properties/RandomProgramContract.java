package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.Differentiators;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * The contract's laws on random programs ({@link ProgramGenerator#safe()}, {@code wengert.tries}
 * of them): chain rule after a smooth map, linearity and a reused result, the dot-product test,
 * symmetric Hessians, agreement with finite differences. The Wengert modes' test classes
 * implement it; the two references do not (finite differences obey these laws only to their
 * noise, which expectAd's filter handles; {@code DerivativeStructure} is compared with every mode
 * in expectAd already, and order-2 structures over 8 inputs would take a minute here).
 */
public interface RandomProgramContract extends DifferentiatorContract {

    /** @return the absolute floor for a comparison whose terms are about {@code scale} in size */
    private double floor(double scale) {
        return tolerance() * Math.max(1, scale);
    }

    private void assertAgree(String what, double[][] expected, double[][] actual, double scale) {
        ExpectAd.agree("expected " + what, expected, differentiator().name(), actual, tolerance(), floor(scale));
    }

    @Test
    default void chainRuleHoldsForRandomProgramsAfterASmoothMap() {
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            int n = p.point.length;
            double[] x = p.point();
            VectorFunction h = new VectorFunction() {
                @Override
                public <T extends RealFieldElement<T>> T[] value(T[] z) {
                    return p.expression.value(smoothMap(z));
                }
            };
            double[][] jf = d.jacobian(p.expression, smoothMap(x));
            double[][] expected = new double[jf.length][n];
            for (int i = 0; i < jf.length; i++) {
                for (int j = 0; j < n; j++) {
                    int next = (j + 1) % n;
                    expected[i][j] += jf[i][j];
                    expected[i][next] += jf[i][j] * 1e-3 * Math.cos(x[next]);
                }
            }
            assertAgree("J_f(g(x))·J_g(x)", expected, d.jacobian(h, x), Close.maxAbs(jf) + p.sensitivity);
        });
    }

    /** g(x)_j = x_j + 10⁻³·sin(x_(j+1 mod n)): smooth, close to the identity, known Jacobian. */
    private static double[] smoothMap(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + 1e-3 * Math.sin(x[(j + 1) % x.length]);
        }
        return y;
    }

    private static <T extends RealFieldElement<T>> T[] smoothMap(T[] x) {
        T[] y = MathArrays.buildArray(x[0].getField(), x.length);
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j].add(x[(j + 1) % x.length].sin().multiply(1e-3));
        }
        return y;
    }

    @Test
    default void jacobianIsLinearAndAReusedResultDoublesIt() {
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            VectorFunction combination = new VectorFunction() {
                @Override
                public <T extends RealFieldElement<T>> T[] value(T[] x) {
                    T[] y = p.expression.value(x);
                    T[] r = MathArrays.buildArray(x[0].getField(), 2 * y.length);
                    for (int i = 0; i < y.length; i++) {
                        r[i] = y[i].multiply(2.5).subtract(y[y.length - 1 - i].multiply(0.75));
                        r[y.length + i] = y[i].add(y[i]);
                    }
                    return r;
                }
            };
            double[][] jf = d.jacobian(p.expression, p.point());
            int m = jf.length;
            double[][] expected = new double[2 * m][];
            for (int i = 0; i < m; i++) {
                expected[i] = new double[jf[i].length];
                expected[m + i] = new double[jf[i].length];
                for (int j = 0; j < jf[i].length; j++) {
                    expected[i][j] = 2.5 * jf[i][j] - 0.75 * jf[m - 1 - i][j];
                    expected[m + i][j] = 2 * jf[i][j];
                }
            }
            assertAgree("2.5·J_f − 0.75·P·J_f and 2·J_f", expected, d.jacobian(combination, p.point()),
                    3.25 * (Close.maxAbs(jf) + p.sensitivity));
        });
    }

    @Test
    default void dotProductTestHoldsOnRandomPrograms() {
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            Random random = new Random(p.expression.hashCode());
            int n = p.point.length;
            int m = p.expression.outputs();
            double[] v = new double[n];
            double[] w = new double[m];
            for (int j = 0; j < n; j++) {
                v[j] = random.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                w[i] = random.nextGaussian();
            }
            double[] jv = d.jvp(p.expression, p.point(), v);
            double[] wj = d.vjp(p.expression, p.point(), w);
            double lhs = 0;
            double rhs = 0;
            double size = 0;
            for (int i = 0; i < m; i++) {
                lhs += jv[i] * w[i];
                size += Math.abs(jv[i] * w[i]);
            }
            for (int j = 0; j < n; j++) {
                rhs += v[j] * wj[j];
                size += Math.abs(v[j] * wj[j]);
            }
            double scale = size + p.sensitivity * n * m * 10;
            if (!Close.close(lhs, rhs, tolerance(), floor(scale))) {
                throw new AssertionError(d.name() + ": <Jv, w> = " + lhs + " but <v, J^T w> = " + rhs);
            }
        });
    }

    @Test
    default void hessianOfARandomProgramIsSymmetric() {
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            double[][] h = d.hessian(ExpectAd.scalarization(p.expression), p.point());
            double[][] transposed = new double[h.length][h.length];
            for (int j = 0; j < h.length; j++) {
                for (int k = 0; k < h.length; k++) {
                    transposed[k][j] = h[j][k];
                }
            }
            double scale = Close.maxAbs(h) + p.sensitivity * p.sensitivity;
            ExpectAd.agree("H", h, "H^T (" + d.name() + ")", transposed, hessianTolerance(),
                    hessianTolerance() * Math.max(1, scale));
        });
    }

    @Test
    default void agreesWithFiniteDifferencesOnRandomPrograms() {
        Differentiator d = differentiator();
        ExpectAd.Tally tally = new ExpectAd.Tally();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p ->
                ExpectAd.againstFiniteDifferences("J", d.jacobian(p.expression, p.point()), p.expression,
                        p.point(), tally));
        tally.assertFewSkipped();
    }

    @Test
    default void valueAndJacobianOfARandomProgramIsItsDoubleValueAndItsJacobian() {
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            ValueAndJacobian vj = d.valueAndJacobian(p.expression, p.point());
            ExpectAd.identicalValues(d.name() + " valueAndJacobian", Modes.values(p.expression, p.point()),
                    vj.values());
            double[][] jacobian = d.jacobian(p.expression, p.point());
            for (int i = 0; i < jacobian.length; i++) {
                for (int j = 0; j < jacobian[i].length; j++) {
                    if (!Close.identical(jacobian[i][j], vj.jacobian(i, j))) {
                        throw new AssertionError(d.name() + ": valueAndJacobian's J[" + i + "][" + j + "] is "
                                + vj.jacobian(i, j) + " but jacobian() gives " + jacobian[i][j]);
                    }
                }
            }
        });
    }

    @Test
    default void hessianVectorProductOfARandomProgramIsTheHessianTimesTheDirection() {
        Differentiator d = differentiator();
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            ScalarFunction s = ExpectAd.scalarization(p.expression);
            int n = p.point.length;
            Random random = new Random(p.expression.hashCode());
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = random.nextGaussian();
            }
            double[][] h = d.hessian(s, p.point());
            double[] hv = d.hvp(s, p.point(), v);
            double[][] expected = new double[1][n];
            double size = 0;
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    expected[0][j] += h[j][k] * v[k];
                    size = Math.max(size, Math.abs(h[j][k] * v[k]));
                }
            }
            double scale = n * size + p.sensitivity * p.sensitivity;
            ExpectAd.agree("H·v from hessian", expected, d.name() + " hvp", new double[][] {hv}, hessianTolerance(),
                    hessianTolerance() * Math.max(1, scale));
        });
    }
}
