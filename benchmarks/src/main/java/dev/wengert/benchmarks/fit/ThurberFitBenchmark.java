package dev.wengert.benchmarks.fit;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.ExternalData;
import dev.wengert.mixed.FitModel;
import dev.wengert.mixed.FitResult;
import dev.wengert.mixed.LeastSquaresFit;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.PreparedJacobian;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * NIST StRD Thurber (37 observations, 7 parameters, a cubic over a cubic; "higher difficulty"),
 * read from {@code shared/data/nist-strd-nls/Thurber.dat}.
 *
 * <ul>
 * <li>{@code thurberfit_exact}: the whole fit from NIST's start 1 with {@link LeastSquaresFit}'s
 *     default, a mixed-mode plan prepared once and replayed at each iterate;
 *     {@code thurberfit_forwardDifferences}: the same fit with forward-difference Jacobians
 *     (h = √ε·|b<sub>j</sub>|).</li>
 * <li>{@code thurber_plain}: the 37 model values at the certified point, in {@code double};
 *     {@code thurber_mixedReplayed}: values and 37 × 7 Jacobian there from the prepared plan (the
 *     fit's evaluation); {@code thurber_reverseReplayed}: the same by replaying a reverse-mode
 *     recording and sweeping it 37 times; {@code thurber_forwardDifferences}: values and the
 *     forward-difference Jacobian (8 plain evaluations).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThurberFitBenchmark {

    static final double[] START1 = {1000, 1000, 400, 40, 0.7, 0.3, 0.03};
    static final double[] CERTIFIED = {1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01,
        9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02};

    private double[] x;
    private double[] y;
    private PreparedJacobian prepared;
    private Recording recording;

    /** y = (b1 + b2·x + b3·x² + b4·x³) / (1 + b5·x + b6·x² + b7·x³) */
    static <T extends RealFieldElement<T>> T thurber(T[] b, double[] row) {
        double x = row[0];
        double x2 = x * x;
        double x3 = x2 * x;
        T num = b[0].add(b[1].multiply(x)).add(b[2].multiply(x2)).add(b[3].multiply(x3));
        T den = b[4].multiply(x).add(b[5].multiply(x2)).add(b[6].multiply(x3)).add(1);
        return num.divide(den);
    }

    @Setup
    public void setUp() {
        Path file = ExternalData.require("nist-strd-nls").resolve("Thurber.dat");
        List<double[]> rows = new ArrayList<>();
        try {
            boolean data = false;
            for (String line : Files.readAllLines(file)) {
                String t = line.trim();
                if (t.startsWith("Data:") && t.contains("y") && !t.contains("Response")) {
                    data = true;
                } else if (data && !t.isEmpty()) {
                    String[] f = t.split("\\s+");
                    rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = new double[rows.size()];
        x = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i)[0];
            x[i] = rows.get(i)[1];
        }
        prepared = new MixedMode().prepare(residuals(), CERTIFIED);
        recording = new ReverseMode().record(residuals(), CERTIFIED);
    }

    private VectorFunction residuals() {
        double[] xs = x;
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] b) {
                T[] out = MathArrays.buildArray(b[0].getField(), xs.length);
                double[] row = new double[1];
                for (int i = 0; i < xs.length; i++) {
                    row[0] = xs[i];
                    out[i] = thurber(b, row);
                }
                return out;
            }
        };
    }

    static double[] plain(double[] b, double[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double t = x[i];
            v[i] = (b[0] + b[1] * t + b[2] * t * t + b[3] * t * t * t) / (1 + b[4] * t + b[5] * t * t + b[6] * t * t * t);
        }
        return v;
    }

    @Benchmark
    public FitResult thurberfit_exact() {
        FitModel model = ThurberFitBenchmark::thurber;
        return LeastSquaresFit.of(model, x, y).start(START1).fit();
    }

    @Benchmark
    public FitResult thurberfit_forwardDifferences() {
        FitModel model = ThurberFitBenchmark::thurber;
        return LeastSquaresFit.of(model, x, y).start(START1).forwardDifferences().fit();
    }

    @Benchmark
    public double[] thurber_plain() {
        return plain(CERTIFIED, x);
    }

    @Benchmark
    public double[][] thurber_mixedReplayed() {
        double[][] j = prepared.jacobian(CERTIFIED);
        j[0][0] += prepared.values()[0];
        return j;
    }

    @Benchmark
    public double[][] thurber_reverseReplayed() {
        recording.replay(CERTIFIED);
        double[][] j = recording.jacobian();
        j[0][0] += recording.values()[0];
        return j;
    }

    @Benchmark
    public double[][] thurber_forwardDifferences() {
        double[] v = plain(CERTIFIED, x);
        double[][] j = new double[x.length][CERTIFIED.length];
        double[] p = CERTIFIED.clone();
        for (int k = 0; k < p.length; k++) {
            double h = Math.sqrt(Math.ulp(1.0)) * Math.abs(p[k]);
            p[k] = CERTIFIED[k] + h;
            double[] s = plain(p, x);
            for (int i = 0; i < x.length; i++) {
                j[i][k] = (s[i] - v[i]) / (p[k] - CERTIFIED[k]);
            }
            p[k] = CERTIFIED[k];
        }
        return j;
    }
}
