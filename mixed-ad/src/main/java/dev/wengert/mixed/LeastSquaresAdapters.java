package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.Pair;

/**
 * Adapters from Wengert functions to the commons-math3 interfaces its solvers take, with exact
 * derivatives from any {@link Differentiator}:
 *
 * <pre>{@code
 * LeastSquaresProblem problem = new LeastSquaresBuilder()
 *         .model(LeastSquaresAdapters.jacobianFunction(model, new MixedMode()))
 *         .target(observed).start(guess).maxEvaluations(1000).maxIterations(1000).build();
 * Optimum fit = new LevenbergMarquardtOptimizer().optimize(problem);
 * }</pre>
 *
 * With {@link MixedMode} (and reverse mode through it) one recording of f gives both the values
 * and the Jacobian, so each model evaluation runs f once; other differentiators evaluate f once
 * in {@code double} (commons-math3 {@link Decimal64}) for the values, then differentiate.
 */
public final class LeastSquaresAdapters {

    private LeastSquaresAdapters() {
    }

    /**
     * @param f the model, R<sup>n</sup> → R<sup>m</sup>
     * @param d how to differentiate it
     * @return point ↦ (f(point), J(point)), for {@code LeastSquaresBuilder.model}
     */
    public static MultivariateJacobianFunction jacobianFunction(VectorFunction f, Differentiator d) {
        Checks.notNull("f", f);
        Checks.notNull("differentiator d", d);
        return point -> {
            double[] x = point.toArray();
            if (d instanceof MixedMode mixed) {
                JacobianPlan plan = mixed.plan(f, x);
                LinearizedGraph g = plan.graph();
                double[] values = new double[g.outputCount()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = g.value(g.output(r));
                }
                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(values, false),
                        new Array2DRowRealMatrix(plan.jacobian(), false));
            }
            double[] values = values(f, x);
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(values, false),
                    new Array2DRowRealMatrix(d.jacobian(f, x), false));
        };
    }

    /**
     * @param f a function
     * @return its values in {@code double}, for {@code LeastSquaresFactory.model}
     */
    public static MultivariateVectorFunction valueFunction(VectorFunction f) {
        Checks.notNull("f", f);
        return x -> values(f, x);
    }

    /**
     * @param f a function
     * @param d how to differentiate it
     * @return its Jacobian, for {@code LeastSquaresFactory.model}
     */
    public static MultivariateMatrixFunction jacobianMatrixFunction(VectorFunction f, Differentiator d) {
        Checks.notNull("f", f);
        Checks.notNull("differentiator d", d);
        return x -> d.jacobian(f, x);
    }

    /**
     * @param f a scalar function
     * @return it as the objective of a commons-math3 optimizer
     */
    public static ObjectiveFunction objective(ScalarFunction f) {
        Checks.notNull("f", f);
        MultivariateFunction value = x -> {
            Decimal64[] args = new Decimal64[x.length];
            for (int j = 0; j < x.length; j++) {
                args[j] = new Decimal64(x[j]);
            }
            return Checks.output(f.value(args)).getReal();
        };
        return new ObjectiveFunction(value);
    }

    /**
     * @param f a scalar function
     * @param d how to differentiate it
     * @return its gradient, for gradient-based commons-math3 optimizers (non-linear conjugate gradient)
     */
    public static ObjectiveFunctionGradient gradient(ScalarFunction f, Differentiator d) {
        Checks.notNull("f", f);
        Checks.notNull("differentiator d", d);
        return new ObjectiveFunctionGradient(x -> d.gradient(f, x));
    }

    private static double[] values(VectorFunction f, double[] x) {
        Decimal64[] args = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            args[j] = new Decimal64(x[j]);
        }
        Decimal64[] y = f.value(args);
        int m = Checks.outputs(y, -1);
        double[] values = new double[m];
        for (int r = 0; r < m; r++) {
            values[r] = y[r].getReal();
        }
        return values;
    }
}
