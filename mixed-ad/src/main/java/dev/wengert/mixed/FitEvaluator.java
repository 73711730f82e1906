package dev.wengert.mixed;

import dev.wengert.core.Differentiator;
import dev.wengert.core.VectorFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.util.Decimal64;

/**
 * Where a fit gets r(b) and its Jacobian at each iterate. With {@link MixedMode} the function is
 * recorded and planned once ({@link MixedMode#prepare}) and the plan replayed at every new b; with
 * {@link ReverseMode} the {@link Recording} is replayed and swept; any other differentiator is
 * called afresh. The replay is compiled ({@link Recording#compileReplay()}, bit-identical results)
 * when the fit asks for it. A recording that cannot be replayed (a value escaped into control flow) is made
 * again at each point. Forward differences, h<sub>j</sub> = √ε·|b<sub>j</sub>| (√ε where
 * b<sub>j</sub> = 0), are the baseline a user without AD would write.
 */
abstract class FitEvaluator {

    /** the square root of the double-precision machine epsilon, 2<sup>−26</sup> */
    static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    final VectorFunction f;
    double[] values;
    double[][] jacobian;

    FitEvaluator(VectorFunction f) {
        this.f = f;
    }

    /** Evaluates at b into {@link #values} and {@link #jacobian}. */
    abstract void evaluate(double[] b);

    /** @return how the Jacobian is obtained, for the result */
    abstract String method();

    /**
     * @param compile whether to compile the replay (mixed and reverse mode)
     */
    static FitEvaluator of(VectorFunction f, Differentiator d, boolean forwardDifferences, double[] start,
            boolean compile) {
        if (forwardDifferences) {
            return new ForwardDifferences(f);
        }
        if (d instanceof MixedMode mixed) {
            return new Prepared(f, mixed, start, compile);
        }
        if (d instanceof ReverseMode reverse) {
            return new Replayed(f, reverse, start, compile);
        }
        return new Direct(f, d);
    }

    static double[] plainValues(VectorFunction f, double[] b) {
        Decimal64[] args = new Decimal64[b.length];
        for (int j = 0; j < b.length; j++) {
            args[j] = new Decimal64(b[j]);
        }
        Decimal64[] y = f.value(args);
        double[] v = new double[y.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = y[i].getReal();
        }
        return v;
    }

    /** Mixed mode: one recording and plan, replayed at each iterate. */
    private static final class Prepared extends FitEvaluator {
        private final MixedMode mode;
        private PreparedJacobian prepared;

        Prepared(VectorFunction f, MixedMode mode, double[] start, boolean compile) {
            super(f);
            this.mode = mode;
            this.prepared = mode.prepare(f, start);
            if (compile && prepared.isReplayable()) {
                prepared.compile();
            }
        }

        @Override
        void evaluate(double[] b) {
            if (prepared.isReplayable()) {
                jacobian = prepared.jacobian(b);
                values = prepared.values();
                return;
            }
            JacobianPlan plan = mode.plan(f, b.clone());
            LinearizedGraph g = plan.graph();
            jacobian = plan.jacobian();
            values = new double[g.outputCount()];
            for (int r = 0; r < values.length; r++) {
                values[r] = g.value(g.output(r));
            }
        }

        @Override
        String method() {
            return !prepared.isReplayable() ? "mixed (re-recorded at each point)"
                    : prepared.isCompiled() ? "mixed (prepared plan, compiled replay)" : "mixed (prepared plan, replayed)";
        }
    }

    /** Reverse mode: one recording, replayed and swept m times at each iterate. */
    private static final class Replayed extends FitEvaluator {
        private final ReverseMode mode;
        private Recording recording;

        Replayed(VectorFunction f, ReverseMode mode, double[] start, boolean compile) {
            super(f);
            this.mode = mode;
            this.recording = mode.record(f, start.clone());
            if (compile && recording.isReplayable()) {
                recording.compileReplay();
            }
        }

        @Override
        void evaluate(double[] b) {
            if (recording.isReplayable()) {
                recording.replay(b.clone());
            } else {
                recording = mode.record(f, b.clone());
            }
            values = recording.values();
            jacobian = recording.jacobian();
        }

        @Override
        String method() {
            return !recording.isReplayable() ? "reverse (re-recorded at each point)"
                    : recording.isReplayCompiled() ? "reverse (recording replayed, compiled)" : "reverse (recording replayed)";
        }
    }

    /** Any differentiator, called at each iterate; the values in double. */
    private static final class Direct extends FitEvaluator {
        private final Differentiator d;

        Direct(VectorFunction f, Differentiator d) {
            super(f);
            this.d = d;
        }

        @Override
        void evaluate(double[] b) {
            values = plainValues(f, b);
            jacobian = d.jacobian(f, b.clone());
        }

        @Override
        String method() {
            return d.name();
        }
    }

    /** One-sided differences with h = √ε·|b_j|: n + 1 evaluations of f per Jacobian. */
    private static final class ForwardDifferences extends FitEvaluator {

        ForwardDifferences(VectorFunction f) {
            super(f);
        }

        @Override
        void evaluate(double[] b) {
            values = plainValues(f, b);
            int m = values.length;
            int n = b.length;
            jacobian = new double[m][n];
            double[] p = b.clone();
            for (int j = 0; j < n; j++) {
                double h = b[j] == 0 ? SQRT_EPS : SQRT_EPS * Math.abs(b[j]);
                p[j] = b[j] + h;
                double step = p[j] - b[j];
                double[] shifted = plainValues(f, p);
                for (int i = 0; i < m; i++) {
                    jacobian[i][j] = (shifted[i] - values[i]) / step;
                }
                p[j] = b[j];
            }
        }

        @Override
        String method() {
            return "forward differences, h = sqrt(eps)*|b_j|";
        }
    }
}
