package dev.wengert.core.expr;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Functions;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import org.apache.commons.math3.Field;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * Evaluates a node list in one forward loop, generically: every node is one call of a
 * {@link RealFieldElement} method or a {@link Functions} helper on the values of its operands,
 * so the same expression runs on {@code Decimal64}, {@code DerivativeStructure} and every Wengert
 * number type — and on {@code Decimal64} gives bit-identical results to writing the calls by hand.
 */
final class Evaluator {

    private static final UnaryRule[] UNARY = UnaryRule.values();
    private static final BinaryRule[] BINARY = BinaryRule.values();
    private static final ParametricRule[] PARAMETRIC = ParametricRule.values();

    private Evaluator() {
    }

    static <T extends RealFieldElement<T>> T[] evaluate(byte[] kinds, int[] codes, int[] lefts, int[] rights,
            double[] numbers, int[] outputs, Field<T> field, T[] x) {
        int n = kinds.length;
        T[] v = MathArrays.buildArray(field, n);
        for (int i = 0; i < n; i++) {
            switch (kinds[i]) {
                case NodeTable.INPUT:
                    v[i] = x[codes[i]];
                    break;
                case NodeTable.CONSTANT:
                    v[i] = constant(field, numbers[i]);
                    break;
                case NodeTable.UNARY:
                    v[i] = unary(UNARY[codes[i]], v[lefts[i]]);
                    break;
                case NodeTable.BINARY:
                    v[i] = binary(BINARY[codes[i]], v[lefts[i]], v[rights[i]]);
                    break;
                default:
                    v[i] = parametric(PARAMETRIC[codes[i]], v[lefts[i]], numbers[i]);
                    break;
            }
        }
        T[] y = MathArrays.buildArray(field, outputs.length);
        for (int k = 0; k < outputs.length; k++) {
            y[k] = v[outputs[k]];
        }
        return y;
    }

    /** A constant of the field with value c exactly (−0.0, ±∞ and NaN included) and zero derivatives. */
    static <T extends RealFieldElement<T>> T constant(Field<T> field, double c) {
        T zero = field.getZero();
        if (c == 0) {
            return Double.doubleToRawLongBits(c) == 0 ? zero : zero.negate();
        }
        return zero.add(c);
    }

    static <T extends RealFieldElement<T>> T unary(UnaryRule rule, T x) {
        switch (rule) {
            case NEGATE: return x.negate();
            case RECIPROCAL: return x.reciprocal();
            case ABS: return x.abs();
            case CEIL: return x.ceil();
            case FLOOR: return x.floor();
            case RINT: return x.rint();
            case SIGNUM: return x.signum();
            case SQRT: return x.sqrt();
            case CBRT: return x.cbrt();
            case EXP: return x.exp();
            case EXPM1: return x.expm1();
            case LOG: return x.log();
            case LOG1P: return x.log1p();
            case SIN: return x.sin();
            case COS: return x.cos();
            case TAN: return x.tan();
            case ASIN: return x.asin();
            case ACOS: return x.acos();
            case ATAN: return x.atan();
            case SINH: return x.sinh();
            case COSH: return x.cosh();
            case TANH: return x.tanh();
            case ASINH: return x.asinh();
            case ACOSH: return x.acosh();
            case ATANH: return x.atanh();
            case SQUARE: return Functions.square(x);
            case RELU: return Functions.relu(x);
            case SIGMOID: return Functions.sigmoid(x);
            case SOFTPLUS: return Functions.softplus(x);
            default: throw new IllegalStateException("no evaluation for unary rule " + rule);
        }
    }

    static <T extends RealFieldElement<T>> T binary(BinaryRule rule, T a, T b) {
        switch (rule) {
            case ADD: return a.add(b);
            case SUBTRACT: return a.subtract(b);
            case MULTIPLY: return a.multiply(b);
            case DIVIDE: return a.divide(b);
            case POW: return a.pow(b);
            case ATAN2: return a.atan2(b);
            case HYPOT: return a.hypot(b);
            case REMAINDER: return a.remainder(b);
            case COPY_SIGN: return a.copySign(b);
            case MAX: return Functions.max(a, b);
            case MIN: return Functions.min(a, b);
            default: throw new IllegalStateException("no evaluation for binary rule " + rule);
        }
    }

    static <T extends RealFieldElement<T>> T parametric(ParametricRule rule, T x, double p) {
        switch (rule) {
            case POW: return x.pow(p);
            case POW_INT: return x.pow((int) p);
            case ROOT_N: return x.rootN((int) p);
            case SCALB: return x.scalb((int) p);
            case REMAINDER: return x.remainder(p);
            case COPY_SIGN: return x.copySign(p);
            default: throw new IllegalStateException("no evaluation for parametric rule " + rule);
        }
    }
}
