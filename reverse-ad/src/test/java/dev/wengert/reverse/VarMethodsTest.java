package dev.wengert.reverse;

import static dev.wengert.reverse.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.Functions;
import dev.wengert.core.ScalarFunction;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/**
 * Every {@link RealFieldElement} method of {@link Var} (and the {@link Functions} helpers), one
 * row each: the value bit-identical to {@code Decimal64}, the gradient equal to
 * {@code DerivativeStructure} order 1 to 1e-13 and the Hessian to order 2 to 1e-12.
 */
class VarMethodsTest {

    static final List<String> METHODS = List.of(
            "add", "add(double)", "subtract", "subtract(double)", "negate", "multiply(int)", "multiply",
            "multiply(double)", "divide", "divide(double)", "reciprocal", "remainder(double)", "remainder",
            "abs", "abs(negative)", "ceil", "floor", "rint", "signum", "copySign", "copySign(double)",
            "scalb", "hypot", "sqrt", "cbrt", "rootN", "pow(double)", "pow(int)", "pow", "exp", "expm1",
            "log", "log1p", "cos", "sin", "tan", "acos", "asin", "atan", "atan2", "cosh", "sinh", "tanh",
            "acosh", "asinh", "atanh",
            "linearCombination(T[],T[])", "linearCombination(double[],T[])", "linearCombination(T×4)",
            "linearCombination(double,T×2)", "linearCombination(T×6)", "linearCombination(double,T×3)",
            "linearCombination(T×8)", "linearCombination(double,T×4)",
            "relu", "sigmoid", "softplus", "square", "max", "min");

    /** The method under test, applied generically to (a, b) = (0.6, 0.35) and small combinations. */
    static <T extends RealFieldElement<T>> T apply(String method, T a, T b) {
        switch (method) {
            case "add": return a.add(b);
            case "add(double)": return a.add(2.5);
            case "subtract": return a.subtract(b);
            case "subtract(double)": return a.subtract(2.5);
            case "negate": return a.negate();
            case "multiply(int)": return a.multiply(3);
            case "multiply": return a.multiply(b);
            case "multiply(double)": return a.multiply(1.7);
            case "divide": return a.divide(b);
            case "divide(double)": return a.divide(1.7);
            case "reciprocal": return a.reciprocal();
            case "remainder(double)": return a.remainder(0.25);
            case "remainder": return a.remainder(b);
            case "abs": return a.abs();
            case "abs(negative)": return a.negate().abs();
            case "ceil": return a.ceil().multiply(b);
            case "floor": return a.floor().add(b);
            case "rint": return a.rint().add(b);
            case "signum": return a.signum().multiply(b);
            case "copySign": return a.copySign(b.negate());
            case "copySign(double)": return a.copySign(-1.0);
            case "scalb": return a.scalb(3);
            case "hypot": return a.hypot(b);
            case "sqrt": return a.sqrt();
            case "cbrt": return a.cbrt();
            case "rootN": return a.rootN(5);
            case "pow(double)": return a.pow(2.5);
            case "pow(int)": return a.pow(3);
            case "pow": return a.pow(b);
            case "exp": return a.exp();
            case "expm1": return a.expm1();
            case "log": return a.log();
            case "log1p": return a.log1p();
            case "cos": return a.cos();
            case "sin": return a.sin();
            case "tan": return a.tan();
            case "acos": return a.acos();
            case "asin": return a.asin();
            case "atan": return a.atan();
            case "atan2": return a.atan2(b);
            case "cosh": return a.cosh();
            case "sinh": return a.sinh();
            case "tanh": return a.tanh();
            case "acosh": return a.add(1).acosh();
            case "asinh": return a.asinh();
            case "atanh": return a.atanh();
            case "linearCombination(T[],T[])": return a.linearCombination(four(a, b, 0), four(a, b, 1));
            case "linearCombination(double[],T[])":
                return a.linearCombination(new double[] {1.5, -2.25, 0.75, 3}, four(a, b, 1));
            case "linearCombination(T×4)": return a.linearCombination(a, b, a.sin(), b.exp());
            case "linearCombination(double,T×2)": return a.linearCombination(1.5, a, -2.25, b);
            case "linearCombination(T×6)": return a.linearCombination(a, b, a.sin(), b.exp(), a.multiply(b), a);
            case "linearCombination(double,T×3)": return a.linearCombination(1.5, a, -2.25, b, 0.75, a.sin());
            case "linearCombination(T×8)":
                return a.linearCombination(a, b, a.sin(), b.exp(), a.multiply(b), a, b.sqrt(), a.cos());
            case "linearCombination(double,T×4)":
                return a.linearCombination(1.5, a, -2.25, b, 0.75, a.sin(), 3, b.exp());
            case "relu": return Functions.relu(a.subtract(0.2)).multiply(b);
            case "sigmoid": return Functions.sigmoid(a.multiply(b));
            case "softplus": return Functions.softplus(a.subtract(b));
            case "square": return Functions.square(a.add(b));
            case "max": return Functions.max(a, b.multiply(b));
            case "min": return Functions.min(a, b.multiply(3));
            default: throw new AssertionError("no such method row: " + method);
        }
    }

    private static <T extends RealFieldElement<T>> T[] four(T a, T b, int which) {
        T[] r = org.apache.commons.math3.util.MathArrays.buildArray(a.getField(), 4);
        if (which == 0) {
            r[0] = a;
            r[1] = a.sin();
            r[2] = a.multiply(b);
            r[3] = b.sqrt();
        } else {
            r[0] = b;
            r[1] = b.exp();
            r[2] = a;
            r[3] = a.cos();
        }
        return r;
    }

    private final ReverseMode reverse = new ReverseMode();

    @Test
    void everyMethodMatchesDecimal64AndDerivativeStructure() {
        double[] x = {0.6, 0.35};
        for (String method : METHODS) {
            ScalarFunction f = new ScalarFunction() {
                @Override
                public <T extends RealFieldElement<T>> T value(T[] v) {
                    return apply(method, v[0], v[1]);
                }
            };
            Recording rec = reverse.record(f, x);
            double expected = f.value(new Decimal64[] {new Decimal64(x[0]), new Decimal64(x[1])}).getReal();
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(rec.value()),
                    method + ": value bit-identical to Decimal64");
            double[] g = Reference.gradient(f, x);
            assertClose(g, rec.gradient(), 1e-13, Math.max(Reference.maxAbs(new double[][] {g}), 1e-300),
                    method + ": gradient vs DerivativeStructure");
            double[][] h = Reference.hessian(f, x);
            assertClose(h, rec.hessian(), 1e-12, Math.max(Reference.maxAbs(h), 1e-300),
                    method + ": Hessian vs DerivativeStructure");
            assertTrue(rec.isReplayable(), method + " needs no escape");
        }
    }

    @Test
    void everyMethodRowIsListedOnce() {
        assertEquals(METHODS.size(), METHODS.stream().distinct().count());
        // 8 linearCombination overloads, and every other RealFieldElement/FieldElement method
        assertEquals(8, METHODS.stream().filter(m -> m.startsWith("linearCombination")).count());
    }

    @Test
    void fieldGivesConstantsOnTheSameTape() {
        Tape tape = new Tape();
        Var x = tape.input(2);
        VarField field = (VarField) x.getField();
        assertSame(field, x.getField());
        assertSame(Var.class, field.getRuntimeClass());
        assertEquals(0.0, field.getZero().getReal());
        assertEquals(1.0, field.getOne().getReal());
        assertSame(field.getZero(), field.getZero(), "zero is created once per tape");
        Var y = x.multiply(x).add(field.getOne()).add(field.getZero());
        Recording rec = tape.record(y);
        assertEquals(5.0, rec.value());
        assertEquals(4.0, rec.gradient()[0]);
        assertTrue(rec.isReplayable());
    }

    @Test
    void roundReturnsTheNearestLongAndCountsAsAnEscape() {
        Tape tape = new Tape();
        Var x = tape.input(2.6);
        Var c = tape.field().getOne().multiply(5.2);
        assertEquals(5L, c.round(), "a constant may be read");
        assertTrue(tape.isReplayable());
        Var y = x.multiply(2);
        assertEquals(5L, y.round());
        assertFalse(tape.isReplayable());
        Tape other = new Tape();
        assertEquals(3L, other.input(2.6).round(), "an input's value escapes too");
        assertFalse(other.isReplayable());
        assertEquals(Math.round(5.2), new Decimal64(5.2).round());
    }
}
