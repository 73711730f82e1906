package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Differentiator;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.reverse.ReverseMode;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * Where mixed-ad compiles a replay when asked — a prepared Jacobian ({@link PreparedJacobian#compile()})
 * and the least-squares fitting path ({@link LeastSquaresFit#compiledReplay()}) — the compiled path
 * is taken and every number is the interpreted path's, bit for bit ({@link Double#doubleToLongBits});
 * without being asked, nothing is compiled however many evaluations are made.
 */
class CompiledReplayInMixedModeTest {

    @Test
    void aCompiledPreparedJacobianIsBitIdenticalToTheInterpretedOne() {
        List<VectorFunction> functions = List.of(Families.bottleneck(1), Families.bottleneck(3), Families.mlp(6, 8, 3),
                Families.BROYDEN);
        List<Integer> sizes = List.of(64, 40, 6, 50);
        for (int f = 0; f < functions.size(); f++) {
            int n = sizes.get(f);
            PreparedJacobian interpreted = new MixedMode().prepare(functions.get(f), Families.point(n, 0.8));
            PreparedJacobian compiled = new MixedMode().prepare(functions.get(f), Families.point(n, 0.8)).compile();
            assertFalse(interpreted.isCompiled());
            assertTrue(compiled.isCompiled());
            for (double scale : new double[] {0.3, -1.1, 2, 0.8}) {
                double[] x = Families.point(n, scale);
                String at = "function " + f + " at scale " + scale;
                assertBits(at + " Jacobian", interpreted.jacobian(x), compiled.jacobian(x));
                assertBits(at + " values", new double[][] {interpreted.values()}, new double[][] {compiled.values()});
                assertBits(at + " sparse Jacobian", interpreted.sparseJacobian(x).toDense(),
                        compiled.sparseJacobian(x).toDense());
            }
        }
    }

    @Test
    void withoutBeingAskedThePreparedJacobianNeverCompiles() {
        VectorFunction f = Families.bottleneck(1);
        PreparedJacobian prepared = new MixedMode(Runnable::run).prepare(f, Families.point(4, 0.5));
        double[] a = Families.point(4, 0.3);
        double[] b = Families.point(4, -0.7);
        for (int k = 0; k < 5000; k++) {
            prepared.jacobian(k % 2 == 0 ? a : b);
        }
        assertFalse(prepared.isCompiled(), "after 5000 evaluations");
        double[][] before = prepared.jacobian(a);
        assertTrue(prepared.compile().isCompiled());
        assertBits("the Jacobian at a, interpreted then compiled", before, prepared.jacobian(a));
    }

    @Test
    void aRecordingThatCannotBeReplayedIsNotCompiled() {
        VectorFunction escaping = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] y = MathArrays.buildArray(x[0].getField(), 1);
                y[0] = x[0].getReal() > 0 ? x[0].multiply(x[1]) : x[1];
                return y;
            }
        };
        PreparedJacobian prepared = new MixedMode().prepare(escaping, new double[] {1, 2});
        IllegalStateException e = assertThrows(IllegalStateException.class, prepared::compile);
        assertTrue(e.getMessage().contains("cannot be replayed"), e.getMessage());
        assertFalse(prepared.isCompiled());
    }

    static <T extends RealFieldElement<T>> T misra(T[] b, double[] x) {
        return b[0].multiply(b[1].multiply(-x[0]).exp().negate().add(1));
    }

    static <T extends RealFieldElement<T>> T rational(T[] b, double[] x) {   // Thurber's form, with atan and pow
        T num = b[0].add(b[1].multiply(x[0])).add(b[2].multiply(x[0] * x[0]));
        T den = b[3].multiply(x[0]).add(1).add(b[2].atan().multiply(0.01).pow(2));
        return num.divide(den).add(b[1].multiply(x[0]).cos().multiply(1e-3));
    }

    @Test
    void aFitWithCompiledReplayTakesTheCompiledPathAndGivesTheSameFitBitForBit() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.1 * i - 1;
            y[i] = (1.3 + 2 * x[i] + 0.4 * x[i] * x[i]) / (1 + 0.3 * x[i]) + 0.01 * Math.sin(5 * i);
        }
        double[] mx = new double[14];
        double[] my = new double[14];
        for (int i = 0; i < mx.length; i++) {
            mx[i] = 75 + 50 * i;
            my[i] = 240 * (1 - Math.exp(-5.5e-4 * mx[i])) + 0.1 * Math.sin(7 * i);
        }
        for (Differentiator d : List.<Differentiator>of(new MixedMode(), new ReverseMode())) {
            FitResult plain = LeastSquaresFit.of(CompiledReplayInMixedModeTest::rational, x, y).start(1, 1, 0.1, 0.1)
                    .differentiator(d).fit();
            FitResult compiled = LeastSquaresFit.of(CompiledReplayInMixedModeTest::rational, x, y).start(1, 1, 0.1, 0.1)
                    .differentiator(d).compiledReplay().fit();
            assertSameFit(d.name() + " rational", plain, compiled);
            plain = LeastSquaresFit.of(CompiledReplayInMixedModeTest::misra, mx, my).start(500, 1e-4).differentiator(d).fit();
            compiled = LeastSquaresFit.of(CompiledReplayInMixedModeTest::misra, mx, my).start(500, 1e-4).differentiator(d)
                    .compiledReplay().fit();
            assertSameFit(d.name() + " misra", plain, compiled);
        }
    }

    private static void assertSameFit(String what, FitResult plain, FitResult compiled) {
        assertTrue(compiled.jacobianMethod().contains("compiled"), what + ": " + compiled.jacobianMethod());
        assertFalse(plain.jacobianMethod().contains("compiled"), what + ": " + plain.jacobianMethod());
        assertEquals(plain.evaluations(), compiled.evaluations(), what + " evaluations");
        assertEquals(plain.iterations(), compiled.iterations(), what + " iterations");
        assertBits(what + " estimates", new double[][] {plain.estimates()}, new double[][] {compiled.estimates()});
        assertBits(what + " residuals", new double[][] {plain.residuals()}, new double[][] {compiled.residuals()});
        assertBits(what + " covariance", plain.covariance(), compiled.covariance());
    }

    static void assertBits(String what, double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                if (Double.doubleToLongBits(expected[i][j]) != Double.doubleToLongBits(actual[i][j])) {
                    throw new AssertionError(what + " [" + i + "][" + j + "]: interpreted " + expected[i][j]
                            + ", compiled " + actual[i][j]);
                }
            }
        }
    }
}
