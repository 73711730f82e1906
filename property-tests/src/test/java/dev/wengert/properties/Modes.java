package dev.wengert.properties;

import dev.wengert.core.Differentiator;
import dev.wengert.core.VectorFunction;
import dev.wengert.forward.Dual;
import dev.wengert.forward.DualVector;
import dev.wengert.forward.ForwardMode;
import dev.wengert.forward.HyperDual;
import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.LinearizedGraph;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.util.Decimal64;

/**
 * Every way Wengert evaluates and differentiates a function, each returning the Jacobian and
 * checking on the way that its values are bit-identical to {@code double} evaluation.
 */
final class Modes {

    private Modes() {
    }

    /** A differentiator and the name it is reported under. */
    static final class Named {
        final String name;
        final Differentiator differentiator;

        Named(String name, Differentiator differentiator) {
            this.name = name;
            this.differentiator = differentiator;
        }
    }

    /**
     * @return the Wengert {@link Differentiator}s with exact derivatives: forward mode with a
     *         chunk size smaller than most programs' n (so several chunks), reverse mode and
     *         mixed mode
     */
    static List<Named> exact() {
        List<Named> modes = new ArrayList<>();
        modes.add(new Named("forward (chunk 3)", new ForwardMode(3)));
        modes.add(new Named("reverse", new ReverseMode()));
        modes.add(new Named("mixed", new MixedMode()));
        return modes;
    }

    /** @return f(x) on Decimal64, i.e. in plain double arithmetic */
    static double[] values(VectorFunction f, double[] x) {
        Decimal64[] in = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            in[j] = new Decimal64(x[j]);
        }
        Decimal64[] y = f.value(in);
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i].getReal();
        }
        return r;
    }

    /** n passes of {@link Dual}, one per input; column j from the pass seeded with e<sub>j</sub>. */
    static double[][] dualJacobian(VectorFunction f, double[] x, Outcome<double[]> plain) {
        int n = x.length;
        double[][] jac = null;
        for (int j = 0; j < n; j++) {
            Dual[] in = new Dual[n];
            for (int l = 0; l < n; l++) {
                in[l] = Dual.of(x[l], l == j ? 1 : 0);
            }
            Dual[] y = f.value(in);
            double[] v = new double[y.length];
            if (jac == null) {
                jac = new double[y.length][n];
            }
            for (int i = 0; i < y.length; i++) {
                v[i] = y[i].getValue();
                jac[i][j] = y[i].getTangent();
            }
            check("Dual", plain, v);
        }
        return jac;
    }

    /** One pass of {@link DualVector} with n tangents. */
    static double[][] dualVectorJacobian(VectorFunction f, double[] x, Outcome<double[]> plain) {
        int n = x.length;
        DualVector[] in = new DualVector[n];
        for (int j = 0; j < n; j++) {
            in[j] = DualVector.variable(x[j], j, n);
        }
        DualVector[] y = f.value(in);
        double[] v = new double[y.length];
        double[][] jac = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            v[i] = y[i].getValue();
            jac[i] = y[i].getTangents();
        }
        check("DualVector", plain, v);
        return jac;
    }

    /**
     * n passes of {@link HyperDual}, pass j seeding ε1 with e<sub>j</sub> and ε2 with
     * e<sub>(j+1) mod n</sub>: column j from ε1; the ε2 parts must equal the columns they seed.
     */
    static double[][] hyperDualJacobian(VectorFunction f, double[] x, Outcome<double[]> plain) {
        int n = x.length;
        double[][] jac = null;
        double[][] second = null;
        for (int j = 0; j < n; j++) {
            int k = (j + 1) % n;
            HyperDual[] in = new HyperDual[n];
            for (int l = 0; l < n; l++) {
                in[l] = HyperDual.of(x[l], l == j ? 1 : 0, l == k ? 1 : 0, 0);
            }
            HyperDual[] y = f.value(in);
            double[] v = new double[y.length];
            if (jac == null) {
                jac = new double[y.length][n];
                second = new double[y.length][n];
            }
            for (int i = 0; i < y.length; i++) {
                v[i] = y[i].getValue();
                jac[i][j] = y[i].getEps1();
                second[i][k] = y[i].getEps2();
            }
            check("HyperDual", plain, v);
        }
        for (int i = 0; i < jac.length; i++) {
            for (int j = 0; j < n; j++) {
                if (!Close.identical(jac[i][j], second[i][j])) {
                    throw new AssertionError("HyperDual [" + i + "][" + j + "]: the ε1 part gives " + jac[i][j]
                            + ", the ε2 part " + second[i][j]);
                }
            }
        }
        return jac;
    }

    /** A reverse-mode recording: m adjoint sweeps, values from the tape. */
    static double[][] varJacobian(VectorFunction f, double[] x, Outcome<double[]> plain) {
        Recording r = new ReverseMode().record(f, x);
        check("Var", plain, r.values());
        return r.jacobian();
    }

    /** Mixed mode: one recording, its plan executed; values from the linearized graph. */
    static double[][] mixedJacobian(VectorFunction f, double[] x, Outcome<double[]> plain) {
        JacobianPlan plan = new MixedMode().plan(f, x);
        LinearizedGraph g = plan.graph();
        double[] v = new double[g.outputCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = g.value(g.output(i));
        }
        check("MixedMode", plain, v);
        return plan.jacobian();
    }

    /** Mixed mode's sparse Jacobian (colouring, compressed sweeps, decompression), made dense. */
    static double[][] sparseJacobian(VectorFunction f, double[] x) {
        return new MixedMode().sparseJacobian(f, x).toDense();
    }

    private static void check(String name, Outcome<double[]> plain, double[] values) {
        if (plain.result != null) {
            ExpectAd.identicalValues(name, plain.result, values);
        }
    }
}
