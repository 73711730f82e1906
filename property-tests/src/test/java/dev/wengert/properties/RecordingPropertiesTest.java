package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.expr.Expression;
import dev.wengert.core.expr.NodeKind;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

/**
 * Record once, replay many: a recording replayed at a new point equals, bit for bit, a fresh
 * recording made there — values, Jacobian, J·v, vᵀ·J and the Hessian — on safe and raw random
 * programs; a recording whose value escaped into user code refuses replay.
 */
class RecordingPropertiesTest {

    @Test
    void aReplayedRecordingEqualsAFreshOneBitForBitOnSafePrograms() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(RecordingPropertiesTest::replayEqualsFresh);
    }

    @Test
    void aReplayedRecordingEqualsAFreshOneBitForBitOnRawPrograms() {
        Budget.qt().forAll(ProgramGenerator.raw()).assuming(p -> !p.readsNaNSign)
                .checkAssert(RecordingPropertiesTest::replayEqualsFresh);
    }

    @Test
    void aRecordingWithAnEscapedValueRefusesReplay() {
        Budget.qt().forAll(ProgramGenerator.safe()).checkAssert(p -> {
            VectorFunction escaping = new VectorFunction() {
                @Override
                public <T extends RealFieldElement<T>> T[] value(T[] x) {
                    T[] y = p.expression.value(x);
                    if (y[0].getReal() > 1e300) {   // user code branching on a value: an escape
                        y[0] = y[0].negate();
                    }
                    return y;
                }
            };
            Recording r = new ReverseMode().record(escaping, p.point());
            if (!computedFromAnInput(p.expression, p.expression.output(0))) {
                return;   // reading an input, or a value computed from constants only, is no escape
            }
            assertFalse(r.isReplayable(), "escape not detected");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.replay(p.point()));
            assertTrue(e.getMessage().contains("getReal"), e.getMessage());
            sameBits("Jacobian at the recorded point", new ReverseMode().jacobian(p.expression, p.point()),
                    r.jacobian());
        });
    }

    /** @return whether the node is an operation on (a value computed from) an input */
    private static boolean computedFromAnInput(Expression e, int node) {
        boolean[] fromInput = new boolean[e.size()];
        for (int i = 0; i < e.size(); i++) {
            NodeKind k = e.kind(i);
            fromInput[i] = k == NodeKind.INPUT;
            for (int a = 0; a < k.arity(); a++) {
                fromInput[i] |= fromInput[e.operand(i, a)];
            }
        }
        return fromInput[node] && e.kind(node) != NodeKind.INPUT;
    }

    private static void replayEqualsFresh(Program p) {
        double[] x = p.point();
        double[] y = moved(x);
        ScalarFunction s = ExpectAd.scalarization(p.expression);
        Recording replayed = new ReverseMode().record(p.expression, x).replay(y);
        Recording fresh = new ReverseMode().record(p.expression, y);
        double[] v = new double[x.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = 1.0 / (j + 1);
        }
        double[] w = new double[p.expression.outputs()];
        Arrays.fill(w, -0.5);
        sameBits("values", new double[][] {fresh.values()}, new double[][] {replayed.values()});
        sameBits("Jacobian", fresh.jacobian(), replayed.jacobian());
        sameBits("J·v", new double[][] {fresh.jvp(v)}, new double[][] {replayed.jvp(v)});
        sameBits("wᵀ·J", new double[][] {fresh.vjp(w)}, new double[][] {replayed.vjp(w)});
        Recording scalarReplayed = new ReverseMode().record(s, x).replay(y);
        Recording scalarFresh = new ReverseMode().record(s, y);
        sameBits("Hessian", scalarFresh.hessian(), scalarReplayed.hessian());
    }

    /** Another point: each coordinate moved, special values kept special, moderate ones changed. */
    private static double[] moved(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = Double.isFinite(x[j]) && Math.abs(x[j]) < 1e300 ? x[j] * 0.9 + 0.0625 * (j % 3 - 1) : x[j];
        }
        return y;
    }

    private static void sameBits(String what, double[][] expected, double[][] actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                if (!Close.identical(expected[i][j], actual[i][j])) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s[%d][%d]: fresh %s, replayed %s",
                            what, i, j, expected[i][j], actual[i][j]));
                }
            }
        }
    }
}
