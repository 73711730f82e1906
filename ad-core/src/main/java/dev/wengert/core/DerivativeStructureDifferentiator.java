package dev.wengert.core;

import dev.wengert.core.internal.Checks;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * commons-math3's own automatic differentiation, {@link DerivativeStructure}, behind the
 * {@link Differentiator} interface: the peer every Wengert mode is compared with, for accuracy
 * (tests) and for speed (benchmarks). It is not a Wengert mode and is not registered for
 * {@link java.util.ServiceLoader}.
 *
 * <p>Each call evaluates f once on n-parameter {@code DerivativeStructure}s of order 1 (gradient,
 * Jacobian, jvp, vjp) or order 2 (Hessian). Its cost grows with the number of partial
 * derivatives carried: C(n + order, order) doubles per intermediate value.
 */
public final class DerivativeStructureDifferentiator implements Differentiator {

    @Override
    public String name() {
        return "derivative-structure";
    }

    @Override
    public double[] gradient(ScalarFunction f, double[] x) {
        Checks.notNull("function f", f);
        int n = Checks.point(x);
        DerivativeStructure y = Checks.output(f.value(variables(x, 1)));
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            g[j] = y.getPartialDerivative(orders(n, j, -1));
        }
        return g;
    }

    @Override
    public double[][] jacobian(VectorFunction f, double[] x) {
        Checks.notNull("function f", f);
        int n = Checks.point(x);
        DerivativeStructure[] y = f.value(variables(x, 1));
        int m = Checks.outputs(y, -1);
        double[][] jac = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                jac[i][j] = y[i].getPartialDerivative(orders(n, j, -1));
            }
        }
        return jac;
    }

    @Override
    public double[][] hessian(ScalarFunction f, double[] x) {
        Checks.notNull("function f", f);
        int n = Checks.point(x);
        DerivativeStructure y = Checks.output(f.value(variables(x, 2)));
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int k = j; k < n; k++) {
                h[j][k] = h[k][j] = y.getPartialDerivative(orders(n, j, k));
            }
        }
        return h;
    }

    @Override
    public double[] jvp(VectorFunction f, double[] x, double[] v) {
        Checks.length("direction v (one entry per input)", v, Checks.point(x));
        double[][] jac = jacobian(f, x);
        double[] r = new double[jac.length];
        for (int i = 0; i < jac.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += jac[i][j] * v[j];
            }
        }
        return r;
    }

    @Override
    public double[] vjp(VectorFunction f, double[] x, double[] w) {
        double[][] jac = jacobian(f, x);
        Checks.length("weights w (one entry per output)", w, jac.length);
        double[] r = new double[x.length];
        for (int i = 0; i < jac.length; i++) {
            for (int j = 0; j < r.length; j++) {
                r[j] += w[i] * jac[i][j];
            }
        }
        return r;
    }

    /**
     * @param x the point
     * @param order the derivation order
     * @return one free parameter per input, each seeded with its unit derivative
     */
    public static DerivativeStructure[] variables(double[] x, int order) {
        DerivativeStructure[] v = new DerivativeStructure[x.length];
        for (int j = 0; j < x.length; j++) {
            v[j] = new DerivativeStructure(x.length, order, j, x[j]);
        }
        return v;
    }

    private static int[] orders(int n, int j, int k) {
        int[] o = new int[n];
        o[j]++;
        if (k >= 0) {
            o[k]++;
        }
        return o;
    }

    /** @return {@code "DerivativeStructureDifferentiator"} (it has no settings) */
    @Override
    public String toString() {
        return "DerivativeStructureDifferentiator";
    }
}
