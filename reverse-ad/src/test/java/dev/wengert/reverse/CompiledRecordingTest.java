package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.MoreGarbowHillstrom.Problem;
import dev.wengert.core.testing.Seed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * A compiled recording equals the interpreted replay bit for bit (values, gradient, vjp, jvp,
 * Jacobian — compared by {@link Double#doubleToLongBits}: every bit, signed zeros included; a NaN
 * equals any NaN, since which NaN an operation on two NaNs returns is the processor's choice and
 * the JIT's operand order) on the Moré–Garbow–Hillstrom
 * problems, the seed examples and mixed mode's families; refuses what replay refuses; serves many
 * threads; and falls back to the interpreter, saying so, past its size limit.
 */
class CompiledRecordingTest {

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void compiledEqualsReplayBitForBitOnMoreGarbowHillstrom() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            double[][] points = p.points();
            for (double[] x0 : points) {
                Recording rec = reverse.record(p.residuals(), x0);
                CompiledRecording c = rec.compile();
                assertTrue(c.isCompiled(), c.toString());
                for (double[] x : points) {
                    if (x.length != x0.length) {
                        continue;
                    }
                    assertSameAsReplay(p.name(), rec, c, x);
                    assertSameAsReplay(p.name(), rec, c, moved(x));
                }
            }
        }
    }

    @Test
    void compiledEqualsReplayBitForBitOnTheSeedExamples() {
        check("product", scalar(Seed::product), new double[] {3, 4}, new double[] {-0.0, 7});
        check("x*y + x^2", scalar(Seed::xyPlusXSquared), new double[] {2, 3}, new double[] {-1.5, 0.25});
        check("two-layer", scalar(Seed::twoLayer), new double[] {2, 3, 4, 1, 0.5}, new double[] {-1, 0.3, 0, 2, -4});
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -1.2 + 0.01 * i : 1 - 0.005 * i;
            y[i] = Math.sin(i);
        }
        check("rosenbrock", scalar(Seed::rosenbrock), x, y);
        check("polar", Seed::polar, new double[] {1, 0.5, 2}, new double[] {-2, 3, -0.0});
    }

    @Test
    void compiledEqualsReplayBitForBitOnTheBottleneckMlpAndBroydenFamilies() {
        check("bottleneck k=3", Families.bottleneck(3), Families.point(40, 1.0), Families.point(40, 0.3));
        check("mlp", Families.mlp(6, 8, 3), Families.point(6, 1.0), Families.point(6, -2.0));
        check("broyden", Families.BROYDEN, Families.point(30, 1.0), Families.point(30, 0.5));
    }

    @Test
    void specialValuesGoThroughAsInReplay() {
        VectorFunction f = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] v) {
                T[] out = MathArrays.buildArray(v[0].getField(), 6);
                out[0] = v[0].sqrt().add(v[1].log()).multiply(v[2]);
                out[1] = v[0].divide(v[1]).add(v[2].pow(v[0])).atan2(v[1]);
                out[2] = v[0].abs().multiply(v[1].negate()).hypot(v[2].exp());
                out[3] = v[0].linearCombination(v[0], v[1], v[2], v[0]).add(v[1].pow(3)).copySign(v[2]);
                out[4] = v[0].linearCombination(new double[] {2, -0.0, 3}, v).subtract(v[2].reciprocal());
                out[5] = v[0].linearCombination(v, v).add(v[1].multiply(0.0)).divide(2.5).pow(2.5).rootN(3);
                return out;
            }
        };
        double[] start = {1.5, 2, -0.5};
        double[][] specials = {
            {0.0, -0.0, 1}, {-0.0, 0.0, -1}, {Double.NaN, 1, 2}, {Double.POSITIVE_INFINITY, 1, 0},
            {1, Double.NEGATIVE_INFINITY, -0.0}, {-1, 0, Double.MIN_VALUE}, {Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300},
        };
        Recording rec = reverse.record(f, start);
        CompiledRecording c = rec.compile();
        for (double[] x : specials) {
            assertSameAsReplay("specials", rec, c, x);
        }
    }

    @Test
    void aRecordingThatCannotBeReplayedCannotBeCompiled() {
        ScalarFunction escaping = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T s = x[0].multiply(x[1]);
                return s.getReal() > 0 ? s : s.negate();
            }
        };
        Recording rec = reverse.record(escaping, new double[] {1, 2});
        IllegalStateException replay = assertThrows(IllegalStateException.class, () -> rec.replay(new double[] {1, 2}));
        IllegalStateException compile = assertThrows(IllegalStateException.class, rec::compile);
        assertEquals(replay.getMessage(), compile.getMessage());
    }

    @Test
    void misuseIsRefusedWithTheExpectedShape() {
        CompiledRecording c = reverse.record((VectorFunction) Seed::polar, new double[] {1, 2, 3}).compile();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.values(new double[4]));
        assertTrue(e.getMessage().contains("point x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.gradient(new double[3]));
        assertTrue(e.getMessage().contains("one output"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.vjp(new double[3], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> c.jvp(new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> c.jacobian(null));
    }

    @Test
    void manyGroupsAndChunksStayBitIdentical() {
        int n = 6000;   // about 21,000 entries and 36,000 operands: several classes, many methods each
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(i);
            y[i] = -0.5 + 0.001 * i;
        }
        Recording rec = reverse.record(scalar(Seed::rosenbrock), x);
        CompiledRecording c = rec.compile();
        assertTrue(c.isCompiled());
        assertTrue(c.toString().contains("classes"), c.toString());
        assertSameAsReplay("rosenbrock n=6000", rec, c, y);
    }

    @Test
    void aMillionOperationChainIsInterpretedWithoutError() {
        ScalarFunction chain = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T s = x[0];
                for (int i = 0; i < 1_000_000; i++) {
                    s = s.multiply(0.999999).add(x[1]);
                }
                return s.sin();
            }
        };
        Recording rec = reverse.record(chain, new double[] {0.5, 1e-7});
        CompiledRecording c = rec.compile();
        assertFalse(c.isCompiled());
        assertTrue(c.toString().startsWith("interpreted recording: 2000003 entries"), c.toString());
        double[] x = {0.25, -2e-7};
        double[] g = c.gradient(x);
        double[] expected = rec.gradient(x);
        assertBits("chain gradient", new double[][] {expected}, new double[][] {g});
    }

    @Test
    void oneCompiledRecordingServesManyThreadsBitIdentically() throws Exception {
        Recording rec = reverse.record(Families.bottleneck(2), Families.point(30, 1.0));
        CompiledRecording c = rec.compile();
        List<double[]> points = new ArrayList<>();
        List<double[][]> expected = new ArrayList<>();
        for (int p = 0; p < 16; p++) {
            double[] x = Families.point(30, 0.1 * p - 0.7);
            points.add(x);
            expected.add(rec.jacobian(x));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (double[] x : points) {
                    results.add(pool.submit(() -> c.jacobian(x)));
                }
            }
            for (int r = 0; r < results.size(); r++) {
                assertBits("thread " + r, expected.get(r % points.size()), results.get(r).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ helpers

    private void check(String name, VectorFunction f, double[] x0, double[] x1) {
        Recording rec = reverse.record(f, x0);
        CompiledRecording c = rec.compile();
        assertTrue(c.isCompiled(), c.toString());
        assertSameAsReplay(name, rec, c, x0);
        assertSameAsReplay(name, rec, c, x1);
        assertSameAsReplay(name, rec, c, moved(x1));
    }

    /** Every method of c at x against the recording replayed at x. */
    static void assertSameAsReplay(String name, Recording rec, CompiledRecording c, double[] x) {
        String at = name + " at " + (x.length <= 8 ? Arrays.toString(x) : "a point of " + x.length);
        int n = x.length;
        int m = rec.outputCount();
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = j % 3 == 2 ? 0 : 1.0 / (j + 1) - (j % 2) * 0.75;
        }
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            w[k] = k % 4 == 3 ? -0.0 : 0.5 - k;
        }
        assertBits(at + " values", new double[][] {rec.values(x)}, new double[][] {c.values(x)});
        assertBits(at + " Jacobian", rec.jacobian(x), c.jacobian(x));
        assertBits(at + " J·v", new double[][] {rec.jvp(x, v)}, new double[][] {c.jvp(x, v)});
        assertBits(at + " wᵀ·J", new double[][] {rec.vjp(x, w)}, new double[][] {c.vjp(x, w)});
        if (m == 1) {
            assertBits(at + " gradient", new double[][] {rec.gradient(x)}, new double[][] {c.gradient(x)});
        }
    }

    static void assertBits(String what, double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                if (Double.doubleToLongBits(expected[i][j]) != Double.doubleToLongBits(actual[i][j])) {
                    throw new AssertionError(what + " [" + i + "][" + j + "]: replay " + expected[i][j]
                            + ", compiled " + actual[i][j]);
                }
            }
        }
    }

    private static double[] moved(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] * 0.9 + 0.0625 * (j % 3 - 1);
        }
        return y;
    }

    private static VectorFunction scalar(ScalarFunction f) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] y = MathArrays.buildArray(x[0].getField(), 1);
                y[0] = f.value(x);
                return y;
            }
        };
    }
}
