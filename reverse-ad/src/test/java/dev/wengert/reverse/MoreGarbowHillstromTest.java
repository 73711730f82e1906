package dev.wengert.reverse;

import static dev.wengert.reverse.Reference.assertClose;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * Moré, Garbow and Hillstrom, "Testing unconstrained optimization software" (1981): residuals
 * F: Rⁿ → Rᵐ with Jacobians derived by hand here. Reverse-mode Jacobians must agree with them and
 * with DerivativeStructure (order 1) to 1e-13 relative; Hessians of Σ Fᵢ² with
 * DerivativeStructure (order 2) to 1e-12 of the largest entry; values with Decimal64 bit for bit.
 */
class MoreGarbowHillstromTest {

    record Problem(String name, VectorFunction f, Function<double[], double[][]> jacobian, double[]... points) {
    }

    private static final double[] BARD_Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58,
        0.73, 0.96, 1.34, 2.10, 4.39};
    private static final double[] GAUSS_Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521,
        0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    static final List<Problem> PROBLEMS = List.of(
            new Problem("Rosenbrock", MoreGarbowHillstromTest::rosenbrock,
                    x -> new double[][] {{-20 * x[0], 10}, {-1, 0}},
                    new double[] {-1.2, 1}, new double[] {0.3, -0.7}),
            new Problem("Freudenstein-Roth", MoreGarbowHillstromTest::freudensteinRoth,
                    x -> new double[][] {{1, -3 * x[1] * x[1] + 10 * x[1] - 2}, {1, 3 * x[1] * x[1] + 2 * x[1] - 14}},
                    new double[] {0.5, -2}, new double[] {1.5, 3.7}),
            new Problem("Powell badly scaled", MoreGarbowHillstromTest::powellBadlyScaled,
                    x -> new double[][] {{1e4 * x[1], 1e4 * x[0]}, {-FastMath.exp(-x[0]), -FastMath.exp(-x[1])}},
                    new double[] {0, 1}, new double[] {1.1e-5, 9.1}),
            new Problem("Brown badly scaled", MoreGarbowHillstromTest::brownBadlyScaled,
                    x -> new double[][] {{1, 0}, {0, 1}, {x[1], x[0]}},
                    new double[] {1, 1}, new double[] {1e6, 2e-6}),
            new Problem("Beale", MoreGarbowHillstromTest::beale, MoreGarbowHillstromTest::bealeJacobian,
                    new double[] {1, 1}, new double[] {3, 0.5}),
            new Problem("Jennrich-Sampson", MoreGarbowHillstromTest::jennrichSampson,
                    MoreGarbowHillstromTest::jennrichSampsonJacobian,
                    new double[] {0.3, 0.4}, new double[] {0.2578, 0.2578}),
            new Problem("Helical valley", MoreGarbowHillstromTest::helicalValley,
                    MoreGarbowHillstromTest::helicalValleyJacobian,
                    new double[] {-1, 0, 0}, new double[] {0.7, 0.4, 1.3}),
            new Problem("Bard", MoreGarbowHillstromTest::bard, MoreGarbowHillstromTest::bardJacobian,
                    new double[] {1, 1, 1}, new double[] {0.08, 1.13, 2.34}),
            new Problem("Gaussian", MoreGarbowHillstromTest::gaussian, MoreGarbowHillstromTest::gaussianJacobian,
                    new double[] {0.4, 1, 0}, new double[] {0.3989, 1.0002, 0.1}),
            new Problem("Box 3-D", MoreGarbowHillstromTest::box3d, MoreGarbowHillstromTest::box3dJacobian,
                    new double[] {0, 10, 20}, new double[] {1, 10, 1}),
            new Problem("Powell singular", MoreGarbowHillstromTest::powellSingular,
                    MoreGarbowHillstromTest::powellSingularJacobian,
                    new double[] {3, -1, 0, 1}, new double[] {0.1, 0.2, -0.3, 0.4}),
            new Problem("Wood", MoreGarbowHillstromTest::wood, MoreGarbowHillstromTest::woodJacobian,
                    new double[] {-3, -1, -3, -1}, new double[] {1.1, 0.9, 0.7, 1.3}),
            new Problem("Biggs EXP6", MoreGarbowHillstromTest::biggsExp6, MoreGarbowHillstromTest::biggsJacobian,
                    new double[] {1, 2, 1, 1, 1, 1}, new double[] {1, 10, 1, 5, 4, 3}),
            new Problem("Extended Rosenbrock", MoreGarbowHillstromTest::extendedRosenbrock,
                    MoreGarbowHillstromTest::extendedRosenbrockJacobian,
                    new double[] {-1.2, 1, -1.2, 1, -1.2, 1}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}));

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void jacobiansAgreeWithHandDerivedOnesAndDerivativeStructure() {
        for (Problem p : PROBLEMS) {
            for (double[] x : p.points()) {
                String at = p.name() + " at " + java.util.Arrays.toString(x);
                double[][] jac = reverse.jacobian(p.f(), x);
                assertClose(p.jacobian().apply(x), jac, 1e-13, 1e-300, at + " vs hand-derived");
                assertClose(Reference.jacobian(p.f(), x), jac, 1e-13, 1e-300, at + " vs DerivativeStructure");
                Recording rec = reverse.record(p.f(), x);
                double[] y = rec.values();
                double[] expected = Reference.values(p.f(), x);
                for (int i = 0; i < y.length; i++) {
                    org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(expected[i]),
                            Double.doubleToRawLongBits(y[i]), at + " value " + i + " vs Decimal64");
                }
            }
        }
    }

    @Test
    void hessiansOfSumOfSquaresAgreeWithDerivativeStructureOrderTwo() {
        for (Problem p : PROBLEMS) {
            ScalarFunction phi = new ScalarFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] x) {
                    T[] r = p.f().value(x);
                    T s = r[0].multiply(r[0]);
                    for (int i = 1; i < r.length; i++) {
                        s = s.add(r[i].multiply(r[i]));
                    }
                    return s;
                }
            };
            for (double[] x : p.points()) {
                String at = p.name() + " at " + java.util.Arrays.toString(x);
                double[][] h = reverse.hessian(phi, x);
                double[][] ds = Reference.hessian(phi, x);
                assertClose(ds, h, 1e-12, Reference.maxAbs(ds), at + " Hessian vs DerivativeStructure");
                for (int i = 0; i < h.length; i++) {
                    for (int j = 0; j < i; j++) {
                        assertClose(h[i][j], h[j][i], 1e-12, Reference.maxAbs(h), at + " symmetry " + i + "," + j);
                    }
                }
                double[] g = Reference.gradient(phi, x);
                assertClose(g, reverse.gradient(phi, x), 1e-13, Reference.maxAbs(new double[][] {g}), at + " gradient");
            }
        }
    }

    /** Σ 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², the extended Rosenbrock objective of the benchmarks. */
    static <T extends RealFieldElement<T>> T extendedRosenbrockObjective(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i += 2) {
            T a = x[i + 1].subtract(x[i].multiply(x[i]));
            T b = x[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        return sum;
    }

    @Test
    void extendedRosenbrockGradientAndHessianAreExactAtHundredInputs() {
        ScalarFunction f = MoreGarbowHillstromTest::extendedRosenbrockObjective;
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -1.2 + 0.01 * i : 1 - 0.005 * i;
        }
        double[] expected = new double[x.length];
        double[][] hand = new double[x.length][x.length];
        for (int i = 0; i < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            expected[i] = -400 * x[i] * a - 2 * (1 - x[i]);
            expected[i + 1] = 200 * a;
            hand[i][i] = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            hand[i][i + 1] = -400 * x[i];
            hand[i + 1][i] = -400 * x[i];
            hand[i + 1][i + 1] = 200;
        }
        Recording rec = reverse.record(f, x);
        assertClose(expected, rec.gradient(), 1e-13, 1e-300, "gradient vs hand-derived");
        assertClose(Reference.gradient(f, x), rec.gradient(), 1e-13, 1e-300, "gradient vs DerivativeStructure");
        double[][] h = rec.hessian();
        assertClose(hand, h, 1e-12, Reference.maxAbs(hand), "Hessian vs hand-derived");
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < i; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(h[i][j], h[j][i], 1e-12 * Reference.maxAbs(h));
            }
        }
    }

    // ------------------------------------------------------------------ problems

    static <T extends RealFieldElement<T>> T[] rosenbrock(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 2);
        f[0] = x[1].subtract(x[0].multiply(x[0])).multiply(10);
        f[1] = x[0].negate().add(1);
        return f;
    }

    static <T extends RealFieldElement<T>> T[] freudensteinRoth(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 2);
        f[0] = x[0].add(-13).add(x[1].negate().add(5).multiply(x[1]).subtract(2).multiply(x[1]));
        f[1] = x[0].add(-29).add(x[1].add(1).multiply(x[1]).subtract(14).multiply(x[1]));
        return f;
    }

    static <T extends RealFieldElement<T>> T[] powellBadlyScaled(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 2);
        f[0] = x[0].multiply(x[1]).multiply(1e4).subtract(1);
        f[1] = x[0].negate().exp().add(x[1].negate().exp()).subtract(1.0001);
        return f;
    }

    static <T extends RealFieldElement<T>> T[] brownBadlyScaled(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 3);
        f[0] = x[0].subtract(1e6);
        f[1] = x[1].subtract(2e-6);
        f[2] = x[0].multiply(x[1]).subtract(2);
        return f;
    }

    static <T extends RealFieldElement<T>> T[] beale(T[] x) {
        double[] y = {1.5, 2.25, 2.625};
        T[] f = MathArrays.buildArray(x[0].getField(), 3);
        for (int i = 0; i < 3; i++) {
            f[i] = x[0].multiply(x[1].pow(i + 1).negate().add(1)).negate().add(y[i]);
        }
        return f;
    }

    static double[][] bealeJacobian(double[] x) {
        double[][] j = new double[3][];
        for (int i = 1; i <= 3; i++) {
            j[i - 1] = new double[] {-(1 - FastMath.pow(x[1], i)), x[0] * i * FastMath.pow(x[1], i - 1)};
        }
        return j;
    }

    static <T extends RealFieldElement<T>> T[] jennrichSampson(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 10);
        for (int i = 1; i <= 10; i++) {
            f[i - 1] = x[0].multiply(i).exp().add(x[1].multiply(i).exp()).negate().add(2 + 2 * i);
        }
        return f;
    }

    static double[][] jennrichSampsonJacobian(double[] x) {
        double[][] j = new double[10][];
        for (int i = 1; i <= 10; i++) {
            j[i - 1] = new double[] {-i * FastMath.exp(i * x[0]), -i * FastMath.exp(i * x[1])};
        }
        return j;
    }

    static <T extends RealFieldElement<T>> T[] helicalValley(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 3);
        T theta = x[1].atan2(x[0]).divide(2 * Math.PI);
        f[0] = x[2].subtract(theta.multiply(10)).multiply(10);
        f[1] = x[0].multiply(x[0]).add(x[1].multiply(x[1])).sqrt().subtract(1).multiply(10);
        f[2] = x[2];
        return f;
    }

    static double[][] helicalValleyJacobian(double[] x) {
        double r2 = x[0] * x[0] + x[1] * x[1];
        double r = Math.sqrt(r2);
        return new double[][] {
            {100 * x[1] / (2 * Math.PI * r2), -100 * x[0] / (2 * Math.PI * r2), 10},
            {10 * x[0] / r, 10 * x[1] / r, 0},
            {0, 0, 1}};
    }

    static <T extends RealFieldElement<T>> T[] bard(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 15);
        for (int i = 1; i <= 15; i++) {
            double u = i;
            double v = 16 - i;
            double w = Math.min(u, v);
            f[i - 1] = x[0].add(x[1].multiply(v).add(x[2].multiply(w)).reciprocal().multiply(u)).negate().add(BARD_Y[i - 1]);
        }
        return f;
    }

    static double[][] bardJacobian(double[] x) {
        double[][] j = new double[15][];
        for (int i = 1; i <= 15; i++) {
            double u = i;
            double v = 16 - i;
            double w = Math.min(u, v);
            double d = v * x[1] + w * x[2];
            j[i - 1] = new double[] {-1, u * v / (d * d), u * w / (d * d)};
        }
        return j;
    }

    static <T extends RealFieldElement<T>> T[] gaussian(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 15);
        for (int i = 1; i <= 15; i++) {
            double t = (8 - i) / 2.0;
            T s = x[2].negate().add(t);
            f[i - 1] = x[0].multiply(x[1].multiply(s.multiply(s)).multiply(-0.5).exp()).subtract(GAUSS_Y[i - 1]);
        }
        return f;
    }

    static double[][] gaussianJacobian(double[] x) {
        double[][] j = new double[15][];
        for (int i = 1; i <= 15; i++) {
            double t = (8 - i) / 2.0;
            double s = t - x[2];
            double e = FastMath.exp(-0.5 * x[1] * s * s);
            j[i - 1] = new double[] {e, -0.5 * x[0] * e * s * s, x[0] * e * x[1] * s};
        }
        return j;
    }

    static <T extends RealFieldElement<T>> T[] box3d(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 10);
        for (int i = 1; i <= 10; i++) {
            double t = 0.1 * i;
            f[i - 1] = x[0].multiply(-t).exp().subtract(x[1].multiply(-t).exp())
                    .subtract(x[2].multiply(FastMath.exp(-t) - FastMath.exp(-10 * t)));
        }
        return f;
    }

    static double[][] box3dJacobian(double[] x) {
        double[][] j = new double[10][];
        for (int i = 1; i <= 10; i++) {
            double t = 0.1 * i;
            j[i - 1] = new double[] {-t * FastMath.exp(-t * x[0]), t * FastMath.exp(-t * x[1]),
                -(FastMath.exp(-t) - FastMath.exp(-10 * t))};
        }
        return j;
    }

    static <T extends RealFieldElement<T>> T[] powellSingular(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 4);
        f[0] = x[0].add(x[1].multiply(10));
        f[1] = x[2].subtract(x[3]).multiply(Math.sqrt(5));
        f[2] = x[1].subtract(x[2].multiply(2)).pow(2);
        f[3] = x[0].subtract(x[3]).pow(2).multiply(Math.sqrt(10));
        return f;
    }

    static double[][] powellSingularJacobian(double[] x) {
        double a = x[1] - 2 * x[2];
        double b = x[0] - x[3];
        double s5 = Math.sqrt(5);
        double s10 = Math.sqrt(10);
        return new double[][] {{1, 10, 0, 0}, {0, 0, s5, -s5}, {0, 2 * a, -4 * a, 0}, {2 * s10 * b, 0, 0, -2 * s10 * b}};
    }

    static <T extends RealFieldElement<T>> T[] wood(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 6);
        f[0] = x[1].subtract(x[0].multiply(x[0])).multiply(10);
        f[1] = x[0].negate().add(1);
        f[2] = x[3].subtract(x[2].multiply(x[2])).multiply(Math.sqrt(90));
        f[3] = x[2].negate().add(1);
        f[4] = x[1].add(x[3]).subtract(2).multiply(Math.sqrt(10));
        f[5] = x[1].subtract(x[3]).multiply(1 / Math.sqrt(10));
        return f;
    }

    static double[][] woodJacobian(double[] x) {
        double s90 = Math.sqrt(90);
        double s10 = Math.sqrt(10);
        return new double[][] {
            {-20 * x[0], 10, 0, 0}, {-1, 0, 0, 0}, {0, 0, -2 * s90 * x[2], s90}, {0, 0, -1, 0},
            {0, s10, 0, s10}, {0, 1 / s10, 0, -1 / s10}};
    }

    static <T extends RealFieldElement<T>> T[] biggsExp6(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), 13);
        for (int i = 1; i <= 13; i++) {
            double t = 0.1 * i;
            double y = FastMath.exp(-t) - 5 * FastMath.exp(-10 * t) + 3 * FastMath.exp(-4 * t);
            f[i - 1] = x[2].multiply(x[0].multiply(-t).exp()).subtract(x[3].multiply(x[1].multiply(-t).exp()))
                    .add(x[5].multiply(x[4].multiply(-t).exp())).subtract(y);
        }
        return f;
    }

    static double[][] biggsJacobian(double[] x) {
        double[][] j = new double[13][];
        for (int i = 1; i <= 13; i++) {
            double t = 0.1 * i;
            double e1 = FastMath.exp(-t * x[0]);
            double e2 = FastMath.exp(-t * x[1]);
            double e5 = FastMath.exp(-t * x[4]);
            j[i - 1] = new double[] {-t * x[2] * e1, t * x[3] * e2, e1, -e2, -t * x[5] * e5, e5};
        }
        return j;
    }

    static <T extends RealFieldElement<T>> T[] extendedRosenbrock(T[] x) {
        T[] f = MathArrays.buildArray(x[0].getField(), x.length);
        for (int i = 0; i < x.length; i += 2) {
            f[i] = x[i + 1].subtract(x[i].multiply(x[i])).multiply(10);
            f[i + 1] = x[i].negate().add(1);
        }
        return f;
    }

    static double[][] extendedRosenbrockJacobian(double[] x) {
        double[][] j = new double[x.length][x.length];
        for (int i = 0; i < x.length; i += 2) {
            j[i][i] = -20 * x[i];
            j[i][i + 1] = 10;
            j[i + 1][i] = -1;
        }
        return j;
    }
}
