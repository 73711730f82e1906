package dev.wengert.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.core.Functions;
import java.util.List;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/**
 * Every {@link RealFieldElement} method of {@link Dual}, {@link DualVector} and {@link HyperDual},
 * one table: the value is bit-identical to {@link Decimal64}, and the derivatives equal
 * commons-math3's {@link DerivativeStructure} (two parameters s, t, order 2).
 *
 * <p>Inputs a = x + s + 0.7t and b = y + 0.3s + t, so the Dual tangent is ∂/∂s, the DualVector
 * tangents are (∂/∂s, ∂/∂t) and the HyperDual parts are ∂/∂s, ∂/∂t and ∂²/∂s∂t. Tolerance: first
 * derivatives |w − d| ≤ 1e-13·max(1, |w| + |d|), second derivatives the same with 1e-12 —
 * relative for magnitudes above 1, absolute below (the rounding of both sides scales with the
 * larger of the terms summed, which here are of order 1).
 */
class RealFieldElementTableTest {

    static final List<String> OPERATIONS = List.of(
            "add", "addDouble", "subtract", "subtractDouble", "negate", "multiply", "multiplyDouble", "multiplyInt",
            "divide", "divideDouble", "reciprocal", "remainder", "remainderDouble", "abs", "ceil", "floor", "rint",
            "signum", "copySign", "copySignDouble", "scalb", "hypot", "sqrt", "cbrt", "rootN", "powDouble", "powInt",
            "pow", "exp", "expm1", "log", "log1p", "cos", "sin", "tan", "acos", "asin", "atan", "atan2", "cosh",
            "sinh", "tanh", "acosh", "asinh", "atanh", "linearCombinationArrays", "linearCombinationDoubleArray",
            "linearCombination2", "linearCombinationDouble2", "linearCombination3", "linearCombinationDouble3",
            "linearCombination4", "linearCombinationDouble4", "fieldZero", "fieldOne",
            "relu", "sigmoid", "softplus", "square", "max", "min");

    static final double[][] POINTS = {{0.3, 0.7}, {0.6, -0.45}, {-0.8, 1.3}, {2.3, -1.9}};

    /** The operation {@code name} applied to a and b, written once for every number type. */
    @SuppressWarnings("unchecked")
    static <T extends RealFieldElement<T>> T apply(String name, T a, T b) {
        T pos = a.multiply(a).add(0.25);
        T unit = a.sin().multiply(0.9);
        switch (name) {
            case "add": return a.add(b);
            case "addDouble": return a.add(1.25);
            case "subtract": return a.subtract(b);
            case "subtractDouble": return a.subtract(1.25);
            case "negate": return a.negate();
            case "multiply": return a.multiply(b);
            case "multiplyDouble": return a.multiply(-2.5);
            case "multiplyInt": return a.multiply(7);
            case "divide": return a.divide(b);
            case "divideDouble": return a.divide(3.0);
            case "reciprocal": return a.reciprocal();
            case "remainder": return a.remainder(b);
            case "remainderDouble": return a.remainder(0.35);
            case "abs": return a.abs();
            case "ceil": return a.ceil();
            case "floor": return a.floor();
            case "rint": return a.rint();
            case "signum": return a.signum();
            case "copySign": return a.copySign(b);
            case "copySignDouble": return a.copySign(-1.0);
            case "scalb": return a.scalb(3);
            case "hypot": return a.hypot(b);
            case "sqrt": return pos.sqrt();
            case "cbrt": return a.cbrt();
            case "rootN": return pos.rootN(5);
            case "powDouble": return pos.pow(2.5);
            case "powInt": return a.pow(3);
            case "pow": return pos.pow(b);
            case "exp": return a.exp();
            case "expm1": return a.expm1();
            case "log": return pos.log();
            case "log1p": return pos.log1p();
            case "cos": return a.cos();
            case "sin": return a.sin();
            case "tan": return a.tan();
            case "acos": return unit.acos();
            case "asin": return unit.asin();
            case "atan": return a.atan();
            case "atan2": return a.atan2(b);
            case "cosh": return a.cosh();
            case "sinh": return a.sinh();
            case "tanh": return a.tanh();
            case "acosh": return pos.add(1).acosh();
            case "asinh": return a.asinh();
            case "atanh": return unit.atanh();
            case "linearCombinationArrays": {
                T[] u = (T[]) java.lang.reflect.Array.newInstance(a.getClass(), 3);
                T[] v = (T[]) java.lang.reflect.Array.newInstance(a.getClass(), 3);
                u[0] = a; u[1] = b; u[2] = a.sin();
                v[0] = b; v[1] = b.exp(); v[2] = a;
                return a.linearCombination(u, v);
            }
            case "linearCombinationDoubleArray": {
                T[] v = (T[]) java.lang.reflect.Array.newInstance(a.getClass(), 3);
                v[0] = a; v[1] = b; v[2] = a.multiply(b);
                return a.linearCombination(new double[] {0.1, -3.0, 1e3}, v);
            }
            case "linearCombination2": return a.linearCombination(a, b, b.sin(), a.cos());
            case "linearCombinationDouble2": return a.linearCombination(1.5, a, -0.25, b);
            case "linearCombination3": return a.linearCombination(a, b, b, b, a.exp(), a);
            case "linearCombinationDouble3": return a.linearCombination(1.5, a, -0.25, b, 3.0, a.multiply(b));
            case "linearCombination4": return a.linearCombination(a, b, b, b, a.exp(), a, a.cos(), b.sin());
            case "linearCombinationDouble4":
                return a.linearCombination(1.5, a, -0.25, b, 3.0, a.multiply(b), 0.1, a.sinh());
            case "fieldZero": return a.getField().getZero().add(a);
            case "fieldOne": return a.getField().getOne().multiply(b);
            case "relu": return Functions.relu(a);
            case "sigmoid": return Functions.sigmoid(a);
            case "softplus": return Functions.softplus(a);
            case "square": return Functions.square(a);
            case "max": return Functions.max(a, b);
            case "min": return Functions.min(a, b);
            default: throw new AssertionError("no operation " + name);
        }
    }

    @Test
    void everyMethodOfEveryTypeMatchesDecimal64AndDerivativeStructure() {
        int checked = 0;
        for (String op : OPERATIONS) {
            for (double[] p : POINTS) {
                double x = p[0];
                double y = p[1];
                String at = op + " at (" + x + ", " + y + ")";
                double value = apply(op, new Decimal64(x), new Decimal64(y)).getReal();
                DerivativeStructure s = new DerivativeStructure(2, 2, 0, 0.0);
                DerivativeStructure t = new DerivativeStructure(2, 2, 1, 0.0);
                DerivativeStructure ds = apply(op, s.add(t.multiply(0.7)).add(x), s.multiply(0.3).add(t).add(y));
                double ds1 = ds.getPartialDerivative(1, 0);
                double ds2 = ds.getPartialDerivative(0, 1);
                double ds12 = ds.getPartialDerivative(1, 1);

                Dual dual = apply(op, Dual.of(x, 1), Dual.of(y, 0.3));
                sameBits(value, dual.getValue(), "Dual " + at);
                close(ds1, dual.getTangent(), 1e-13, "Dual tangent " + at);

                DualVector vector = apply(op, DualVector.of(x, 1, 0.7), DualVector.of(y, 0.3, 1));
                sameBits(value, vector.getValue(), "DualVector " + at);
                close(ds1, vector.getTangent(0), 1e-13, "DualVector tangent 0 " + at);
                close(ds2, vector.getTangent(1), 1e-13, "DualVector tangent 1 " + at);

                HyperDual hyper = apply(op, HyperDual.of(x, 1, 0.7, 0), HyperDual.of(y, 0.3, 1, 0));
                sameBits(value, hyper.getValue(), "HyperDual " + at);
                close(ds1, hyper.getEps1(), 1e-13, "HyperDual eps1 " + at);
                close(ds2, hyper.getEps2(), 1e-13, "HyperDual eps2 " + at);
                close(ds12, hyper.getEps12(), 1e-12, "HyperDual eps12 " + at);
                checked++;
            }
        }
        assertEquals(OPERATIONS.size() * POINTS.length, checked);
    }

    @Test
    void roundAndGetRealSeeTheValueOnly() {
        for (double x : new double[] {-2.5, -0.5, 0.49, 2.5, 7.7}) {
            long expected = new Decimal64(x).round();
            assertEquals(expected, Dual.of(x, 3).round());
            assertEquals(expected, DualVector.of(x, 3, 4).round());
            assertEquals(expected, HyperDual.of(x, 3, 4, 5).round());
            assertEquals(x, Dual.of(x, 3).getReal());
            assertEquals(x, DualVector.of(x, 3, 4).getReal());
            assertEquals(x, HyperDual.of(x, 3, 4, 5).getReal());
        }
    }

    @Test
    void fieldsHaveZeroOneAndRuntimeClass() {
        assertEquals(Dual.constant(0), Dual.variable(3).getField().getZero());
        assertEquals(Dual.constant(1), Dual.variable(3).getField().getOne());
        assertSame(Dual.class, Dual.variable(3).getField().getRuntimeClass());
        assertEquals(HyperDual.constant(0), HyperDual.variable(3).getField().getZero());
        assertEquals(HyperDual.constant(1), HyperDual.variable(3).getField().getOne());
        assertSame(HyperDual.class, HyperDual.variable(3).getField().getRuntimeClass());
        DualVector v = DualVector.variable(3, 1, 4);
        assertEquals(DualVector.constant(0, 4), v.getField().getZero());
        assertEquals(DualVector.constant(1, 4), v.getField().getOne());
        assertSame(DualVector.class, v.getField().getRuntimeClass());
        assertEquals(DualVector.constant(2, 4).getField(), v.getField());
        assertNotEquals(DualVector.constant(2, 5).getField(), v.getField());
        assertEquals(DualVector.constant(2, 100).getField(), DualVector.variable(1, 99, 100).getField());
    }

    @Test
    void equalsHashCodeAndToStringFollowTheParts() {
        assertEquals(Dual.of(9, 6), Dual.variable(3).multiply(Dual.variable(3)));
        assertEquals(Dual.of(9, 6).hashCode(), Dual.variable(3).multiply(Dual.variable(3)).hashCode());
        assertNotEquals(Dual.of(0.0, 1), Dual.of(-0.0, 1));
        assertEquals("9.0 + 6.0ε", Dual.of(9, 6).toString());
        DualVector xy = DualVector.variable(3, 0, 2).multiply(DualVector.variable(4, 1, 2));
        assertEquals(DualVector.of(12, 4, 3), xy);
        assertEquals(DualVector.of(12, 4, 3).hashCode(), xy.hashCode());
        assertEquals("12.0 + [4.0, 3.0]ε", xy.toString());
        HyperDual cube = HyperDual.variable(3).multiply(HyperDual.variable(3)).multiply(HyperDual.variable(3));
        assertEquals(HyperDual.of(27, 27, 27, 18), cube);
        assertEquals(HyperDual.of(27, 27, 27, 18).hashCode(), cube.hashCode());
        assertEquals("27.0 + 27.0ε1 + 27.0ε2 + 18.0ε1ε2", cube.toString());
    }

    @Test
    void symbolicZeroTangentsGiveTheSameNumbersAsExplicitZeros() {
        for (String op : OPERATIONS) {
            DualVector symbolic = apply(op, DualVector.constant(0.6, 3), DualVector.variable(-0.45, 2, 3));
            DualVector explicit = apply(op, DualVector.of(0.6, 0, 0, 0), DualVector.variable(-0.45, 2, 3));
            assertEquals(explicit, symbolic, op);
            DualVector constants = apply(op, DualVector.constant(0.6, 3), DualVector.constant(-0.45, 3));
            assertEquals(apply(op, DualVector.of(0.6, 0, 0, 0), DualVector.of(-0.45, 0, 0, 0)), constants, op);
        }
    }

    @Test
    void mixingTangentCountsNamesBoth() {
        DualVector two = DualVector.variable(1, 0, 2);
        DualVector three = DualVector.variable(1, 0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.add(three));
        assertEquals("DualVector tangent counts differ: this has k = 2, the other has k = 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> two.atan2(three));
        assertThrows(IllegalArgumentException.class, () -> two.linearCombination(two, three, two, two));
        assertThrows(IllegalArgumentException.class, () -> Functions.max(two, three));
    }

    @Test
    void linearCombinationOfUnequalLengthsNamesExpectedAndActual() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dual.variable(1).linearCombination(new double[] {1, 2}, new Dual[] {Dual.variable(1)}));
        assertEquals("linearCombination: b must have length 2 (the length of a), but has length 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HyperDual.variable(1).linearCombination(
                new HyperDual[] {HyperDual.variable(1)}, new HyperDual[0]));
        assertThrows(IllegalArgumentException.class, () -> DualVector.of(1, 1).linearCombination(
                (DualVector[]) null, new DualVector[0]));
    }

    private static void sameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    static void close(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected) + Math.abs(actual)), what);
    }
}
