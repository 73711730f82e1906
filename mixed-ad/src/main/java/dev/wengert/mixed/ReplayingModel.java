package dev.wengert.mixed;

import dev.wengert.core.Differentiator;
import dev.wengert.core.ValueAndJacobian;
import dev.wengert.core.VectorFunction;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The model of {@link LeastSquaresAdapters#jacobianFunction}: point ↦ (f(point), J(point)), each
 * model call running f at most once.
 *
 * <ul>
 *   <li>{@link MixedMode}: the first call on a thread {@link MixedMode#prepare prepares} f there
 *       (one recording, cut and planned once); each later call replays the recording at the new
 *       point and executes the same plan, f not run;</li>
 *   <li>{@link ReverseMode}: the first call records f; later calls replay the recording and
 *       sweep it (m adjoint sweeps);</li>
 *   <li>any other differentiator: {@link Differentiator#valueAndJacobian} at each call.</li>
 * </ul>
 *
 * When the recording cannot be replayed (a computed value escaped into user code while recording,
 * see {@link Recording#isReplayable()}) every call records afresh, by
 * {@link Differentiator#valueAndJacobian}. Each calling thread keeps a recording of its own (a
 * recording belongs to the thread that made it), so the model may be shared between threads.
 */
final class ReplayingModel implements MultivariateJacobianFunction {

    private final VectorFunction f;
    private final Differentiator d;
    private final ThreadLocal<PreparedJacobian> prepared = new ThreadLocal<>();
    private final ThreadLocal<Recording> recording = new ThreadLocal<>();

    ReplayingModel(VectorFunction f, Differentiator d) {
        this.f = f;
        this.d = d;
    }

    @Override
    public Pair<RealVector, RealMatrix> value(RealVector point) {
        double[] x = point.toArray();
        if (d instanceof MixedMode mixed) {
            PreparedJacobian p = prepared.get();
            if (p == null) {
                p = mixed.prepare(f, x);
                prepared.set(p);
                return pair(p.values(), p.jacobianAtCurrentPoint());
            }
            if (p.isReplayable()) {
                double[][] jacobian = p.jacobian(x);
                return pair(p.values(), jacobian);
            }
        } else if (d instanceof ReverseMode reverse) {
            Recording r = recording.get();
            if (r == null) {
                r = reverse.record(f, x);
                recording.set(r);
                return pair(r.values(), r.jacobian());
            }
            if (r.isReplayable()) {
                r.replay(x);
                return pair(r.values(), r.jacobian());
            }
        }
        ValueAndJacobian vj = d.valueAndJacobian(f, x);
        return pair(vj.values(), vj.jacobian());
    }

    private static Pair<RealVector, RealMatrix> pair(double[] values, double[][] jacobian) {
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
