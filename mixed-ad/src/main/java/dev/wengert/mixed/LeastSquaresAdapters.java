package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateMatrixFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.util.Decimal64;

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
 * The model of {@link #jacobianFunction} runs f at most once per call: with {@link MixedMode} it
 * records and plans f at the first call and then <em>replays</em> that recording at each new
 * point and executes the same plan ({@link MixedMode#prepare}), with {@code ReverseMode} it
 * replays the recording and sweeps it, and any other differentiator gives the values with the
 * Jacobian ({@link Differentiator#valueAndJacobian}). A recording that cannot be replayed (a
 * computed value read with {@code getReal()} while recording) is recorded afresh at each call.
 * As with every replay, a branch on an <em>input</em>'s value is replayed as recorded: give such a
 * model a differentiator other than mixed or reverse mode, or keep the fit on one side of the
 * branch.
 */
public final class LeastSquaresAdapters {

    private LeastSquaresAdapters() {
    }

    /**
     * @param f the model, R<sup>n</sup> → R<sup>m</sup>
     * @param d how to differentiate it
     * @return point ↦ (f(point), J(point)), for {@code LeastSquaresBuilder.model}; it keeps one
     *         recording per calling thread (mixed and reverse mode), so it may be shared
     */
    public static MultivariateJacobianFunction jacobianFunction(VectorFunction f, Differentiator d) {
        Checks.notNull("f", f);
        Checks.notNull("differentiator d", d);
        return new ReplayingModel(f, d);
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
