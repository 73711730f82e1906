package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.FiniteDifferences;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.util.MathArrays;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Test;

class LeastSquaresAdaptersTest {

    /** Moré–Garbow–Hillstrom problem 1, Rosenbrock: f1 = 10(x2 − x1²), f2 = 1 − x1; optimum (1, 1). */
    static final VectorFunction ROSENBROCK = MoreGarbowHillstrom::rosenbrock;

    /**
     * Moré–Garbow–Hillstrom problem 7, helical valley: f1 = 10(x3 − 10θ), f2 = 10(√(x1² + x2²) − 1),
     * f3 = x3 with 2πθ = atan2(x2, x1); optimum (1, 0, 0).
     */
    static final VectorFunction HELICAL_VALLEY = MoreGarbowHillstrom::helicalValley;

    static final StringBuffer REPORT = new StringBuffer();

    static final double[] TIMES = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6};

    /** Curve: y(t) = a·exp(−b·t) + c at the sample times, parameters (a, b, c). */
    static final VectorFunction DECAY = new VectorFunction() {
        @Override
        public <T extends RealFieldElement<T>> T[] value(T[] p) {
            T[] y = MathArrays.buildArray(p[0].getField(), TIMES.length);
            for (int i = 0; i < TIMES.length; i++) {
                y[i] = p[0].multiply(p[1].multiply(-TIMES[i]).exp()).add(p[2]);
            }
            return y;
        }
    };

    static final class Counting implements VectorFunction {
        final VectorFunction f;
        final AtomicInteger calls = new AtomicInteger();

        Counting(VectorFunction f) {
            this.f = f;
        }

        @Override
        public <T extends RealFieldElement<T>> T[] value(T[] x) {
            calls.incrementAndGet();
            return f.value(x);
        }
    }

    private static Optimum fit(VectorFunction f, Differentiator d, double[] target, double[] start) {
        return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(LeastSquaresAdapters.jacobianFunction(f, d))
                .target(target).start(start).maxEvaluations(1000).maxIterations(1000).build());
    }

    private static void fitsWithFewerCallsThanFiniteDifferences(VectorFunction model, double[] target, double[] start,
            double[] optimum, double tolerance) {
        Counting fd = new Counting(model);
        Optimum byFd = fit(fd, new FiniteDifferences(), target, start);
        for (Differentiator d : new Differentiator[] {new MixedMode(), new ReverseMode(), new ForwardMode()}) {
            Counting exact = new Counting(model);
            Optimum fitted = fit(exact, d, target, start);
            for (int j = 0; j < optimum.length; j++) {
                assertEquals(optimum[j], fitted.getPoint().getEntry(j), tolerance, d.name() + " parameter " + j);
            }
            assertTrue(fitted.getEvaluations() <= byFd.getEvaluations() + 2,
                    d.name() + ": " + fitted.getEvaluations() + " model evaluations vs " + byFd.getEvaluations());
            REPORT.append(String.format("%s %s: %d evaluations, %d calls of f; finite differences %d evaluations, %d calls%n",
                    model == ROSENBROCK ? "rosenbrock" : model == HELICAL_VALLEY ? "helical" : "decay", d.name(),
                    fitted.getEvaluations(), exact.calls.get(), byFd.getEvaluations(), fd.calls.get()));
            assertTrue(exact.calls.get() < fd.calls.get(),
                    d.name() + ": " + exact.calls.get() + " calls of f vs " + fd.calls.get() + " with finite differences");
        }
    }

    @Test
    void rosenbrockFitsToOneOneWithExactJacobians() {
        fitsWithFewerCallsThanFiniteDifferences(ROSENBROCK, new double[2], new double[] {-1.2, 1}, new double[] {1, 1}, 1e-10);
    }

    @Test
    void helicalValleyFitsToOneZeroZeroWithExactJacobians() {
        fitsWithFewerCallsThanFiniteDifferences(HELICAL_VALLEY, new double[3], new double[] {-1, 0, 0},
                new double[] {1, 0, 0}, 1e-10);
    }

    @Test
    void exponentialDecayCurveFitRecoversItsParameters() {
        double[] truth = {5, 1.3, 0.5};
        double[] observed = new double[TIMES.length];
        for (int i = 0; i < TIMES.length; i++) {
            observed[i] = truth[0] * Math.exp(-truth[1] * TIMES[i]) + truth[2];
        }
        fitsWithFewerCallsThanFiniteDifferences(DECAY, observed, new double[] {1, 0.5, 0}, truth, 1e-9);
    }

    @Test
    void mixedAndReverseModeRecordTheModelOnceAndReplayItAtEveryEvaluation() {
        for (Differentiator d : new Differentiator[] {new MixedMode(), new ReverseMode()}) {
            Counting model = new Counting(HELICAL_VALLEY);
            Optimum fitted = fit(model, d, new double[3], new double[] {-1, 0, 0});
            assertTrue(fitted.getEvaluations() > 5, d.name() + ": " + fitted.getEvaluations() + " evaluations");
            assertEquals(1, model.calls.get(), d.name() + ": calls of f in " + fitted.getEvaluations() + " evaluations");
            assertEquals(1, fitted.getPoint().getEntry(0), 1e-10, d.name());
        }
    }

    @Test
    void forwardModeRunsTheModelOncePerEvaluationForValuesAndJacobian() {
        Counting model = new Counting(HELICAL_VALLEY);
        Optimum fitted = fit(model, new ForwardMode(), new double[3], new double[] {-1, 0, 0});
        assertEquals(fitted.getEvaluations(), model.calls.get());
    }

    /** The helical valley with its branch on a computed value: x1 < 0 read with getReal() (an escape). */
    static final VectorFunction ESCAPING_HELICAL_VALLEY = new VectorFunction() {
        @Override
        public <T extends RealFieldElement<T>> T[] value(T[] x) {
            T[] f = HELICAL_VALLEY.value(x);
            if (x[0].multiply(1).getReal() < -10) {
                f[2] = f[2].multiply(2);
            }
            return f;
        }
    };

    @Test
    void aRecordingThatCannotBeReplayedIsRecordedAfreshAtEveryEvaluation() {
        for (Differentiator d : new Differentiator[] {new MixedMode(), new ReverseMode()}) {
            Counting model = new Counting(ESCAPING_HELICAL_VALLEY);
            Optimum fitted = fit(model, d, new double[3], new double[] {-1, 0, 0});
            assertEquals(fitted.getEvaluations(), model.calls.get(), d.name());
            assertEquals(1, fitted.getPoint().getEntry(0), 1e-10, d.name());
        }
    }

    @Test
    void theModelGivesTheSameNumbersOnAnotherThread() throws Exception {
        for (Differentiator d : new Differentiator[] {new MixedMode(), new ReverseMode()}) {
            MultivariateJacobianFunction model = LeastSquaresAdapters.jacobianFunction(HELICAL_VALLEY, d);
            RealVector p = new ArrayRealVector(new double[] {0.3, -0.7, 1.1});
            model.value(new ArrayRealVector(new double[] {-1, 0, 0}));
            Pair<RealVector, RealMatrix> here = model.value(p);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Pair<RealVector, RealMatrix> there = other.submit(() -> model.value(p)).get();
                assertEquals(here.getFirst(), there.getFirst(), d.name());
                assertEquals(here.getSecond(), there.getSecond(), d.name());
            } finally {
                other.shutdown();
            }
            Pair<RealVector, RealMatrix> fresh = new ReplayingModel(HELICAL_VALLEY, new ForwardMode()).value(p);
            assertEquals(fresh.getFirst(), here.getFirst(), d.name() + " values by replay");
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double e = fresh.getSecond().getEntry(i, j);
                    assertEquals(e, here.getSecond().getEntry(i, j), 1e-15 * Math.abs(e), d.name() + " J" + i + j);
                }
            }
        }
    }

    @Test
    void gradientAdapterDrivesNonLinearConjugateGradient() {
        ScalarFunction rosen = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T a = x[0].negate().add(1);
                T b = x[1].subtract(x[0].multiply(x[0]));
                return a.multiply(a).add(b.multiply(b).multiply(100));
            }
        };
        NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-14, 1e-14));
        PointValuePair best = cg.optimize(new MaxEval(20000), LeastSquaresAdapters.objective(rosen),
                LeastSquaresAdapters.gradient(rosen, new MixedMode()), GoalType.MINIMIZE,
                new InitialGuess(new double[] {-1.2, 1}));
        assertEquals(1, best.getPoint()[0], 1e-3);
        assertEquals(1, best.getPoint()[1], 1e-3);
    }

    @Test
    void adaptersRejectNulls() {
        assertThrows(IllegalArgumentException.class, () -> LeastSquaresAdapters.jacobianFunction(null, new MixedMode()));
        assertThrows(IllegalArgumentException.class, () -> LeastSquaresAdapters.jacobianFunction(ROSENBROCK, null));
        assertThrows(IllegalArgumentException.class, () -> LeastSquaresAdapters.gradient(null, new MixedMode()));
    }
}
