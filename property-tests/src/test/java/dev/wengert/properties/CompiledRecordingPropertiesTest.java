package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.reverse.CompiledRecording;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * A compiled recording ({@link Recording#compile()}) equals the interpreted replay bit for bit —
 * values, Jacobian, J·v, wᵀ·J and the gradient of the scalarization — on safe and raw random
 * programs (NaN, ±∞ and signed zeros included), at the recorded point and at another one; a
 * compiled replay ({@link Recording#compileReplay()}) leaves every value and partial of the tape
 * as the interpreted replay does, on the same programs; and
 * compiling many recordings does not fill the metaspace, because their hidden classes unload.
 */
class CompiledRecordingPropertiesTest {

    @Test
    void aCompiledRecordingEqualsReplayBitForBitOnSafePrograms() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(CompiledRecordingPropertiesTest::compiledEqualsReplay);
    }

    @Test
    void aCompiledRecordingEqualsReplayBitForBitOnRawPrograms() {
        Budget.qt().forAll(ProgramGenerator.raw()).assuming(p -> !p.readsNaNSign)
                .checkAssert(CompiledRecordingPropertiesTest::compiledEqualsReplay);
    }

    @Test
    void aCompiledReplayWritesTheTapeAsReplayOnSafePrograms() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(CompiledRecordingPropertiesTest::compiledReplayEqualsReplay);
    }

    @Test
    void aCompiledReplayWritesTheTapeAsReplayOnRawPrograms() {
        Budget.qt().forAll(ProgramGenerator.raw()).assuming(p -> !p.readsNaNSign)
                .checkAssert(CompiledRecordingPropertiesTest::compiledReplayEqualsReplay);
    }

    @Test
    void compilingTenThousandRecordingsKeepsMetaspaceBounded() {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        double[] x = {0.5, -1.5, 2};
        compileMany(200, x);                 // warm up: the JDK's own classes for hidden classes
        long metaspace = metaspaceAfterGc();
        long unloaded = classes.getUnloadedClassCount();
        int count = 10_000;
        compileMany(count, x);
        long grown = metaspaceAfterGc() - metaspace;
        long unloadedNow = classes.getUnloadedClassCount() - unloaded;
        assertTrue(unloadedNow >= count * 9L / 10, "only " + unloadedNow + " of " + count + " classes unloaded");
        assertTrue(grown < 8L << 20, "metaspace grew by " + grown + " bytes over " + count + " compilations");
    }

    private static void compiledEqualsReplay(Program p) {
        double[] x = p.point();
        ReverseMode reverse = new ReverseMode();
        Recording rec = reverse.record(p.expression, x);
        CompiledRecording c = rec.compile();
        Recording scalar = reverse.record(ExpectAd.scalarization(p.expression), x);
        CompiledRecording cs = scalar.compile();
        for (double[] at : new double[][] {x, moved(x)}) {
            double[] v = new double[at.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = j % 3 == 2 ? -0.0 : 1.0 / (j + 1);
            }
            double[] w = new double[p.expression.outputs()];
            for (int k = 0; k < w.length; k++) {
                w[k] = k % 2 == 0 ? -0.5 : 0.0;
            }
            String where = p + " at " + Arrays.toString(at);
            sameBits(where + " values", rec.values(at), c.values(at));
            double[][] jr = rec.jacobian(at);
            double[][] jc = c.jacobian(at);
            for (int k = 0; k < jr.length; k++) {
                sameBits(where + " Jacobian row " + k, jr[k], jc[k]);
            }
            sameBits(where + " J·v", rec.jvp(at, v), c.jvp(at, v));
            sameBits(where + " wᵀ·J", rec.vjp(at, w), c.vjp(at, w));
            sameBits(where + " gradient", scalar.gradient(at), cs.gradient(at));
        }
    }

    /**
     * Two recordings of p, one with its replay compiled ({@link Recording#compileReplay()}),
     * replayed at the same points: every value and every partial of their tapes, read through
     * their views, agree bit for bit.
     */
    private static void compiledReplayEqualsReplay(Program p) {
        double[] x = p.point();
        ReverseMode reverse = new ReverseMode();
        Recording interpreted = reverse.record(p.expression, x);
        Recording compiled = reverse.record(p.expression, x);
        assertTrue(compiled.compileReplay());
        for (double[] at : new double[][] {moved(x), x}) {
            String where = p + " at " + Arrays.toString(at);
            sameTape(where, interpreted.replay(at).view(), compiled.replay(at).view());
        }
    }

    private static void sameTape(String where, TapeView a, TapeView b) {
        int size = a.size();
        double[] va = new double[size];
        double[] vb = new double[size];
        a.copyValues(va);
        b.copyValues(vb);
        sameBits(where + " tape values", va, vb);
        int edges = (int) a.edgeCount();
        double[] pa = new double[edges];
        double[] pb = new double[edges];
        a.copyEdges(new int[size + 1], new int[edges], pa);
        b.copyEdges(new int[size + 1], new int[edges], pb);
        sameBits(where + " tape partials", pa, pb);
    }

    /** Another point: each coordinate moved, special values kept special (as RecordingPropertiesTest). */
    private static double[] moved(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = Double.isFinite(x[j]) && Math.abs(x[j]) < 1e300 ? x[j] * 0.9 + 0.0625 * (j % 3 - 1) : x[j];
        }
        return y;
    }

    private static void sameBits(String what, double[] expected, double[] actual) {
        for (int j = 0; j < expected.length; j++) {
            if (!Close.identical(expected[j], actual[j])) {
                throw new AssertionError(String.format(Locale.ROOT, "%s[%d]: replay %s, compiled %s",
                        what, j, expected[j], actual[j]));
            }
        }
    }

    private static void compileMany(int count, double[] x) {
        ReverseMode reverse = new ReverseMode();
        double sum = 0;
        for (int r = 0; r < count; r++) {
            final double c = r;
            ScalarFunction f = new ScalarFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] v) {
                    return v[0].multiply(v[1]).add(c).sin().divide(v[2].exp().add(1));
                }
            };
            sum += reverse.record(f, x).compile().gradient(x)[0];
        }
        assertTrue(Double.isFinite(sum));
    }

    private static long metaspaceAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used = pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
