package dev.wengert.benchmarks.mixed;

import dev.wengert.core.Differentiator;
import dev.wengert.core.VectorFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.LeastSquaresAdapters;
import dev.wengert.mixed.LinearizedGraph;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.ReverseMode;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;
import org.apache.commons.math3.util.Pair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole Levenberg–Marquardt fit (commons-math3) of the exponential decay
 * y = b1·exp(−b2·t) + b3 to {@code points} generated observations, from (1, 0.5, 0), with the
 * model from {@link LeastSquaresAdapters#jacobianFunction} — which records f once and then replays
 * the recording at each new point — against the adapter as it was before
 * ({@code decayfit_<mode>Before}: mixed mode recorded and planned f at every model call; reverse
 * and forward mode evaluated f once more on {@code Decimal64} for the values).
 * {@code decayfit_plain} is the same fit with the Jacobian written by hand, the ratio baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LevenbergMarquardtBenchmark {

    @Param({"1000"})
    public int points;

    private double[] t;
    private double[] observed;
    private VectorFunction decay;

    private static final double[] START = {1, 0.5, 0};

    @Setup
    public void setUp() {
        t = new double[points];
        observed = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = 6.0 * i / points;
            observed[i] = 5 * Math.exp(-1.3 * t[i]) + 0.5 + 0.01 * Math.sin(7.0 * i);
        }
        double[] times = t;
        decay = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] b) {
                T[] y = MathArrays.buildArray(b[0].getField(), times.length);
                for (int i = 0; i < times.length; i++) {
                    y[i] = b[0].multiply(b[1].multiply(-times[i]).exp()).add(b[2]);
                }
                return y;
            }
        };
        double[] fit = fit(LeastSquaresAdapters.jacobianFunction(decay, new MixedMode())).getPoint().toArray();
        double[] byHand = decayfit_plain().getPoint().toArray();
        for (int j = 0; j < 3; j++) {
            if (!(Math.abs(fit[j] - byHand[j]) <= 1e-9 * Math.abs(byHand[j]))) {
                throw new IllegalStateException("the fits disagree: parameter " + j + " is " + fit[j]
                        + " by mixed mode, " + byHand[j] + " by hand");
            }
        }
    }

    private Optimum fit(MultivariateJacobianFunction model) {
        return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder().model(model)
                .target(observed).start(START).maxEvaluations(1000).maxIterations(1000).build());
    }

    @Benchmark
    public Optimum decayfit_plain() {
        double[] times = t;
        return fit(point -> {
            double b1 = point.getEntry(0);
            double b2 = point.getEntry(1);
            double b3 = point.getEntry(2);
            double[] y = new double[times.length];
            double[][] j = new double[times.length][3];
            for (int i = 0; i < times.length; i++) {
                double e = Math.exp(-b2 * times[i]);
                y[i] = b1 * e + b3;
                j[i][0] = e;
                j[i][1] = -b1 * times[i] * e;
                j[i][2] = 1;
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(y, false), new Array2DRowRealMatrix(j, false));
        });
    }

    @Benchmark
    public Optimum decayfit_mixed() {
        return fit(LeastSquaresAdapters.jacobianFunction(decay, new MixedMode()));
    }

    @Benchmark
    public Optimum decayfit_mixedBefore() {
        return fit(before(decay, new MixedMode()));
    }

    @Benchmark
    public Optimum decayfit_reverse() {
        return fit(LeastSquaresAdapters.jacobianFunction(decay, new ReverseMode()));
    }

    @Benchmark
    public Optimum decayfit_reverseBefore() {
        return fit(before(decay, new ReverseMode()));
    }

    @Benchmark
    public Optimum decayfit_forward() {
        return fit(LeastSquaresAdapters.jacobianFunction(decay, new ForwardMode()));
    }

    @Benchmark
    public Optimum decayfit_forwardBefore() {
        return fit(before(decay, new ForwardMode()));
    }

    /** The adapter before the replay: a plan per call (mixed), or f on Decimal64 plus the Jacobian. */
    private static MultivariateJacobianFunction before(VectorFunction f, Differentiator d) {
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
            Decimal64[] args = new Decimal64[x.length];
            for (int j = 0; j < x.length; j++) {
                args[j] = new Decimal64(x[j]);
            }
            Decimal64[] y = f.value(args);
            double[] values = new double[y.length];
            for (int r = 0; r < y.length; r++) {
                values[r] = y[r].getReal();
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(values, false),
                    new Array2DRowRealMatrix(d.jacobian(f, x), false));
        };
    }
}
