package dev.wengert.core;

import org.apache.commons.math3.RealFieldElement;

/**
 * Test fixture: the {@code RealFieldElement} method (or {@link Functions} helper) that each rule
 * of the table stands for, written once for every test that calls "the real thing" beside a rule
 * — the rule table's own test (against {@code Decimal64} and {@code DerivativeStructure}) and the
 * expression language's (against the direct call).
 */
public final class RuleMethods {

    private RuleMethods() {
    }

    /**
     * @param rule a unary rule
     * @param x its argument
     * @param <T> the number type
     * @return the direct call that the rule stands for, on x
     */
    public static <T extends RealFieldElement<T>> T unary(UnaryRule rule, T x) {
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
            default: throw new AssertionError(rule);
        }
    }
}
