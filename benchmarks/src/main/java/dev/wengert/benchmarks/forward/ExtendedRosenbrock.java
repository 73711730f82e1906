package dev.wengert.benchmarks.forward;

import org.apache.commons.math3.RealFieldElement;

/**
 * The extended Rosenbrock function f(x) = Σ<sub>i</sub> 100(x<sub>2i+1</sub> − x<sub>2i</sub>²)² +
 * (1 − x<sub>2i</sub>)², n even: generic (for every number type) and hand-written on
 * {@code double} (the baseline).
 */
final class ExtendedRosenbrock {

    private ExtendedRosenbrock() {
    }

    static <T extends RealFieldElement<T>> T value(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i += 2) {
            T a = x[i + 1].subtract(x[i].multiply(x[i]));
            T b = x[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        return sum;
    }

    static double value(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = -x[i] + 1;
            sum = sum + a * a * 100 + b * b;
        }
        return sum;
    }

    /** @param n the dimension @return the classical start (−1.2, 1, −1.2, 1, …) perturbed per index */
    static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 2 == 0 ? -1.2 : 1.0) + 1e-3 * i;
        }
        return x;
    }
}
