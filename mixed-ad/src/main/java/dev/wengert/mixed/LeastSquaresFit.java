package dev.wengert.mixed;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.Differentiator;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.MathArrays;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a model y = f(b; x) to observations (x<sub>i</sub>, y<sub>i</sub>) by weighted least squares,
 * minimising S(b) = Σ w<sub>i</sub>·(y<sub>i</sub> − f(b; x<sub>i</sub>))², with commons-math3's
 * {@link LevenbergMarquardtOptimizer} and exact Jacobians ∂f(b; x<sub>i</sub>)/∂b<sub>j</sub>.
 *
 * <pre>{@code
 * FitResult fit = LeastSquaresFit.of(Fits::misra1a, x, y)    // x: one column, y: observations
 *         .start(500, 1e-4)
 *         .fit();
 * fit.estimates();        // b̂
 * fit.standardErrors();   // √diag(s²·(JᵀJ)⁻¹), s² = S(b̂)/(m − n)
 * }</pre>
 *
 * <p><b>Jacobians.</b> The m residual functions are one {@link VectorFunction} of b. With the
 * default {@link MixedMode} it is recorded and planned once at the start ({@link MixedMode#prepare})
 * and that plan is replayed at every iterate; with {@link dev.wengert.reverse.ReverseMode} its
 * recording is replayed and swept; another {@link Differentiator} is called afresh each time.
 * {@link #compiledReplay()} compiles that replay to bytecode (bit-identical results).
 * {@link #forwardDifferences()} replaces them by one-sided differences (h = √ε·|b<sub>j</sub>|),
 * the baseline.
 *
 * <p><b>The stopping rule</b>, the same for every problem. Levenberg–Marquardt runs with relative
 * cost, parameter and orthogonality tolerances of {@value #DEFAULT_TOLERANCE} (commons-math3's
 * defaults are 10<sup>−10</sup>, which stop short of the certified digits on the hardest NIST
 * problems), at most {@value #DEFAULT_MAX_EVALUATIONS} evaluations. When it reports that no
 * further reduction is possible at machine precision, the best point it evaluated is the result.
 * It is then restarted from its optimum (a fresh trust region and fresh column scaling) for as
 * long as a restart lowers S, at most {@value #DEFAULT_MAX_RESTARTS} times: a run that stopped on
 * a small step far from the minimum continues, a converged one costs a handful of evaluations.
 *
 * <p><b>Bounds</b> are not offered: commons-math3's Levenberg–Marquardt has no bound constraints
 * (a user may reparametrise, e.g. b = e<sup>c</sup> for b &gt; 0, or use {@code ParameterValidator},
 * which clips a step without telling the trust region).
 *
 * <p>Instances are mutable builders; {@link #fit()} may be called more than once. Bad input — data
 * of different lengths, NaN or infinite data or weights, negative weights, fewer observations
 * than parameters, a model that is NaN or infinite at the start — is refused with an
 * {@link IllegalArgumentException} naming what was expected and what came.
 */
public final class LeastSquaresFit {

    /** the relative tolerances on cost, parameters and orthogonality */
    public static final double DEFAULT_TOLERANCE = 1e-15;
    /** the cap on model-and-Jacobian evaluations, over all restarts */
    public static final int DEFAULT_MAX_EVALUATIONS = 5000;
    /** the cap on restarts from the optimum */
    public static final int DEFAULT_MAX_RESTARTS = 10;

    private final FitModel model;
    private final double[][] x;
    private final double[] y;
    private final List<String> names;
    private double[] start;
    private double[] weights;
    private Differentiator differentiator = new MixedMode();
    private boolean forwardDifferences;
    private boolean compiledReplay;
    private double tolerance = DEFAULT_TOLERANCE;
    private int maxEvaluations = DEFAULT_MAX_EVALUATIONS;
    private int maxRestarts = DEFAULT_MAX_RESTARTS;

    private LeastSquaresFit(FitModel model, double[][] x, double[] y, List<String> names) {
        this.model = model;
        this.x = x;
        this.y = y;
        this.names = names;
    }

    /**
     * @param model f(b; x)
     * @param x the regressors, one row per observation (each row one value per column)
     * @param y the observations, one per row of x
     * @return a fit, to be given a {@link #start}
     * @throws IllegalArgumentException if the lengths disagree, the rows have different lengths,
     *         or a value is NaN or infinite
     */
    public static LeastSquaresFit of(FitModel model, double[][] x, double[] y) {
        Checks.notNull("model", model);
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have one entry per observation: x has "
                    + x.length + " rows, y has " + y.length + " values");
        }
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Checks.notNull("x[" + i + "]", x[i]);
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("every row of x must have " + x[0].length
                        + " columns (as row 0), but row " + i + " has " + x[i].length);
            }
            finite("x[" + i + "]", x[i]);
            rows[i] = x[i].clone();
        }
        finite("y", y);
        return new LeastSquaresFit(model, rows, y.clone(), null);
    }

    /**
     * @param model f(b; x) of one regressor
     * @param x the regressor, one value per observation
     * @param y the observations
     * @return a fit, to be given a {@link #start}
     * @throws IllegalArgumentException as {@link #of(FitModel, double[][], double[])}
     */
    public static LeastSquaresFit of(FitModel model, double[] x, double[] y) {
        Checks.notNull("x", x);
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        return of(model, rows, y);
    }

    /**
     * A model in the expression language: its inputs are data columns (the names in
     * {@code columns}) and parameters (every other input, in the expression's input order).
     *
     * @param model one output, e.g. {@code Expression.parse("b1*(1 - exp(-b2*x))")}
     * @param columns the regressors by name, each one value per observation
     * @param y the observations
     * @return a fit, whose {@link #parameters()} are the inputs of {@code model} that are not columns
     * @throws IllegalArgumentException if the model has not one output or no parameter, or the
     *         data are bad as for {@link #of(FitModel, double[][], double[])}
     */
    public static LeastSquaresFit of(Expression model, Map<String, double[]> columns, double[] y) {
        Checks.notNull("model", model);
        Checks.notNull("columns", columns);
        List<String> params = new ArrayList<>();
        for (String v : model.variables()) {
            if (!columns.containsKey(v)) {
                params.add(v);
            }
        }
        return of(model, params, columns, y);
    }

    /**
     * A model in the expression language with its parameters in a given order (that of the
     * starting point): every input of {@code model} is a parameter or a data column.
     *
     * @param model one output
     * @param parameters the parameter names, in the order of {@link #start} and the estimates
     * @param columns the regressors by name, each one value per observation
     * @param y the observations
     * @return a fit over these parameters
     * @throws IllegalArgumentException if the model has not one output, a parameter is not an input
     *         of the model or is also a column, an input is neither, or the data are bad
     */
    public static LeastSquaresFit of(Expression model, List<String> parameters, Map<String, double[]> columns,
            double[] y) {
        Checks.notNull("model", model);
        Checks.notNull("parameters", parameters);
        Checks.notNull("columns", columns);
        Checks.notNull("y", y);
        if (model.outputs() != 1) {
            throw new IllegalArgumentException("a model has one output, but the expression has " + model.outputs());
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the model " + model.toText() + " has no parameter: every name is a data column");
        }
        for (String p : parameters) {
            if (!model.variables().contains(p) || columns.containsKey(p)) {
                throw new IllegalArgumentException("parameter " + p + " must be a name of the model " + model.variables()
                        + " and not a data column " + columns.keySet());
            }
        }
        List<String> params = List.copyOf(parameters);
        if (params.size() != new java.util.HashSet<>(params).size()) {
            throw new IllegalArgumentException("parameter names must be distinct, but are " + params);
        }
        List<String> used = new ArrayList<>();
        for (String v : model.variables()) {
            if (columns.containsKey(v)) {
                used.add(v);
            } else if (!params.contains(v)) {
                throw new IllegalArgumentException("the model's name " + v + " is neither a parameter " + params
                        + " nor a data column " + columns.keySet());
            }
        }
        double[][] rows = new double[y.length][used.size()];
        for (int c = 0; c < used.size(); c++) {
            double[] col = Checks.notNull("column " + used.get(c), columns.get(used.get(c)));
            if (col.length != y.length) {
                throw new IllegalArgumentException("column " + used.get(c) + " must have one value per observation ("
                        + y.length + "), but has " + col.length);
            }
            for (int i = 0; i < y.length; i++) {
                rows[i][c] = col[i];
            }
        }
        int[] slot = new int[model.inputs()];
        for (int v = 0; v < slot.length; v++) {
            String name = model.variables().get(v);
            slot[v] = columns.containsKey(name) ? -1 - used.indexOf(name) : params.indexOf(name);
        }
        FitModel f = new FitModel() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] b, double[] row) {
                T[] args = MathArrays.buildArray(b[0].getField(), slot.length);
                for (int v = 0; v < slot.length; v++) {
                    args[v] = slot[v] >= 0 ? b[slot[v]] : b[0].getField().getZero().add(row[-1 - slot[v]]);
                }
                return model.value(args)[0];
            }
        };
        LeastSquaresFit fit = of(f, rows, y);
        return new LeastSquaresFit(f, fit.x, fit.y, params);
    }

    /** @return the parameter names of an expression model, in order; b1, b2, … otherwise (once started) */
    public List<String> parameters() {
        if (names != null) {
            return names;
        }
        List<String> b = new ArrayList<>();
        for (int j = 0; start != null && j < start.length; j++) {
            b.add("b" + (j + 1));
        }
        return b;
    }

    /**
     * @param b0 the starting point, one value per parameter
     * @return this
     * @throws IllegalArgumentException if a value is NaN or infinite, or (for an expression model)
     *         the count is not the number of parameters
     */
    public LeastSquaresFit start(double... b0) {
        Checks.notNull("start", b0);
        if (names != null && b0.length != names.size()) {
            throw new IllegalArgumentException("the start must give one value per parameter " + names
                    + " (" + names.size() + "), but gives " + b0.length);
        }
        if (b0.length == 0) {
            throw new IllegalArgumentException("the start must give at least one parameter");
        }
        finite("start", b0);
        this.start = b0.clone();
        return this;
    }

    /**
     * @param w a weight per observation (w<sub>i</sub> ≥ 0, finite; e.g. 1/σ<sub>i</sub>²)
     * @return this
     * @throws IllegalArgumentException if the length is not the number of observations, or a weight is
     *         negative, NaN or infinite
     */
    public LeastSquaresFit weights(double... w) {
        Checks.length("weights (one per observation)", w, y.length);
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, but is " + w[i]);
            }
        }
        this.weights = w.clone();
        return this;
    }

    /**
     * @param d the differentiator for the Jacobian (default {@link MixedMode})
     * @return this, with exact Jacobians by d
     */
    public LeastSquaresFit differentiator(Differentiator d) {
        this.differentiator = Checks.notNull("differentiator", d);
        this.forwardDifferences = false;
        return this;
    }

    /**
     * Compiles the model's replay to bytecode at the start of each fit ({@link PreparedJacobian#compile()},
     * {@link dev.wengert.reverse.Recording#compileReplay()}): the residuals and Jacobians, and so
     * the fit, are bit-identical either way; only the time changes. It pays only when one fit
     * makes very many evaluations (10<sup>4</sup> and more) of a model whose replay is arithmetic
     * rather than transcendental — not for the tens of evaluations of a typical fit, whose time
     * the compilation and the JVM's warm-up of the new code would dominate. With mixed or reverse mode only; the
     * result's {@link FitResult#jacobianMethod()} says whether the replay was compiled.
     *
     * @return this
     */
    public LeastSquaresFit compiledReplay() {
        this.compiledReplay = true;
        return this;
    }

    /** @return this, with forward-difference Jacobians (h = √ε·|b<sub>j</sub>|): the baseline without AD */
    public LeastSquaresFit forwardDifferences() {
        this.forwardDifferences = true;
        return this;
    }

    /**
     * @param relative the relative tolerance on cost, parameters and orthogonality (≥ 2.3e-16)
     * @param evaluations the cap on evaluations over all runs
     * @param restarts the cap on restarts from the optimum (0: one run, as plain commons-math3)
     * @return this
     */
    public LeastSquaresFit stopping(double relative, int evaluations, int restarts) {
        if (!(relative >= 2.3e-16) || evaluations < 1 || restarts < 0) {
            throw new IllegalArgumentException("stopping needs relative >= 2.3e-16, evaluations >= 1, restarts >= 0; got "
                    + relative + ", " + evaluations + ", " + restarts);
        }
        this.tolerance = relative;
        this.maxEvaluations = evaluations;
        this.maxRestarts = restarts;
        return this;
    }

    /**
     * @return the fit
     * @throws IllegalStateException if no start was given
     * @throws IllegalArgumentException if there are fewer observations than parameters, or the model
     *         is NaN or infinite at the start
     */
    public FitResult fit() {
        if (start == null) {
            throw new IllegalStateException("no starting point: call start(b1, b2, ...) before fit()");
        }
        int m = y.length;
        int n = start.length;
        if (m < n) {
            throw new IllegalArgumentException("a fit of " + n + " parameters needs at least " + n
                    + " observations, but has " + m);
        }
        double[] sqrtW = new double[m];
        double[] target = new double[m];
        for (int i = 0; i < m; i++) {
            sqrtW[i] = weights == null ? 1 : Math.sqrt(weights[i]);
            target[i] = sqrtW[i] * y[i];
        }
        VectorFunction weighted = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] b) {
                T[] out = MathArrays.buildArray(b[0].getField(), m);
                for (int i = 0; i < m; i++) {
                    out[i] = model.value(b, x[i]).multiply(sqrtW[i]);
                }
                return out;
            }
        };
        double[] atStart = FitEvaluator.plainValues(weighted, start);
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(atStart[i])) {
                throw new IllegalArgumentException("the model must be finite at the start, but f(b0; x[" + i + "]) = "
                        + atStart[i] / sqrtW[i] + " at b0 = " + java.util.Arrays.toString(start));
            }
        }
        Tracker tracker = new Tracker(FitEvaluator.of(weighted, differentiator, forwardDifferences, start,
                compiledReplay), target);
        FitResult.Stop stop = run(tracker);
        tracker.evaluate(tracker.best);
        return FitResult.at(parameters(), tracker.best, target, tracker.evaluator.values,
                tracker.evaluator.jacobian, tracker.iterations, tracker.evaluations, tracker.restarts,
                stop, tracker.evaluator.method());
    }

    private FitResult.Stop run(Tracker tracker) {
        double[] point = start.clone();
        tracker.best = point;
        tracker.bestCost = Double.POSITIVE_INFINITY;
        FitResult.Stop stop = FitResult.Stop.CONVERGED;
        for (int run = 0; run <= maxRestarts; run++) {
            double before = tracker.bestCost;
            int left = maxEvaluations - tracker.evaluations;
            if (left <= 1) {
                return FitResult.Stop.EVALUATION_LIMIT;
            }
            LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(tolerance)
                    .withParameterRelativeTolerance(tolerance)
                    .withOrthoTolerance(tolerance);
            try {
                Optimum o = lm.optimize(new LeastSquaresBuilder().model(tracker).target(tracker.target)
                        .start(point).maxEvaluations(left).maxIterations(Integer.MAX_VALUE)
                        .lazyEvaluation(false).build());
                tracker.iterations += o.getIterations();
                stop = FitResult.Stop.CONVERGED;
            } catch (ConvergenceException e) {
                stop = FitResult.Stop.NO_FURTHER_REDUCTION;
            } catch (TooManyEvaluationsException | TooManyIterationsException e) {
                return FitResult.Stop.EVALUATION_LIMIT;
            }
            if (run > 0) {
                tracker.restarts++;
            }
            if (!(tracker.bestCost < before)) {
                return stop;
            }
            point = tracker.best.clone();
        }
        return stop;
    }

    /** The model for commons-math3: evaluates, counts, and keeps the best point seen. */
    private static final class Tracker implements MultivariateJacobianFunction {
        final FitEvaluator evaluator;
        final double[] target;
        double[] best;
        double bestCost;
        int evaluations;
        int iterations;
        int restarts;

        Tracker(FitEvaluator evaluator, double[] target) {
            this.evaluator = evaluator;
            this.target = target;
        }

        void evaluate(double[] b) {
            evaluator.evaluate(b);
            evaluations++;
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] b = point.toArray();
            evaluate(b);
            double cost = 0;
            for (int i = 0; i < target.length; i++) {
                double r = target[i] - evaluator.values[i];
                cost += r * r;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = b;
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(evaluator.values, true),
                    new Array2DRowRealMatrix(evaluator.jacobian, true));
        }
    }

    private static void finite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " must be finite, but " + name + "[" + i + "] = " + v[i]);
            }
        }
    }
}
