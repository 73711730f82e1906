package dev.wengert.reverse.kernel;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.Arrays;
import org.apache.commons.math3.util.MathArrays;

/**
 * Replay: one forward loop that recomputes every value and partial of a Wengert list at new inputs
 * with the rule table, exactly as recording did, into the list's own arrays — so every sweep that
 * follows (reverse mode's, mixed mode's, a sparse Jacobian's) reads the new point with nothing
 * copied.
 */
public final class ReplayKernel {

    private ReplayKernel() {
    }

    /**
     * Replays the tape at new inputs: recomputes every value and partial with the rule table.
     *
     * @param t the entries (of a replayable recording, checked by the caller); values and partials are
     *        overwritten in place
     * @param x the new inputs, one per recorded input
     */
    public static void run(Entries t, double[] x) {
        final byte[] op = t.op;
        final int[] args = t.args;
        final double[] partials = t.partials;
        final double[] value = t.value;
        double[] ta = null;
        double[] tb = null;
        for (int i = 0, n = t.size; i < n; i++) {
            final int s = 2 * i;
            int code = op[i];
            switch (OpCodes.KIND[code]) {
                case OpCodes.LEAF:
                    if (code == OpCodes.INPUT) {
                        value[i] = x[args[s]];
                    }
                    break;
                case OpCodes.ONE: {
                    double v = value[args[s]];
                    if (code < OpCodes.PARAMETRIC) {
                        UnaryRule r = OpCodes.UNARY_RULES[code - OpCodes.UNARY];
                        if (r == UnaryRule.NEGATE) {
                            unary(UnaryRule.NEGATE, v, value, partials, i);
                        } else {
                            unary(r, v, value, partials, i);
                        }
                    } else if (code < OpCodes.BINARY) {
                        ParametricRule r = OpCodes.PARAMETRIC_RULES[code - OpCodes.PARAMETRIC];
                        double p = partials[s + 1];
                        double f = r.value(v, p);
                        partials[s] = r.first(v, p, f);
                        value[i] = f;
                    } else {
                        BinaryRule r = OpCodes.BINARY_RULES[code - OpCodes.BINARY_CONSTANT];
                        double c = partials[s + 1];
                        if (r == BinaryRule.ADD) {
                            withConstant(BinaryRule.ADD, v, c, value, partials, i);
                        } else if (r == BinaryRule.MULTIPLY) {
                            withConstant(BinaryRule.MULTIPLY, v, c, value, partials, i);
                        } else if (r == BinaryRule.SUBTRACT) {
                            withConstant(BinaryRule.SUBTRACT, v, c, value, partials, i);
                        } else if (r == BinaryRule.DIVIDE) {
                            withConstant(BinaryRule.DIVIDE, v, c, value, partials, i);
                        } else {
                            withConstant(r, v, c, value, partials, i);
                        }
                    }
                    break;
                }
                case OpCodes.TWO: {
                    BinaryRule r = OpCodes.BINARY_RULES[code - OpCodes.BINARY];
                    double u = value[args[s]];
                    double w = value[args[s + 1]];
                    if (r == BinaryRule.MULTIPLY) {
                        binary(BinaryRule.MULTIPLY, u, w, value, partials, i);
                    } else if (r == BinaryRule.ADD) {
                        binary(BinaryRule.ADD, u, w, value, partials, i);
                    } else if (r == BinaryRule.SUBTRACT) {
                        binary(BinaryRule.SUBTRACT, u, w, value, partials, i);
                    } else if (r == BinaryRule.DIVIDE) {
                        binary(BinaryRule.DIVIDE, u, w, value, partials, i);
                    } else {
                        binary(r, u, w, value, partials, i);
                    }
                    break;
                }
                default: {
                    int start = args[s];
                    int count = args[s + 1];
                    int[] nary = t.naryArgs;
                    double[] naryPartials = t.naryPartials;
                    boolean constants = code == OpCodes.LC_CONST_ARRAY || code == OpCodes.LC_CONST_FIXED;
                    int terms = constants ? count : count / 2;
                    if (ta == null || ta.length < terms) {
                        ta = new double[terms];
                        tb = new double[terms];
                    }
                    for (int k = 0; k < terms; k++) {
                        if (constants) {
                            ta[k] = naryPartials[start + k];
                            tb[k] = value[nary[start + k]];
                        } else {
                            double av = value[nary[start + 2 * k]];
                            double bv = value[nary[start + 2 * k + 1]];
                            ta[k] = av;
                            tb[k] = bv;
                            naryPartials[start + 2 * k] = BinaryRule.MULTIPLY.dx(av, bv, av * bv);
                            naryPartials[start + 2 * k + 1] = BinaryRule.MULTIPLY.dy(av, bv, av * bv);
                        }
                    }
                    value[i] = combine(code, ta, tb, terms);
                    break;
                }
            }
        }
    }

    // Replay's rule calls. The common rules are called with the rule as a constant (the branches in
    // replay), so the JIT knows the exact rule and inlines its value and partials; the last
    // branch of each chain calls whichever rule it is. The same rule methods either way, so a
    // replay stays bit-identical to a fresh recording.

    private static void unary(UnaryRule r, double x, double[] value, double[] partials, int i) {
        double f = r.value(x);
        value[i] = f;
        partials[2 * i] = r.first(x, f);
    }

    private static void withConstant(BinaryRule r, double x, double c, double[] value, double[] partials,
            int i) {
        double f = r.value(x, c);
        value[i] = f;
        partials[2 * i] = r.dx(x, c, f);
    }

    private static void binary(BinaryRule r, double x, double y, double[] value, double[] partials, int i) {
        double f = r.value(x, y);
        value[i] = f;
        partials[2 * i] = r.dx(x, y, f);
        partials[2 * i + 1] = r.dy(x, y, f);
    }

    /**
     * The value of a linear combination exactly as {@code Decimal64} computes it.
     *
     * @param code one of the four linear-combination op codes
     * @param a the first factors (constants, or taped values)
     * @param b the second factors
     * @param k the number of terms
     * @return Σ aₖ·bₖ
     */
    public static double combine(int code, double[] a, double[] b, int k) {
        if (code == OpCodes.LC_VAR_ARRAY || code == OpCodes.LC_CONST_ARRAY) {
            return MathArrays.linearCombination(a.length == k ? a : Arrays.copyOf(a, k),
                    b.length == k ? b : Arrays.copyOf(b, k));
        }
        switch (k) {
            case 2: return MathArrays.linearCombination(a[0], b[0], a[1], b[1]);
            case 3: return MathArrays.linearCombination(a[0], b[0], a[1], b[1], a[2], b[2]);
            case 4: return MathArrays.linearCombination(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3]);
            default: throw new IllegalStateException("fixed linear combination of " + k + " terms");
        }
    }
}
