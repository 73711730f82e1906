package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * The sweeps read the tape's interleaved arrays with tricks of their own (skipping zero adjoints,
 * partials read two at a time); these tests hold them to the plain textbook loops, written here
 * once over the public {@link TapeView} accessors — the loops the sweeps had before — bit for bit.
 */
class SweepBitIdentityTest {

    /** The textbook adjoint loop: v̄<sub>operand(i, k)</sub> += partial(i, k) · v̄ᵢ, i from the top down. */
    static double[] referenceAdjoints(TapeView view, double[] w) {
        double[] adj = new double[view.size()];
        for (int k = 0; k < view.outputCount(); k++) {
            adj[view.outputIndex(k)] += w[k];
        }
        for (int i = view.size() - 1; i >= 0; i--) {
            double a = adj[i];
            if (a == 0) {
                continue;
            }
            for (int k = 0; k < view.arity(i); k++) {
                adj[view.operand(i, k)] += view.partial(i, k) * a;
            }
        }
        return adj;
    }

    /**
     * The textbook tangent loop: v̇ᵢ = 0 + Σₖ chain(partial(i, k), v̇<sub>operand(i, k)</sub>), every
     * sum starting from +0 (so a lone −0 term gives +0).
     */
    static double[] referenceTangents(TapeView view, double[] v) {
        double[] tan = new double[view.size()];
        for (int j = 0; j < v.length; j++) {
            tan[view.inputIndex(j)] += v[j];
        }
        for (int i = 0; i < view.size(); i++) {
            if (view.arity(i) == 0) {
                continue;
            }
            double s = 0;
            for (int k = 0; k < view.arity(i); k++) {
                double d = tan[view.operand(i, k)];
                double p = view.partial(i, k);
                double term = d == 0 || p == 0 ? 0 : p * d;
                s += term;
            }
            tan[i] = s;
        }
        return tan;
    }

    private static void assertBitIdentical(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + ": entry " + i + " (" + expected[i] + " vs " + actual[i] + ")");
        }
    }

    private static void check(Recording rec, String what, Random random) {
        TapeView view = rec.view();
        double[] w = new double[rec.outputCount()];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextGaussian();
        }
        double[] v = new double[rec.inputCount()];
        for (int j = 0; j < v.length; j++) {
            v[j] = random.nextGaussian();
        }
        double[] adj = referenceAdjoints(view, w);
        assertBitIdentical(adj, rec.adjoints(w), what + " adjoints");
        double[] atInputs = new double[rec.inputCount()];
        for (int j = 0; j < atInputs.length; j++) {
            atInputs[j] = adj[view.inputIndex(j)];
        }
        assertBitIdentical(atInputs, rec.vjp(w), what + " vjp");
        double[] tan = referenceTangents(view, v);
        assertBitIdentical(tan, rec.tangents(v), what + " tangents");
    }

    /** Every kind of entry: unary, parametric, binary, binary with a constant, both linear combinations, reuse. */
    static <T extends RealFieldElement<T>> T[] allKinds(T[] x) {
        T a = x[0].sin().multiply(x[1]).add(x[2].pow(2.5)).divide(3.0);
        T b = a.linearCombination(x, x);
        T c = a.linearCombination(new double[] {1, -2, 0.5}, x);
        T d = Functions.sigmoid(a.multiply(a).subtract(b)).add(Functions.relu(c));
        T e = x[0].linearCombination(a, b, c, d).hypot(x[1].atan2(x[2]));
        T[] y = x.clone();
        y[0] = b.add(c).subtract(x[0]).multiply(e);
        y[1] = e.multiply(e).add(7).negate().exp().log1p();
        y[2] = d.divide(x[2]).subtract(1.5).abs();
        return y;
    }

    /** A chain with a long tail: the adjoint of each entry comes from the one just above it. */
    static <T extends RealFieldElement<T>> T chain(T[] x) {
        T y = x[0];
        for (int i = 0; i < 200; i++) {
            y = y.multiply(y).multiply(0.5).add(x[1]).sin().add(y);
        }
        return y;
    }

    @Test
    void adjointAndTangentSweepsEqualTheTextbookLoopsBitForBit() {
        ReverseMode reverse = new ReverseMode();
        Random random = new Random(4);
        VectorFunction kinds = SweepBitIdentityTest::allKinds;
        check(reverse.record(kinds, new double[] {0.3, -1.2, 2.0}), "allKinds", random);
        ScalarFunction ch = SweepBitIdentityTest::chain;
        check(reverse.record(ch, new double[] {0.7, 0.2}), "chain", random);
        for (MoreGarbowHillstrom.Problem p : MoreGarbowHillstrom.PROBLEMS) {
            for (double[] x : p.points()) {
                check(reverse.record(p.residuals(), x), p.name(), random);
            }
        }
    }

    @Test
    void oneShotGradientEqualsTheTextbookSweepOfItsRecordingBitForBit() {
        ReverseMode reverse = new ReverseMode();
        ScalarFunction ch = SweepBitIdentityTest::chain;
        double[] x = {0.7, 0.2};
        for (int round = 0; round < 3; round++) {       // the later rounds reuse the spare arrays
            double[] g = reverse.gradient(ch, x);
            Recording rec = reverse.record(ch, x);
            double[] adj = referenceAdjoints(rec.view(), new double[] {1});
            assertBitIdentical(new double[] {adj[rec.view().inputIndex(0)], adj[rec.view().inputIndex(1)]}, g,
                    "chain gradient, round " + round);
        }
    }

    @Test
    void inputsAndConstantsRecordedAfterTheFirstOperationAreStillSwept() {
        Tape tape = new Tape();
        Var c0 = tape.constant(0.5);
        Var x = tape.input(2);
        Var y = x.sin().add(c0);
        Var z = tape.input(3);
        Var c = tape.constant(4);
        Recording rec = tape.record(y.multiply(z).add(c.multiply(x)).multiply(z));
        check(rec, "late leaves", new Random(7));
        double[] g = rec.gradient();
        assertEquals((Math.cos(2) * 3 + 4) * 3, g[0], 1e-15);
        assertEquals((Math.sin(2) + 0.5) * 3 * 2 + 4 * 2, g[1], 1e-14);
    }
}
