package dev.wengert.benchmarks.adbench;

import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;

/**
 * ADBench's Gaussian mixture model objective (its log-likelihood with a Wishart prior), as a
 * function of the parameters only — the points are fixed. A transcription of ADBench's
 * {@code gmm_objective} ({@code src/cpp/shared/gmm.h}, Copyright (c) Microsoft Corporation, MIT
 * licence), written once generically and once on plain {@code double}.
 *
 * <p>With K components in dimension d, n points x<sub>i</sub>, parameters α<sub>k</sub>,
 * μ<sub>k</sub> ∈ R<sup>d</sup>, q<sub>k</sub> ∈ R<sup>d</sup> and l<sub>k</sub> ∈
 * R<sup>d(d−1)/2</sup> (layout in {@link GmmInstance}):
 *
 * <pre>
 * Q_k   = diag(exp q_k) + L_k        L_k strictly lower triangular, filled column by column from l_k:
 *                                    (L_k)[j][c] = l_k[idx] for c = 0..d−1, j = c+1..d−1, idx = 0, 1, …
 * f     = −n·d·½·log 2π
 *         + Σ_i logsumexp_k ( α_k + Σ_j q_kj − ½ ‖Q_k (x_i − μ_k)‖² )
 *         − n · logsumexp_k α_k
 *         + Σ_k ( ½ γ² (Σ_j exp(q_kj)² + Σ l_k²) − m Σ_j q_kj )          (Wishart prior)
 *         − K · ( n'·d·(log γ − ½ log 2) − log Γ_d(n'/2) )              n' = d + m + 1
 * log Γ_d(a) = ¼ d(d−1) log π + Σ_{j=1..d} log Γ(a + (1−j)/2)         (multivariate log-gamma)
 * logsumexp(v) = max v + log Σ exp(v_i − max v)
 * </pre>
 *
 * <p>The max in logsumexp is taken on the values ({@code getReal()}); the result does not depend
 * on which element is subtracted, so every mode gets the same derivative. The constants are plain
 * {@code double}. Cost: about n·K·(d² + 4d) operations; the gradient has K(1 + d + d(d+1)/2)
 * entries (330 for d = 10, K = 5).
 *
 * <p>Check: on ADBench's {@code data/gmm/test.txt} (d = 2, K = 3, n = 1) f = 8.073804080049758.
 */
public final class GmmObjective implements ScalarFunction {

    private static final double LOG_2PI = FastMath.log(2 * FastMath.PI);

    private final int d;
    private final int k;
    private final double[][] x;
    private final double gamma;
    private final int m;
    /** −n·d·½·log 2π − K·C: every term that does not depend on the parameters. */
    private final double constant;
    /** Whether logsumexp's max is taken on the tape ({@code Functions.max}) rather than by {@code getReal()}. */
    private final boolean maxOnTape;

    /**
     * @param instance the points and prior (its parameters are not used)
     */
    public GmmObjective(GmmInstance instance) {
        this(instance, false);
    }

    /**
     * The same objective with logsumexp's max taken by {@code Functions.max} on the operands
     * rather than chosen with {@code getReal()}: no value escapes into control flow, so a reverse-mode
     * recording of it can be replayed and compiled. The max cancels out of the value and the
     * derivative alike (∂/∂m [m + log Σ exp(vᵢ − m)] = 0), so both agree with the other form up to
     * rounding.
     *
     * @param instance the points and prior
     * @return the replayable objective
     */
    public static GmmObjective replayable(GmmInstance instance) {
        return new GmmObjective(instance, true);
    }

    private GmmObjective(GmmInstance instance, boolean maxOnTape) {
        this.maxOnTape = maxOnTape;
        this.d = instance.d();
        this.k = instance.k();
        this.x = instance.pointsUnsafe();
        this.gamma = instance.wishartGamma();
        this.m = instance.wishartM();
        int nPrime = d + m + 1;
        double c = nPrime * d * (FastMath.log(gamma) - 0.5 * FastMath.log(2))
                - logMultiGamma(0.5 * nPrime, d);
        this.constant = -x.length * d * 0.5 * LOG_2PI - k * c;
    }

    /**
     * log Γ_p(a) = ¼ p(p−1) log π + Σ_{j=1..p} log Γ(a + (1−j)/2), the multivariate log-gamma.
     *
     * @param a argument, &gt; (p−1)/2
     * @param p dimension
     * @return log Γ_p(a)
     */
    static double logMultiGamma(double a, int p) {
        double out = 0.25 * p * (p - 1) * FastMath.log(FastMath.PI);
        for (int j = 1; j <= p; j++) {
            out += Gamma.logGamma(a + 0.5 * (1 - j));
        }
        return out;
    }

    /** @return the number of parameters, K + K·d + K·d(d+1)/2 */
    public int parameterCount() {
        return GmmInstance.parameterCount(d, k);
    }

    /**
     * The objective, generically.
     *
     * @param p the parameters in ADBench order (α, μ, icf), length {@link #parameterCount()}
     * @param <T> the number type
     * @return f(p)
     */
    @Override
    public <T extends RealFieldElement<T>> T value(T[] p) {
        checkLength(p.length);
        Field<T> field = p[0].getField();
        int icf = GmmInstance.icfSize(d);
        int muOffset = k;
        int icfOffset = k + k * d;
        T[] sumQ = MathArrays.buildArray(field, k);
        T[][] diag = MathArrays.buildArray(field, k, d);
        T prior = field.getZero();
        for (int c = 0; c < k; c++) {
            int base = icfOffset + c * icf;
            T sum = field.getZero();
            T frobenius = field.getZero();
            for (int j = 0; j < d; j++) {
                sum = sum.add(p[base + j]);
                diag[c][j] = p[base + j].exp();
                frobenius = frobenius.add(diag[c][j].multiply(diag[c][j]));
            }
            for (int j = d; j < icf; j++) {
                frobenius = frobenius.add(p[base + j].multiply(p[base + j]));
            }
            sumQ[c] = sum;
            prior = prior.add(frobenius.multiply(0.5 * gamma * gamma)).subtract(sum.multiply(m));
        }
        T[] main = MathArrays.buildArray(field, k);
        T[] centred = MathArrays.buildArray(field, d);
        T[] qx = MathArrays.buildArray(field, d);
        T total = field.getZero();
        for (double[] xi : x) {
            for (int c = 0; c < k; c++) {
                int mu = muOffset + c * d;
                for (int j = 0; j < d; j++) {
                    centred[j] = p[mu + j].negate().add(xi[j]);
                    qx[j] = diag[c][j].multiply(centred[j]);
                }
                int l = icfOffset + c * icf + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        qx[row] = qx[row].add(p[l++].multiply(centred[col]));
                    }
                }
                T norm = field.getZero();
                for (int j = 0; j < d; j++) {
                    norm = norm.add(qx[j].multiply(qx[j]));
                }
                main[c] = p[c].add(sumQ[c]).subtract(norm.multiply(0.5));
            }
            total = total.add(maxOnTape ? logSumExpOnTape(main, k) : logSumExp(main, k));
        }
        T alphas = maxOnTape ? logSumExpOnTape(p, k) : logSumExp(p, k);
        return total.subtract(alphas.multiply(x.length)).add(prior).add(constant);
    }

    /**
     * The objective on plain {@code double}: the baseline, the same arithmetic as
     * {@link #value(RealFieldElement[])}.
     *
     * @param p the parameters in ADBench order (α, μ, icf)
     * @return f(p)
     */
    public double value(double[] p) {
        checkLength(p.length);
        int icf = GmmInstance.icfSize(d);
        int icfOffset = k + k * d;
        double[] sumQ = new double[k];
        double[][] diag = new double[k][d];
        double prior = 0;
        for (int c = 0; c < k; c++) {
            int base = icfOffset + c * icf;
            double sum = 0;
            double frobenius = 0;
            for (int j = 0; j < d; j++) {
                sum += p[base + j];
                diag[c][j] = FastMath.exp(p[base + j]);
                frobenius += diag[c][j] * diag[c][j];
            }
            for (int j = d; j < icf; j++) {
                frobenius += p[base + j] * p[base + j];
            }
            sumQ[c] = sum;
            prior += 0.5 * gamma * gamma * frobenius - m * sum;
        }
        double[] main = new double[k];
        double[] centred = new double[d];
        double[] qx = new double[d];
        double total = 0;
        for (double[] xi : x) {
            for (int c = 0; c < k; c++) {
                int mu = k + c * d;
                for (int j = 0; j < d; j++) {
                    centred[j] = xi[j] - p[mu + j];
                    qx[j] = diag[c][j] * centred[j];
                }
                int l = icfOffset + c * icf + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        qx[row] += p[l++] * centred[col];
                    }
                }
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += qx[j] * qx[j];
                }
                main[c] = p[c] + sumQ[c] - 0.5 * norm;
            }
            total += logSumExp(main, k);
        }
        return total - x.length * logSumExp(p, k) + prior + constant;
    }

    /** log Σ_{i<len} exp(v[i]), shifted by the largest value (chosen on the values). */
    private static <T extends RealFieldElement<T>> T logSumExp(T[] v, int len) {
        int arg = 0;
        for (int i = 1; i < len; i++) {
            if (v[i].getReal() > v[arg].getReal()) {
                arg = i;
            }
        }
        T max = v[arg];
        T sum = v[0].subtract(max).exp();
        for (int i = 1; i < len; i++) {
            sum = sum.add(v[i].subtract(max).exp());
        }
        return sum.log().add(max);
    }

    /** log Σ_{i<len} exp(v[i]), shifted by max v taken on the operands (Functions.max: replayable). */
    private static <T extends RealFieldElement<T>> T logSumExpOnTape(T[] v, int len) {
        T max = v[0];
        for (int i = 1; i < len; i++) {
            max = Functions.max(max, v[i]);
        }
        T sum = v[0].subtract(max).exp();
        for (int i = 1; i < len; i++) {
            sum = sum.add(v[i].subtract(max).exp());
        }
        return sum.log().add(max);
    }

    private static double logSumExp(double[] v, int len) {
        double max = v[0];
        for (int i = 1; i < len; i++) {
            max = Math.max(max, v[i]);
        }
        double sum = 0;
        for (int i = 0; i < len; i++) {
            sum += FastMath.exp(v[i] - max);
        }
        return FastMath.log(sum) + max;
    }

    private void checkLength(int length) {
        if (length != parameterCount()) {
            throw new IllegalArgumentException("GMM parameters must have length " + parameterCount()
                    + " (d = " + d + ", K = " + k + "), but has length " + length);
        }
    }
}
