package dev.wengert.benchmarks;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;

/**
 * Wengert's peers in commons-math3, behind one call each: the gradient or Jacobian of a generic
 * function by {@link DerivativeStructure} (forward mode with all n tangents carried at once:
 * every operation costs O(n)) and by {@link SparseGradient} (forward mode whose tangent is a map
 * from input index to derivative: cost proportional to the non-zeros). Used by the baseline
 * benchmarks and by the tests as exact references.
 */
public final class Peers {

    private Peers() {
    }

    /**
     * @param f a scalar function
     * @param x the point
     * @return ∇f(x) by {@link DerivativeStructure} of order 1 in x.length variables
     */
    public static double[] derivativeStructureGradient(ScalarFunction f, double[] x) {
        DerivativeStructure y = f.value(derivativeStructures(x));
        double[] g = new double[x.length];
        int[] orders = new int[x.length];
        for (int j = 0; j < x.length; j++) {
            orders[j] = 1;
            g[j] = y.getPartialDerivative(orders);
            orders[j] = 0;
        }
        return g;
    }

    /**
     * @param f a vector function
     * @param x the point
     * @return its Jacobian at x (m rows, n columns) by {@link DerivativeStructure} of order 1
     */
    public static double[][] derivativeStructureJacobian(VectorFunction f, double[] x) {
        DerivativeStructure[] y = f.value(derivativeStructures(x));
        double[][] jac = new double[y.length][x.length];
        int[] orders = new int[x.length];
        for (int j = 0; j < x.length; j++) {
            orders[j] = 1;
            for (int i = 0; i < y.length; i++) {
                jac[i][j] = y[i].getPartialDerivative(orders);
            }
            orders[j] = 0;
        }
        return jac;
    }

    /**
     * @param f a scalar function
     * @param x the point
     * @return ∇f(x) by {@link SparseGradient}
     */
    public static double[] sparseGradient(ScalarFunction f, double[] x) {
        SparseGradient[] v = new SparseGradient[x.length];
        for (int j = 0; j < x.length; j++) {
            v[j] = SparseGradient.createVariable(j, x[j]);
        }
        SparseGradient y = f.value(v);
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            g[j] = y.getDerivative(j);
        }
        return g;
    }

    /**
     * @param x the point
     * @return x.length independent variables of order 1, variable j with value x[j]
     */
    public static DerivativeStructure[] derivativeStructures(double[] x) {
        DerivativeStructure[] v = new DerivativeStructure[x.length];
        for (int j = 0; j < x.length; j++) {
            v[j] = new DerivativeStructure(x.length, 1, j, x[j]);
        }
        return v;
    }
}
