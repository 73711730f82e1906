package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.MoreGarbowHillstrom;
import dev.wengert.core.testing.MoreGarbowHillstrom.Problem;
import java.util.Random;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/** Sweeping a recording again, replaying it at new points, and what refuses replay. */
class RecordingTest {

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void replayEqualsAFreshRecordingBitForBit() {
        for (Problem p : MoreGarbowHillstrom.PROBLEMS) {
            double[] x1 = p.points()[0];
            double[] x2 = java.util.Arrays.stream(p.points()).skip(1).filter(x -> x.length == x1.length)
                    .findFirst().orElseThrow(() -> new AssertionError(p.name() + ": no second point of dimension "
                            + x1.length + " to replay at"));
            Recording replayed = reverse.record(p.residuals(), x1).replay(x2);
            Recording fresh = reverse.record(p.residuals(), x2);
            assertSameTape(fresh.view(), replayed.view(), p.name());
            assertArrayEquals(fresh.values(), replayed.values(), p.name());
            assertArrayEquals(fresh.jacobian(), replayed.jacobian(), p.name());
            assertArrayEquals(fresh.point(), replayed.point());
        }
        double[] x1 = {0.6, 0.35};
        double[] x2 = {0.45, 0.8};
        for (String method : VarMethodsTest.METHODS) {
            ScalarFunction f = new ScalarFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] v) {
                    return VarMethodsTest.apply(method, v[0], v[1]);
                }
            };
            Recording replayed = reverse.record(f, x1);
            double[] g = replayed.gradient(x2);
            Recording fresh = reverse.record(f, x2);
            assertSameTape(fresh.view(), replayed.view(), method);
            assertArrayEquals(fresh.gradient(), g, method);
            assertArrayEquals(fresh.hessian(), replayed.hessian(), method);
        }
    }

    private static void assertSameTape(TapeView expected, TapeView actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " size");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.opCode(i), actual.opCode(i), what + " op " + i);
            assertEquals(Double.doubleToRawLongBits(expected.value(i)), Double.doubleToRawLongBits(actual.value(i)),
                    what + " value of " + expected.format(i));
            for (int k = 0; k < expected.arity(i); k++) {
                assertEquals(expected.operand(i, k), actual.operand(i, k));
                assertEquals(Double.doubleToRawLongBits(expected.partial(i, k)),
                        Double.doubleToRawLongBits(actual.partial(i, k)), what + " partial of " + expected.format(i));
            }
        }
    }

    static <T extends RealFieldElement<T>> T branchy(T[] x) {
        T p = x[0].multiply(x[1]);
        return p.getReal() > 0 ? p.sin() : p.cos();
    }

    @Test
    void escapedValueRefusesReplayAndNamesTheOperation() {
        ScalarFunction f = RecordingTest::branchy;
        Recording rec = reverse.record(f, new double[] {1, 2});
        assertFalse(rec.isReplayable());
        assertTrue(rec.escape().contains("getReal()"), rec.escape());
        assertArrayEquals(reverse.gradient(f, new double[] {1, 2}), rec.gradient(), "the recording itself is fine");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rec.gradient(new double[] {-1, 2}));
        assertTrue(e.getMessage().contains("getReal() on v2"), e.getMessage());
        assertTrue(e.getMessage().contains("'*'"), e.getMessage());
    }

    static <T extends RealFieldElement<T>> T tapeOpsOnly(T[] x) {
        T m = Functions.max(x[0], x[1]);
        return Functions.relu(m.subtract(1)).add(x[0].abs()).add(x[1].signum());
    }

    @Test
    void maxReluAndAbsDoNotEscape() {
        ScalarFunction f = RecordingTest::tapeOpsOnly;
        Recording rec = reverse.record(f, new double[] {3, 2});
        assertTrue(rec.isReplayable());
        assertNull(rec.escape());
        assertArrayEquals(new double[] {2, 0}, rec.gradient());
        assertArrayEquals(new double[] {-1, 1}, rec.gradient(new double[] {-1, 2}), "max switched at replay, abs flipped");
        assertArrayEquals(new double[] {-1, 0}, rec.gradient(new double[] {-3, -2}), "relu off, abs flipped");
    }

    static <T extends RealFieldElement<T>> T[] polar(T[] x) {
        T[] y = MathArrays.buildArray(x[0].getField(), 3);
        y[0] = x[0].multiply(x[1].cos());
        y[1] = x[0].multiply(x[1].sin());
        y[2] = x[0].multiply(x[2]).exp();
        return y;
    }

    @Test
    void aRecordingIsSweptAgainAndAgreesWithItself() {
        VectorFunction f = RecordingTest::polar;
        double[] x = {1.5, 0.3, -0.2};
        Recording rec = reverse.record(f, x);
        double[][] jac = rec.jacobian();
        assertArrayEquals(jac, reverse.jacobian(f, x));
        assertArrayEquals(jac, rec.jacobian(), "sweeping twice changes nothing");
        Random random = new Random(7);
        for (int t = 0; t < 5; t++) {
            double[] v = random.doubles(3, -1, 1).toArray();
            double[] w = random.doubles(3, -1, 1).toArray();
            double[] jv = rec.jvp(v);
            double[] wj = rec.vjp(w);
            double lhs = 0;
            double rhs = 0;
            for (int i = 0; i < 3; i++) {
                lhs += jv[i] * w[i];
                rhs += v[i] * wj[i];
                double row = 0;
                double column = 0;
                for (int j = 0; j < 3; j++) {
                    row += jac[i][j] * v[j];
                    column += w[j] * jac[j][i];
                }
                assertEquals(row, jv[i], 1e-14);
                assertEquals(column, wj[i], 1e-14);
            }
            assertEquals(lhs, rhs, 1e-14, "<Jv, w> = <v, Jᵀw>");
        }
        assertArrayEquals(reverse.jvp(f, x, new double[] {1, 0, 0}), rec.jvp(new double[] {1, 0, 0}));
        assertArrayEquals(reverse.vjp(f, x, new double[] {0, 0, 1}), rec.vjp(new double[] {0, 0, 1}));
        double[] x2 = {2, 0.1, 0.4};
        assertArrayEquals(reverse.jacobian(f, x2), rec.jacobian(x2));
        assertArrayEquals(Reference.values(f, x2), rec.values(x2));
        assertArrayEquals(reverse.vjp(f, x2, new double[] {1, 2, 3}), rec.vjp(x2, new double[] {1, 2, 3}));
        assertArrayEquals(reverse.jvp(f, x2, new double[] {1, 2, 3}), rec.jvp(x2, new double[] {1, 2, 3}));
    }

    @Test
    void hessianVectorProductsAndHessianAtReplayedPoints() {
        ScalarFunction f = new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                return x[0].multiply(x[1]).sin().add(x[2].pow(3).multiply(x[0])).add(x[1].hypot(x[2]));
            }
        };
        double[] x = {0.4, 1.1, -0.7};
        Recording rec = reverse.record(f, x);
        double[][] h = rec.hessian();
        double[] v = {0.3, -1, 2};
        double[] hv = rec.hessianVector(v);
        for (int i = 0; i < 3; i++) {
            assertEquals(h[i][0] * v[0] + h[i][1] * v[1] + h[i][2] * v[2], hv[i], 1e-13);
        }
        double[] x2 = {-0.2, 0.5, 1.3};
        Reference.assertClose(Reference.hessian(f, x2), rec.hessian(x2), 1e-12, 1, "replayed Hessian");
    }

    @Test
    void tapeViewShowsTheWengertList() {
        Tape tape = new Tape();
        Var x = tape.input(2);
        Var y = tape.input(3);
        Var c = tape.constant(4);
        Var s = x.multiply(y).sin();
        Var p = s.pow(2.5);
        Var q = x.add(1.5);
        Var l = x.linearCombination(x, y, s, c);
        Var m = x.linearCombination(2.0, x, 3.0, y);
        Var r = x.rootN(3);
        Recording rec = tape.record(p, q, l, m, r);
        TapeView v = rec.view();
        assertEquals(10, v.size());
        assertEquals(2, v.inputCount());
        assertEquals(5, v.outputCount());
        assertEquals("v0 = x0", v.format(0));
        assertEquals("v2 = 4.0", v.format(2));
        assertEquals("v4 = sin(v3)", v.format(4));
        assertEquals("v5 = pow(v4, 2.5)", v.format(5));
        assertEquals("v6 = v0 + 1.5", v.format(6));
        assertEquals("v7 = linearCombination(v0·v1, v4·v2)", v.format(7));
        assertEquals("v8 = linearCombination(2.0·v0, 3.0·v1)", v.format(8));
        assertEquals("v9 = rootN(v0, 3)", v.format(9));
        assertEquals(TapeView.Kind.CONSTANT, v.kind(2));
        assertEquals(TapeView.Kind.BINARY, v.kind(3));
        assertEquals(TapeView.Kind.PARAMETRIC, v.kind(5));
        assertEquals(TapeView.Kind.BINARY_CONSTANT, v.kind(6));
        assertEquals(TapeView.Kind.LINEAR_COMBINATION, v.kind(7));
        assertEquals("*", v.opName(3));
        assertEquals(dev.wengert.core.UnaryRule.SIN, v.unaryRule(4));
        assertEquals(dev.wengert.core.BinaryRule.ADD, v.binaryRule(6));
        assertEquals(1.5, v.parameter(6));
        assertEquals(2, v.arity(3));
        assertEquals(4, v.arity(7));
        assertEquals(2, v.arity(8));
        assertEquals(3.0, v.partial(3, 0), "∂(x·y)/∂x = y");
        assertEquals(2.0, v.partial(3, 1));
        assertEquals(4, v.operand(7, 2));
        assertTrue(v.isInput(1));
        assertTrue(v.isOutput(5));
        assertFalse(v.isOutput(4));
        assertEquals(1, v.inputNumber(1));
        assertEquals(9, v.outputIndex(4));
        assertEquals(2 + 1 + 1 + 1 + 4 + 2 + 1, v.edgeCount());
        assertThrows(IndexOutOfBoundsException.class, () -> v.value(10));
        assertThrows(IndexOutOfBoundsException.class, () -> v.operand(4, 1));
        for (int i = 0; i < v.size(); i++) {
            assertTrue(v.opName(i).length() > 0);
        }
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        ScalarFunction f = RecordingTest::branchy;
        VectorFunction g = RecordingTest::polar;
        assertThrows(IllegalArgumentException.class, () -> reverse.gradient(null, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> reverse.gradient(f, null));
        assertThrows(IllegalArgumentException.class, () -> reverse.gradient(f, new double[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reverse.jvp(g, new double[] {1, 2, 3}, new double[] {1}));
        assertTrue(e.getMessage().contains("length 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reverse.vjp(g, new double[] {1, 2, 3}, new double[] {1, 2}));
        ScalarFunction nothing = new ScalarFunction() {
            @Override public <T extends RealFieldElement<T>> T value(T[] x) { return null; }
        };
        assertThrows(IllegalArgumentException.class, () -> reverse.gradient(nothing, new double[] {1}));
        Recording rec = reverse.record(g, new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, rec::gradient, "three outputs: no gradient");
        assertThrows(IllegalArgumentException.class, () -> rec.replay(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> rec.jvp(null));
    }
}
