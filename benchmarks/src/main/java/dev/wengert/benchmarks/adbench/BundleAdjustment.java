package dev.wengert.benchmarks.adbench;

import static dev.wengert.benchmarks.adbench.BaInstance.CAMERA;
import static dev.wengert.benchmarks.adbench.BaInstance.POINT;

import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * ADBench's bundle-adjustment residuals R<sup>11n+3m+p</sup> → R<sup>3p</sup>: a transcription
 * of {@code computeReprojError} and {@code computeZachWeightError} in ADBench's
 * {@code src/cpp/shared/ba.h} (Copyright (c) Microsoft Corporation, MIT licence), written once
 * generically and once on plain {@code double}.
 *
 * <p>A camera c = (r, C, f, x0, κ) (indices 0–2, 3–5, 6, 7–8, 9–10) projects a point X:
 *
 * <pre>
 * Y   = R(r) (X − C)               Rodrigues: θ = ‖r‖, w = r/θ,
 *                                  R(r) v = v cos θ + (w × v) sin θ + w (w·v)(1 − cos θ);
 *                                  if θ = 0 (exactly): R(r) v = v + r × v
 * y   = (Y_1 / Y_3, Y_2 / Y_3)
 * y  ← y · (1 + κ_1 ‖y‖² + κ_2 ‖y‖⁴)    radial distortion
 * π   = f y + x0
 * </pre>
 *
 * <p>Outputs: for each observation i (camera c<sub>i</sub>, point X<sub>i</sub>, weight
 * w<sub>i</sub>, feature u<sub>i</sub>) the reprojection error
 * w<sub>i</sub>(π(c<sub>i</sub>, X<sub>i</sub>) − u<sub>i</sub>) as outputs 2i and 2i+1, then the
 * weight error 1 − w<sub>i</sub>² as output 2p + i. The Jacobian is 3p × (11n + 3m + p) and
 * sparse: a reprojection row depends on 11 camera, 3 point and 1 weight column (15 non-zeros), a
 * weight row on its weight only — 31p non-zeros, in the CSR layout of {@link #csrRows()} and
 * {@link #csrColumns()} (ADBench's {@code BASparseMat} order). The branch on θ = 0 looks at the
 * value only.
 */
public final class BundleAdjustment implements VectorFunction {

    private static final int ROTATION = 0;
    private static final int CENTRE = 3;
    private static final int FOCAL = 6;
    private static final int PRINCIPAL = 7;
    private static final int RADIAL = 9;

    private final BaInstance data;
    private final int pointOffset;
    private final int weightOffset;

    /**
     * @param data the observations (its parameters are not used)
     */
    public BundleAdjustment(BaInstance data) {
        this.data = data;
        this.pointOffset = CAMERA * data.n();
        this.weightOffset = pointOffset + POINT * data.m();
    }

    /** @return the number of inputs, 11n + 3m + p */
    public int inputs() {
        return weightOffset + data.p();
    }

    /** @return the number of outputs, 3p */
    public int outputs() {
        return 3 * data.p();
    }

    /**
     * The residuals, generically.
     *
     * @param x cameras, points, weights; length {@link #inputs()}
     * @param <T> the number type
     * @return 2p reprojection errors (u, v per observation), then p weight errors
     */
    @Override
    public <T extends RealFieldElement<T>> T[] value(T[] x) {
        checkLength(x.length);
        Field<T> field = x[0].getField();
        int p = data.p();
        T[] out = MathArrays.buildArray(field, 3 * p);
        T[] centred = MathArrays.buildArray(field, 3);
        for (int i = 0; i < p; i++) {
            int cam = CAMERA * data.cameraOf(i);
            int pt = pointOffset + POINT * data.pointOf(i);
            T w = x[weightOffset + i];
            for (int j = 0; j < 3; j++) {
                centred[j] = x[pt + j].subtract(x[cam + CENTRE + j]);
            }
            T[] y = rotate(x, cam + ROTATION, centred);
            T u = y[0].divide(y[2]);
            T v = y[1].divide(y[2]);
            T rsq = u.multiply(u).add(v.multiply(v));
            T distortion = x[cam + RADIAL].multiply(rsq)
                    .add(x[cam + RADIAL + 1].multiply(rsq).multiply(rsq)).add(1);
            T focal = x[cam + FOCAL].multiply(distortion);
            out[2 * i] = w.multiply(u.multiply(focal).add(x[cam + PRINCIPAL]).subtract(data.feature(i, 0)));
            out[2 * i + 1] = w.multiply(v.multiply(focal).add(x[cam + PRINCIPAL + 1]).subtract(data.feature(i, 1)));
            out[2 * p + i] = w.multiply(w).negate().add(1);
        }
        return out;
    }

    /** R(r) v by Rodrigues' formula, r = x[rot..rot+2]. */
    private static <T extends RealFieldElement<T>> T[] rotate(T[] x, int rot, T[] v) {
        T r0 = x[rot];
        T r1 = x[rot + 1];
        T r2 = x[rot + 2];
        T[] y = MathArrays.buildArray(r0.getField(), 3);
        T sq = r0.multiply(r0).add(r1.multiply(r1)).add(r2.multiply(r2));
        if (sq.getReal() != 0) {
            T theta = sq.sqrt();
            T cos = theta.cos();
            T sin = theta.sin();
            T w0 = r0.divide(theta);
            T w1 = r1.divide(theta);
            T w2 = r2.divide(theta);
            T tmp = w0.multiply(v[0]).add(w1.multiply(v[1])).add(w2.multiply(v[2]))
                    .multiply(cos.negate().add(1));
            y[0] = v[0].multiply(cos).add(w1.multiply(v[2]).subtract(w2.multiply(v[1])).multiply(sin)).add(w0.multiply(tmp));
            y[1] = v[1].multiply(cos).add(w2.multiply(v[0]).subtract(w0.multiply(v[2])).multiply(sin)).add(w1.multiply(tmp));
            y[2] = v[2].multiply(cos).add(w0.multiply(v[1]).subtract(w1.multiply(v[0])).multiply(sin)).add(w2.multiply(tmp));
        } else {
            y[0] = v[0].add(r1.multiply(v[2]).subtract(r2.multiply(v[1])));
            y[1] = v[1].add(r2.multiply(v[0]).subtract(r0.multiply(v[2])));
            y[2] = v[2].add(r0.multiply(v[1]).subtract(r1.multiply(v[0])));
        }
        return y;
    }

    /**
     * The residuals on plain {@code double}: the baseline, the same arithmetic as
     * {@link #value(RealFieldElement[])}.
     *
     * @param x cameras, points, weights
     * @return 2p reprojection errors, then p weight errors
     */
    public double[] value(double[] x) {
        checkLength(x.length);
        int p = data.p();
        double[] out = new double[3 * p];
        double[] v = new double[3];
        double[] y = new double[3];
        for (int i = 0; i < p; i++) {
            int cam = CAMERA * data.cameraOf(i);
            int pt = pointOffset + POINT * data.pointOf(i);
            double w = x[weightOffset + i];
            for (int j = 0; j < 3; j++) {
                v[j] = x[pt + j] - x[cam + CENTRE + j];
            }
            double r0 = x[cam + ROTATION];
            double r1 = x[cam + ROTATION + 1];
            double r2 = x[cam + ROTATION + 2];
            double sq = r0 * r0 + r1 * r1 + r2 * r2;
            if (sq != 0) {
                double theta = FastMath.sqrt(sq);
                double cos = FastMath.cos(theta);
                double sin = FastMath.sin(theta);
                double w0 = r0 / theta;
                double w1 = r1 / theta;
                double w2 = r2 / theta;
                double tmp = (w0 * v[0] + w1 * v[1] + w2 * v[2]) * (1 - cos);
                y[0] = v[0] * cos + (w1 * v[2] - w2 * v[1]) * sin + w0 * tmp;
                y[1] = v[1] * cos + (w2 * v[0] - w0 * v[2]) * sin + w1 * tmp;
                y[2] = v[2] * cos + (w0 * v[1] - w1 * v[0]) * sin + w2 * tmp;
            } else {
                y[0] = v[0] + (r1 * v[2] - r2 * v[1]);
                y[1] = v[1] + (r2 * v[0] - r0 * v[2]);
                y[2] = v[2] + (r0 * v[1] - r1 * v[0]);
            }
            double u = y[0] / y[2];
            double vv = y[1] / y[2];
            double rsq = u * u + vv * vv;
            double focal = x[cam + FOCAL] * (x[cam + RADIAL] * rsq + x[cam + RADIAL + 1] * rsq * rsq + 1);
            out[2 * i] = w * (u * focal + x[cam + PRINCIPAL] - data.feature(i, 0));
            out[2 * i + 1] = w * (vv * focal + x[cam + PRINCIPAL + 1] - data.feature(i, 1));
            out[2 * p + i] = 1 - w * w;
        }
        return out;
    }

    /**
     * Row starts of the Jacobian's sparsity pattern in CSR: row r's non-zeros are
     * {@code csrColumns()[rows[r] .. rows[r+1]-1]}.
     *
     * @return 3p + 1 row starts; the last is 31p, the number of non-zeros
     */
    public int[] csrRows() {
        int p = data.p();
        int[] rows = new int[3 * p + 1];
        for (int r = 0; r < 3 * p; r++) {
            rows[r + 1] = rows[r] + (r < 2 * p ? CAMERA + POINT + 1 : 1);
        }
        return rows;
    }

    /**
     * Column indices of the non-zeros, row by row, ascending in each row: a reprojection row of
     * observation i has its camera's 11 columns, its point's 3, then its weight's; a weight row
     * has its weight's column.
     *
     * @return 31p column indices
     */
    public int[] csrColumns() {
        int p = data.p();
        int[] cols = new int[31 * p];
        int k = 0;
        for (int r = 0; r < 2 * p; r++) {
            int i = r / 2;
            for (int j = 0; j < CAMERA; j++) {
                cols[k++] = CAMERA * data.cameraOf(i) + j;
            }
            for (int j = 0; j < POINT; j++) {
                cols[k++] = pointOffset + POINT * data.pointOf(i) + j;
            }
            cols[k++] = weightOffset + i;
        }
        for (int i = 0; i < p; i++) {
            cols[k++] = weightOffset + i;
        }
        return cols;
    }

    private void checkLength(int length) {
        if (length != inputs()) {
            throw new IllegalArgumentException("BA parameters must have length 11n + 3m + p = " + inputs()
                    + ", but has length " + length);
        }
    }
}
