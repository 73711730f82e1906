package dev.wengert.reverse;

import static dev.wengert.core.Rules.chain;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;

/**
 * The sweeps over a tape, each one loop with a {@code switch} on the entry's kind — nothing
 * recursive, so a chain of 10⁶ entries needs no more stack than one of 10.
 *
 * <ul>
 *   <li><b>adjoint</b> (reverse): for i from the seeded output down to the first operation (the
 *       inputs and constants recorded before it have no operands), with adjoint v̄ᵢ ≠ 0:
 *       v̄<sub>arg</sub> += ∂vᵢ/∂v<sub>arg</sub> · v̄ᵢ for each operand. Adjoints accumulate, so
 *       a reused entry is right; an entry with v̄ᵢ = 0 is skipped, so a zero adjoint never meets
 *       an infinite or NaN partial, and a zero partial contributes 0 even to an infinite or NaN
 *       adjoint ({@code Rules.chain}).</li>
 *   <li><b>tangent</b> (forward over the stored partials): v̇ᵢ = Σ ∂vᵢ/∂v<sub>arg</sub> ·
 *       v̇<sub>arg</sub>, each term by {@code Rules.chain}.</li>
 *   <li><b>second-order adjoint</b> (forward over reverse): after a tangent sweep along v, one
 *       reverse loop carries the adjoint v̄ and its tangent v̄̇: for vᵢ = φ(u, w),
 *       <pre>
 *       ū += φ<sub>u</sub>·v̄ᵢ
 *       ū̇ += φ<sub>u</sub>·v̄̇ᵢ + v̄ᵢ·(φ<sub>uu</sub>·u̇ + φ<sub>uw</sub>·ẇ)
 *       </pre>
 *       (and the same for w), the second partials φ<sub>uu</sub>, φ<sub>uw</sub>, φ<sub>ww</sub>
 *       taken from the rule table. Seeding v̄ = 1 at the output gives H·v in v̄̇ at the inputs.</li>
 *   <li><b>replay</b>: one forward loop that recomputes every value and partial at new inputs with
 *       the rule table, exactly as recording did.</li>
 * </ul>
 */
final class Sweeps {

    private Sweeps() {
    }

    /**
     * Adjoint sweep from entry {@code from} down to the first operation ({@link Tape#leaves}).
     *
     * @param t the tape
     * @param adj adjoints, seeded at the outputs; accumulated in place
     * @param from the highest seeded entry
     */
    static void adjoint(Tape t, double[] adj, int from) {
        final byte[] op = t.op;
        final int[] args = t.args;
        final double[] partials = t.partials;
        final byte[] kind = OpCode.KIND;
        for (int i = from, first = t.leaves; i >= first; i--) {
            double a = adj[i];
            if (a == 0) {
                continue;
            }
            int k = kind[op[i]];
            if (k == OpCode.ONE) {
                int s = 2 * i;
                adj[args[s]] += term(partials[s], a);
            } else if (k == OpCode.TWO) {
                int s = 2 * i;
                adj[args[s]] += term(partials[s], a);
                adj[args[s + 1]] += term(partials[s + 1], a);
            } else if (k == OpCode.MANY) {
                many(t, adj, i, a);
            }
        }
    }

    /** The adjoint step of a linear combination: its operands and partials are in the side arrays. */
    private static void many(Tape t, double[] adj, int i, double a) {
        int[] nary = t.naryArgs;
        double[] naryPartials = t.naryPartials;
        for (int k = t.args[2 * i], end = k + t.args[2 * i + 1]; k < end; k++) {
            adj[nary[k]] += term(naryPartials[k], a);
        }
    }

    /**
     * p·a for a nonzero adjoint a, but 0 where p = 0 and a is ±∞ or NaN ({@code Rules.chain}'s
     * zero rule); where p = 0 and a is finite, p·a is ±0, which adds nothing to a sum started at
     * +0, so the result is the plain product's bit for bit.
     */
    static double term(double p, double a) {
        double c = p * a;
        return c == c || p != 0 ? c : 0;
    }

    /**
     * Tangent sweep over the whole tape.
     *
     * @param t the tape
     * @param tan tangents, seeded at the inputs (and 0 elsewhere); filled in place
     */
    static void tangent(Tape t, double[] tan) {
        final byte[] op = t.op;
        final int[] args = t.args;
        final double[] partials = t.partials;
        final byte[] kind = OpCode.KIND;
        for (int i = t.leaves, n = t.size; i < n; i++) {
            int s = 2 * i;
            switch (kind[op[i]]) {
                case OpCode.ONE:
                    tan[i] = chain(partials[s], tan[args[s]]);
                    break;
                case OpCode.TWO:
                    tan[i] = chain(partials[s], tan[args[s]]) + chain(partials[s + 1], tan[args[s + 1]]);
                    break;
                case OpCode.MANY:
                    double sum = 0;
                    for (int k = args[s], end = k + args[s + 1]; k < end; k++) {
                        sum += chain(t.naryPartials[k], tan[t.naryArgs[k]]);
                    }
                    tan[i] = sum;
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * Second-order adjoint sweep: first-order adjoints and their tangents in one reverse loop.
     *
     * @param t the tape
     * @param tan tangents of all entries along the direction (from {@link #tangent})
     * @param adj adjoints, seeded at the output
     * @param adjDot tangents of the adjoints, zero on entry; H·v at the inputs on exit
     * @param from the seeded output entry
     */
    static void secondOrder(Tape t, double[] tan, double[] adj, double[] adjDot, int from) {
        final byte[] op = t.op;
        final int[] args = t.args;
        final double[] partials = t.partials;
        final double[] value = t.value;
        for (int i = from, first = t.leaves; i >= first; i--) {
            final int s = 2 * i;
            double a = adj[i];
            double ad = adjDot[i];
            if (a == 0 && ad == 0) {
                continue;
            }
            int code = op[i];
            switch (OpCode.KIND[code]) {
                case OpCode.ONE: {
                    int u = args[s];
                    double x = value[u];
                    double f = value[i];
                    double second;
                    if (code < OpCode.PARAMETRIC) {
                        second = OpCode.UNARY_RULES[code - OpCode.UNARY].second(x, f, partials[s]);
                    } else if (code < OpCode.BINARY) {
                        second = OpCode.PARAMETRIC_RULES[code - OpCode.PARAMETRIC]
                                .second(x, partials[s + 1], f, partials[s]);
                    } else {
                        second = OpCode.BINARY_RULES[code - OpCode.BINARY_CONSTANT].dxx(x, partials[s + 1], f);
                    }
                    adj[u] += chain(partials[s], a);
                    adjDot[u] += chain(partials[s], ad) + chain(chain(second, tan[u]), a);
                    break;
                }
                case OpCode.TWO: {
                    int u = args[s];
                    int w = args[s + 1];
                    BinaryRule r = OpCode.BINARY_RULES[code - OpCode.BINARY];
                    double x = value[u];
                    double y = value[w];
                    double f = value[i];
                    double uDot = tan[u];
                    double wDot = tan[w];
                    double dxy = r.dxy(x, y, f);
                    double su = chain(r.dxx(x, y, f), uDot) + chain(dxy, wDot);
                    double sw = chain(dxy, uDot) + chain(r.dyy(x, y, f), wDot);
                    adj[u] += chain(partials[s], a);
                    adj[w] += chain(partials[s + 1], a);
                    adjDot[u] += chain(partials[s], ad) + chain(su, a);
                    adjDot[w] += chain(partials[s + 1], ad) + chain(sw, a);
                    break;
                }
                case OpCode.MANY: {
                    int[] nary = t.naryArgs;
                    double[] naryPartials = t.naryPartials;
                    int start = args[s];
                    int end = start + args[s + 1];
                    if (code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED) {
                        for (int k = start; k < end; k++) {     // linear: no second partials
                            adj[nary[k]] += chain(naryPartials[k], a);
                            adjDot[nary[k]] += chain(naryPartials[k], ad);
                        }
                        break;
                    }
                    for (int k = start; k < end; k += 2) {       // pairs aₖ·bₖ: MULTIPLY's partials
                        int u = nary[k];
                        int w = nary[k + 1];
                        double x = value[u];
                        double y = value[w];
                        double f = x * y;
                        BinaryRule r = BinaryRule.MULTIPLY;
                        double dxy = r.dxy(x, y, f);
                        double su = chain(r.dxx(x, y, f), tan[u]) + chain(dxy, tan[w]);
                        double sw = chain(dxy, tan[u]) + chain(r.dyy(x, y, f), tan[w]);
                        adj[u] += chain(naryPartials[k], a);
                        adj[w] += chain(naryPartials[k + 1], a);
                        adjDot[u] += chain(naryPartials[k], ad) + chain(su, a);
                        adjDot[w] += chain(naryPartials[k + 1], ad) + chain(sw, a);
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    /**
     * Replays the tape at new inputs: recomputes every value and partial with the rule table.
     *
     * @param t the tape (replayable, checked by the caller)
     * @param x the new inputs, one per recorded input
     */
    static void replay(Tape t, double[] x) {
        final byte[] op = t.op;
        final int[] args = t.args;
        final double[] partials = t.partials;
        final double[] value = t.value;
        double[] ta = null;
        double[] tb = null;
        for (int i = 0, n = t.size; i < n; i++) {
            final int s = 2 * i;
            int code = op[i];
            switch (OpCode.KIND[code]) {
                case OpCode.LEAF:
                    if (code == OpCode.INPUT) {
                        value[i] = x[args[s]];
                    }
                    break;
                case OpCode.ONE: {
                    double v = value[args[s]];
                    if (code < OpCode.PARAMETRIC) {
                        UnaryRule r = OpCode.UNARY_RULES[code - OpCode.UNARY];
                        if (r == UnaryRule.NEGATE) {
                            unary(UnaryRule.NEGATE, v, value, partials, i);
                        } else {
                            unary(r, v, value, partials, i);
                        }
                    } else if (code < OpCode.BINARY) {
                        ParametricRule r = OpCode.PARAMETRIC_RULES[code - OpCode.PARAMETRIC];
                        double p = partials[s + 1];
                        double f = r.value(v, p);
                        partials[s] = r.first(v, p, f);
                        value[i] = f;
                    } else {
                        BinaryRule r = OpCode.BINARY_RULES[code - OpCode.BINARY_CONSTANT];
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
                case OpCode.TWO: {
                    BinaryRule r = OpCode.BINARY_RULES[code - OpCode.BINARY];
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
                    boolean constants = code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED;
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
                    value[i] = Tape.combine(code, ta, tb, terms);
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
}
