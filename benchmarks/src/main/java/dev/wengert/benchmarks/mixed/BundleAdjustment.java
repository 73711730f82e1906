package dev.wengert.benchmarks.mixed;

import dev.wengert.core.VectorFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * ADBench's bundle-adjustment objective (Šrajer et al. 2018; reference C++ {@code ba.h}): n
 * cameras of 11 parameters (Rodrigues rotation, centre, focal length, principal point, two radial
 * distortion coefficients), m points of 3, p weights. Observation i uses camera i mod n and point
 * i mod m; its reprojection error is w<sub>i</sub>·(proj − feature) (two rows), and the Zach weight
 * error 1 − w<sub>i</sub>² follows all of them (p rows). Variables are laid out cameras, points,
 * weights.
 */
public final class BundleAdjustment implements VectorFunction {

    public final int cameras;
    public final int points;
    public final int observations;
    public final double[] x;
    private final int[] camera;
    private final int[] point;
    private final double[] features;

    private BundleAdjustment(int n, int m, int p, double[] x, double[] features) {
        this.cameras = n;
        this.points = m;
        this.observations = p;
        this.x = x;
        this.features = features;
        camera = new int[p];
        point = new int[p];
        for (int i = 0; i < p; i++) {
            camera[i] = i % n;
            point[i] = i % m;
        }
    }

    /** Reads an ADBench BA file, replicating its one camera, point, weight and feature. */
    public static BundleAdjustment read(Path file) throws IOException {
        List<Double> numbers = new ArrayList<>();
        for (String token : Files.readString(file).trim().split("\\s+")) {
            numbers.add(Double.parseDouble(token));
        }
        int n = (int) (double) numbers.get(0);
        int m = (int) (double) numbers.get(1);
        int p = (int) (double) numbers.get(2);
        double[] x = new double[11 * n + 3 * m + p];
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < 11; k++) {
                x[11 * c + k] = numbers.get(3 + k);
            }
        }
        for (int q = 0; q < m; q++) {
            for (int k = 0; k < 3; k++) {
                x[11 * n + 3 * q + k] = numbers.get(14 + k);
            }
        }
        for (int i = 0; i < p; i++) {
            x[11 * n + 3 * m + i] = numbers.get(17);
        }
        double[] features = new double[2 * p];
        for (int i = 0; i < p; i++) {
            features[2 * i] = numbers.get(18);
            features[2 * i + 1] = numbers.get(19);
        }
        return new BundleAdjustment(n, m, p, x, features);
    }

    @Override
    public <T extends RealFieldElement<T>> T[] value(T[] v) {
        T[] out = MathArrays.buildArray(v[0].getField(), 3 * observations);
        int pointBase = 11 * cameras;
        int weightBase = pointBase + 3 * points;
        for (int i = 0; i < observations; i++) {
            int c = 11 * camera[i];
            int q = pointBase + 3 * point[i];
            T w = v[weightBase + i];
            // Xo = X - C, rotated by the Rodrigues vector r
            T x0 = v[q].subtract(v[c + 3]);
            T x1 = v[q + 1].subtract(v[c + 4]);
            T x2 = v[q + 2].subtract(v[c + 5]);
            T r0 = v[c];
            T r1 = v[c + 1];
            T r2 = v[c + 2];
            T sq = r0.multiply(r0).add(r1.multiply(r1)).add(r2.multiply(r2));
            T y0;
            T y1;
            T y2;
            if (sq.getReal() != 0) {
                T theta = sq.sqrt();
                T cos = theta.cos();
                T sin = theta.sin();
                T inv = theta.reciprocal();
                T w0 = r0.multiply(inv);
                T w1 = r1.multiply(inv);
                T w2 = r2.multiply(inv);
                T c0 = w1.multiply(x2).subtract(w2.multiply(x1));
                T c1 = w2.multiply(x0).subtract(w0.multiply(x2));
                T c2 = w0.multiply(x1).subtract(w1.multiply(x0));
                T tmp = w0.multiply(x0).add(w1.multiply(x1)).add(w2.multiply(x2)).multiply(cos.negate().add(1));
                y0 = x0.multiply(cos).add(c0.multiply(sin)).add(w0.multiply(tmp));
                y1 = x1.multiply(cos).add(c1.multiply(sin)).add(w1.multiply(tmp));
                y2 = x2.multiply(cos).add(c2.multiply(sin)).add(w2.multiply(tmp));
            } else {
                y0 = x0.add(r1.multiply(x2).subtract(r2.multiply(x1)));
                y1 = x1.add(r2.multiply(x0).subtract(r0.multiply(x2)));
                y2 = x2.add(r0.multiply(x1).subtract(r1.multiply(x0)));
            }
            T p0 = y0.divide(y2);
            T p1 = y1.divide(y2);
            T rsq = p0.multiply(p0).add(p1.multiply(p1));
            T l = v[c + 9].multiply(rsq).add(v[c + 10].multiply(rsq).multiply(rsq)).add(1);
            T proj0 = p0.multiply(l).multiply(v[c + 6]).add(v[c + 7]);
            T proj1 = p1.multiply(l).multiply(v[c + 6]).add(v[c + 8]);
            out[2 * i] = w.multiply(proj0.subtract(features[2 * i]));
            out[2 * i + 1] = w.multiply(proj1.subtract(features[2 * i + 1]));
            out[2 * observations + i] = w.multiply(w).negate().add(1);
        }
        return out;
    }
}
