package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.MoreGarbowHillstrom.Problem;
import dev.wengert.core.testing.Seed;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * A compiled replay ({@link Recording#compileReplay()}) leaves the tape exactly as the interpreted
 * replay does: after replaying two recordings of the same function at the same point, one compiled
 * and one not, their value, partial and linear-combination partial arrays agree in every bit
 * ({@link Double#doubleToLongBits}: signed zeros included, any NaN equal to any NaN) — the
 * contract mixed mode relies on when it reads the tape after a replay.
 */
class CompiledReplayTest {

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void aCompiledReplayWritesTheTapeAsReplayOnMoreGarbowHillstrom() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            double[][] points = p.points();
            double[] x0 = points[0];
            Recording interpreted = reverse.record(p.residuals(), x0);
            Recording compiled = reverse.record(p.residuals(), x0);
            assertTrue(compiled.compileReplay(), p.name());
            for (double[] x : points) {
                if (x.length == x0.length) {
                    assertSameTape(p.name(), interpreted, compiled, x);
                    assertSameTape(p.name(), interpreted, compiled, moved(x));
                }
            }
        }
    }

    @Test
    void aCompiledReplayWritesTheTapeAsReplayOnTheSeedExamplesAndFamilies() {
        check("x*y + x^2", scalar(Seed::xyPlusXSquared), new double[] {2, 3}, new double[] {-1.5, 0.25});
        check("two-layer", scalar(Seed::twoLayer), new double[] {2, 3, 4, 1, 0.5}, new double[] {-1, 0.3, 0, 2, -4});
        check("polar", Seed::polar, new double[] {1, 0.5, 2}, new double[] {-2, 3, -0.0});
        check("bottleneck k=3", Families.bottleneck(3), Families.point(40, 1.0), Families.point(40, 0.3));
        check("mlp", Families.mlp(6, 8, 3), Families.point(6, 1.0), Families.point(6, -2.0));
        check("broyden", Families.BROYDEN, Families.point(30, 1.0), Families.point(30, 0.5));
        double[] x = new double[6000];           // several classes, many methods each
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(i);
        }
        check("rosenbrock n=6000", scalar(Seed::rosenbrock), x, moved(x));
    }

    @Test
    void specialValuesAndLinearCombinationsGoThroughAsInReplay() {
        VectorFunction f = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] v) {
                T[] out = MathArrays.buildArray(v[0].getField(), 6);
                out[0] = v[0].sqrt().add(v[1].log()).multiply(v[2]);
                out[1] = v[0].divide(v[1]).add(v[2].pow(v[0])).atan2(v[1]);
                out[2] = v[0].abs().multiply(v[1].negate()).hypot(v[2].exp()).subtract(Functions.square(v[0]));
                out[3] = v[0].linearCombination(v[0], v[1], v[2], v[0]).add(v[1].pow(3)).copySign(v[2]);
                out[4] = v[0].linearCombination(new double[] {2, -0.0, 3}, v).subtract(v[2].reciprocal());
                out[5] = v[0].linearCombination(v, v).add(v[1].multiply(0.0)).divide(2.5).pow(2.5).rootN(3);
                return out;
            }
        };
        double[][] specials = {
            {0.0, -0.0, 1}, {-0.0, 0.0, -1}, {Double.NaN, 1, 2}, {Double.POSITIVE_INFINITY, 1, 0},
            {1, Double.NEGATIVE_INFINITY, -0.0}, {-1, 0, Double.MIN_VALUE}, {Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300},
        };
        double[] start = {1.5, 2, -0.5};
        Recording interpreted = reverse.record(f, start);
        Recording compiled = reverse.record(f, start);
        assertTrue(compiled.compileReplay());
        for (double[] x : specials) {
            assertSameTape("specials", interpreted, compiled, x);
        }
    }

    @Test
    void aRecordingThatCannotBeReplayedCannotCompileItsReplay() {
        ScalarFunction escaping = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T s = x[0].multiply(x[1]);
                return s.getReal() > 0 ? s : s.negate();
            }
        };
        Recording rec = reverse.record(escaping, new double[] {1, 2});
        IllegalStateException replay = assertThrows(IllegalStateException.class, () -> rec.replay(new double[] {1, 2}));
        IllegalStateException compile = assertThrows(IllegalStateException.class, rec::compileReplay);
        assertEquals(replay.getMessage(), compile.getMessage());
        assertFalse(rec.isReplayCompiled());
    }

    @Test
    void aRecordingAboveTheLimitKeepsItsInterpretedReplay() {
        ScalarFunction chain = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                T s = x[0];
                for (int i = 0; i < 200_000; i++) {
                    s = s.multiply(0.999999).add(x[1]);
                }
                return s.sin();
            }
        };
        Recording rec = reverse.record(chain, new double[] {0.5, 1e-7});
        assertFalse(rec.compileReplay());
        assertFalse(rec.isReplayCompiled());
        Recording again = reverse.record(chain, new double[] {0.5, 1e-7});
        double[] x = {0.25, -2e-7};
        CompiledRecordingTest.assertBits("chain gradient", new double[][] {again.gradient(x)},
                new double[][] {rec.gradient(x)});
    }

    // ------------------------------------------------------------------ helpers

    private void check(String name, VectorFunction f, double[] x0, double[] x1) {
        Recording interpreted = reverse.record(f, x0);
        Recording compiled = reverse.record(f, x0);
        assertTrue(compiled.compileReplay(), name);
        assertTrue(compiled.isReplayCompiled(), name);
        assertSameTape(name, interpreted, compiled, x1);
        assertSameTape(name, interpreted, compiled, x0);
        assertSameTape(name, interpreted, compiled, moved(x1));
    }

    /** Replays both at x and compares every array slot of the two tapes, then their Jacobians. */
    static void assertSameTape(String name, Recording interpreted, Recording compiled, double[] x) {
        interpreted.replay(x);
        compiled.replay(x);
        Tape a = interpreted.tape;
        Tape b = compiled.tape;
        assertEquals(a.size, b.size, name + ": sizes");
        assertEquals(a.narySize, b.narySize, name + ": linear-combination operands");
        sameBits(name + " value", a.value, b.value, a.size);
        sameBits(name + " partials", a.partials, b.partials, 2 * a.size);
        sameBits(name + " naryPartials", a.naryPartials, b.naryPartials, a.narySize);
        CompiledRecordingTest.assertBits(name + " Jacobian", interpreted.jacobian(), compiled.jacobian());
    }

    private static void sameBits(String what, double[] expected, double[] actual, int length) {
        for (int i = 0; i < length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: replay " + expected[i] + ", compiled replay " + actual[i]);
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
