package dev.wengert.mixed;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The outcome of a {@link LeastSquaresFit}: the estimates b̂ and the statistics of the linearised
 * model at b̂, computed from the exact (weighted) Jacobian J evaluated there.
 *
 * <ul>
 * <li>S = Σ w<sub>i</sub>·r<sub>i</sub>², the residual sum of squares; ν = m − n degrees of freedom;
 *     s = √(S/ν), the residual standard deviation;</li>
 * <li>the covariance s²·(JᵀJ)⁻¹, formed from the singular value decomposition J = U·Σ·Vᵀ as
 *     s²·V·Σ⁻²·Vᵀ (JᵀJ is never formed, so its condition number is not squared); the standard errors
 *     are the square roots of its diagonal and the correlations c<sub>jk</sub>/√(c<sub>jj</sub>c<sub>kk</sub>).</li>
 * </ul>
 *
 * <p>A result is flagged, never silently wrong: {@link #isSingular()} when JᵀJ is singular at b̂
 * (a singular value of J at most max(m, n)·ε·σ<sub>max</sub>, i.e. the parameters are not all
 * identifiable), and then the covariance, standard errors and correlations throw
 * {@link IllegalStateException}, as they do when ν = 0; {@link #converged()} is false when the
 * evaluation cap stopped the fit. Immutable.
 */
public final class FitResult {

    /** Why the fit stopped. */
    public enum Stop {
        /** commons-math3's Levenberg–Marquardt met its cost, parameter or orthogonality tolerance */
        CONVERGED("converged: relative reduction of the cost, step or gradient below the tolerance"),
        /** no further reduction in the cost or the step is possible at machine precision */
        NO_FURTHER_REDUCTION("converged: no further reduction possible at machine precision"),
        /** the evaluation cap was reached before convergence: the estimates are the best point seen */
        EVALUATION_LIMIT("NOT converged: the evaluation limit was reached (best point seen returned)");

        private final String text;

        Stop(String text) {
            this.text = text;
        }

        /** @return a sentence saying why */
        public String text() {
            return text;
        }
    }

    private final List<String> names;
    private final double[] estimates;
    private final double[] residuals;
    private final double rss;
    private final int dof;
    private final int rank;
    private final double[][] covariance;
    private final int iterations;
    private final int evaluations;
    private final int restarts;
    private final Stop stop;
    private final String method;

    private FitResult(List<String> names, double[] estimates, double[] residuals, double rss, int dof, int rank,
            double[][] covariance, int iterations, int evaluations, int restarts, Stop stop, String method) {
        this.names = names;
        this.estimates = estimates;
        this.residuals = residuals;
        this.rss = rss;
        this.dof = dof;
        this.rank = rank;
        this.covariance = covariance;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.restarts = restarts;
        this.stop = stop;
        this.method = method;
    }

    static FitResult at(List<String> names, double[] b, double[] target, double[] values, double[][] jacobian,
            int iterations, int evaluations, int restarts, Stop stop, String method) {
        int m = target.length;
        int n = b.length;
        double[] r = new double[m];
        double rss = 0;
        for (int i = 0; i < m; i++) {
            r[i] = target[i] - values[i];
            rss += r[i] * r[i];
        }
        int dof = m - n;
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian, false));
        double[] sigma = svd.getSingularValues();
        double floor = Math.max(m, n) * Math.ulp(1.0) * sigma[0];
        int rank = 0;
        for (double s : sigma) {
            if (s > floor) {
                rank++;
            }
        }
        double[][] cov = null;
        if (rank == n && dof > 0 && sigma[0] > 0) {
            double s2 = rss / dof;
            RealMatrix v = svd.getV();
            cov = new double[n][n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    double sum = 0;
                    for (int l = 0; l < n; l++) {
                        sum += v.getEntry(j, l) * v.getEntry(k, l) / (sigma[l] * sigma[l]);
                    }
                    cov[j][k] = s2 * sum;
                }
            }
        }
        return new FitResult(names, b.clone(), r, rss, dof, rank, cov, iterations, evaluations, restarts, stop, method);
    }

    /** @return the parameter names, in order */
    public List<String> parameters() {
        return names;
    }

    /** @return b̂, one value per parameter */
    public double[] estimates() {
        return estimates.clone();
    }

    /** @return the weighted residuals √w<sub>i</sub>·(y<sub>i</sub> − f(b̂; x<sub>i</sub>)) */
    public double[] residuals() {
        return residuals.clone();
    }

    /** @return S = Σ w<sub>i</sub>·(y<sub>i</sub> − f(b̂; x<sub>i</sub>))² */
    public double residualSumOfSquares() {
        return rss;
    }

    /** @return ν = m − n */
    public int degreesOfFreedom() {
        return dof;
    }

    /**
     * @return s = √(S/ν)
     * @throws IllegalStateException if ν = 0
     */
    public double residualStandardDeviation() {
        if (dof == 0) {
            throw new IllegalStateException("no residual standard deviation: as many observations as parameters"
                    + " (0 degrees of freedom)");
        }
        return Math.sqrt(rss / dof);
    }

    /** @return whether JᵀJ is singular at b̂ (rank below the number of parameters) */
    public boolean isSingular() {
        return rank < estimates.length;
    }

    /** @return the numerical rank of J at b̂ */
    public int rank() {
        return rank;
    }

    /**
     * @return s²·(JᵀJ)⁻¹, n × n
     * @throws IllegalStateException if JᵀJ is singular at b̂ or ν = 0
     */
    public double[][] covariance() {
        double[][] c = checkedCovariance();
        double[][] copy = new double[c.length][];
        for (int j = 0; j < c.length; j++) {
            copy[j] = c[j].clone();
        }
        return copy;
    }

    /**
     * @return the standard errors √c<sub>jj</sub>
     * @throws IllegalStateException if JᵀJ is singular at b̂ or ν = 0
     */
    public double[] standardErrors() {
        double[][] c = checkedCovariance();
        double[] se = new double[c.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(c[j][j]);
        }
        return se;
    }

    /**
     * @return the correlation matrix c<sub>jk</sub>/√(c<sub>jj</sub>·c<sub>kk</sub>)
     * @throws IllegalStateException if JᵀJ is singular at b̂ or ν = 0
     */
    public double[][] correlation() {
        double[][] c = checkedCovariance();
        int n = c.length;
        double[][] r = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                r[j][k] = j == k ? 1 : c[j][k] / Math.sqrt(c[j][j] * c[k][k]);
            }
        }
        return r;
    }

    /** @return Levenberg–Marquardt iterations, over all runs */
    public int iterations() {
        return iterations;
    }

    /** @return model-and-Jacobian evaluations, over all runs (and the final one at b̂) */
    public int evaluations() {
        return evaluations;
    }

    /** @return restarts from the optimum after the first run */
    public int restarts() {
        return restarts;
    }

    /** @return why the fit stopped */
    public Stop stop() {
        return stop;
    }

    /** @return false if the evaluation cap stopped the fit */
    public boolean converged() {
        return stop != Stop.EVALUATION_LIMIT;
    }

    /** @return how the Jacobian was obtained */
    public String jacobianMethod() {
        return method;
    }

    private double[][] checkedCovariance() {
        if (dof == 0) {
            throw new IllegalStateException("no covariance: as many observations as parameters (0 degrees of freedom)");
        }
        if (covariance == null) {
            throw new IllegalStateException("JᵀJ is singular at the estimates (rank " + rank + " of " + estimates.length
                    + " parameters): the parameters " + names + " are not all identifiable from these data");
        }
        return covariance;
    }

    @Override
    public String toString() {
        return "FitResult" + names + " = " + java.util.Arrays.toString(estimates) + ", S = " + rss + ", " + stop;
    }
}
