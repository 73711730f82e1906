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
 * {@link RealFieldElement} method or a {@link Functions} helper on the values of its operands —
 * the one its rule names ({@link UnaryRule#applyTo}, {@link BinaryRule#applyTo},
 * {@link ParametricRule#applyTo}),
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
                    v[i] = UNARY[codes[i]].applyTo(v[lefts[i]]);
                    break;
                case NodeTable.BINARY:
                    v[i] = BINARY[codes[i]].applyTo(v[lefts[i]], v[rights[i]]);
                    break;
                default:
                    v[i] = PARAMETRIC[codes[i]].applyTo(v[lefts[i]], numbers[i]);
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
}
