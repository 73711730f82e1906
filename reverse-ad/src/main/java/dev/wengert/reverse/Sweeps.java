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
 *   <li><b>adjoint</b> (reverse): for i from the seeded output down to 0, with adjoint v̄ᵢ ≠ 0:
 *       v̄<sub>arg</sub> += ∂vᵢ/∂v<sub>arg</sub> · v̄ᵢ for each operand. Adjoints accumulate, so
 *       a reused entry is right; an entry with v̄ᵢ = 0 is skipped, so a zero adjoint never meets
 *       an infinite or NaN partial.</li>
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
     * Adjoint sweep from entry {@code from} down to 0.
     *
     * @param t the tape
     * @param adj adjoints, seeded at the outputs; accumulated in place
     * @param from the highest seeded entry
     */
    static void adjoint(Tape t, double[] adj, int from) {
        final byte[] op = t.op;
        final int[] arg0 = t.arg0;
        final int[] arg1 = t.arg1;
        final double[] d0 = t.d0;
        final double[] d1 = t.d1;
        final byte[] kind = OpCode.KIND;
        for (int i = from; i >= 0; i--) {
            double a = adj[i];
            if (a == 0) {
                continue;
            }
            switch (kind[op[i]]) {
                case OpCode.ONE:
                    adj[arg0[i]] += d0[i] * a;
                    break;
                case OpCode.TWO:
                    adj[arg0[i]] += d0[i] * a;
                    adj[arg1[i]] += d1[i] * a;
                    break;
                case OpCode.MANY:
                    int[] args = t.naryArgs;
                    double[] partials = t.naryPartials;
                    for (int k = arg0[i], end = k + arg1[i]; k < end; k++) {
                        adj[args[k]] += partials[k] * a;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * Tangent sweep over the whole tape.
     *
     * @param t the tape
     * @param tan tangents, seeded at the inputs (and 0 elsewhere); filled in place
     */
    static void tangent(Tape t, double[] tan) {
        final byte[] op = t.op;
        final int[] arg0 = t.arg0;
        final int[] arg1 = t.arg1;
        final double[] d0 = t.d0;
        final double[] d1 = t.d1;
        final byte[] kind = OpCode.KIND;
        for (int i = 0, n = t.size; i < n; i++) {
            switch (kind[op[i]]) {
                case OpCode.ONE:
                    tan[i] = chain(d0[i], tan[arg0[i]]);
                    break;
                case OpCode.TWO:
                    tan[i] = chain(d0[i], tan[arg0[i]]) + chain(d1[i], tan[arg1[i]]);
                    break;
                case OpCode.MANY:
                    double s = 0;
                    for (int k = arg0[i], end = k + arg1[i]; k < end; k++) {
                        s += chain(t.naryPartials[k], tan[t.naryArgs[k]]);
                    }
                    tan[i] = s;
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
        final int[] arg0 = t.arg0;
        final int[] arg1 = t.arg1;
        final double[] value = t.value;
        final double[] d0 = t.d0;
        final double[] d1 = t.d1;
        for (int i = from; i >= 0; i--) {
            double a = adj[i];
            double ad = adjDot[i];
            if (a == 0 && ad == 0) {
                continue;
            }
            int code = op[i];
            switch (OpCode.KIND[code]) {
                case OpCode.ONE: {
                    int u = arg0[i];
                    double x = value[u];
                    double f = value[i];
                    double second;
                    if (code < OpCode.PARAMETRIC) {
                        second = OpCode.UNARY_RULES[code - OpCode.UNARY].second(x, f, d0[i]);
                    } else if (code < OpCode.BINARY) {
                        second = OpCode.PARAMETRIC_RULES[code - OpCode.PARAMETRIC].second(x, d1[i], f, d0[i]);
                    } else {
                        second = OpCode.BINARY_RULES[code - OpCode.BINARY_CONSTANT].dxx(x, d1[i], f);
                    }
                    adj[u] += chain(d0[i], a);
                    adjDot[u] += chain(d0[i], ad) + chain(chain(second, tan[u]), a);
                    break;
                }
                case OpCode.TWO: {
                    int u = arg0[i];
                    int w = arg1[i];
                    BinaryRule r = OpCode.BINARY_RULES[code - OpCode.BINARY];
                    double x = value[u];
                    double y = value[w];
                    double f = value[i];
                    double uDot = tan[u];
                    double wDot = tan[w];
                    double dxy = r.dxy(x, y, f);
                    double su = chain(r.dxx(x, y, f), uDot) + chain(dxy, wDot);
                    double sw = chain(dxy, uDot) + chain(r.dyy(x, y, f), wDot);
                    adj[u] += chain(d0[i], a);
                    adj[w] += chain(d1[i], a);
                    adjDot[u] += chain(d0[i], ad) + chain(su, a);
                    adjDot[w] += chain(d1[i], ad) + chain(sw, a);
                    break;
                }
                case OpCode.MANY: {
                    int[] args = t.naryArgs;
                    double[] partials = t.naryPartials;
                    int start = arg0[i];
                    int end = start + arg1[i];
                    if (code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED) {
                        for (int k = start; k < end; k++) {     // linear: no second partials
                            adj[args[k]] += chain(partials[k], a);
                            adjDot[args[k]] += chain(partials[k], ad);
                        }
                        break;
                    }
                    for (int k = start; k < end; k += 2) {       // pairs aₖ·bₖ: MULTIPLY's partials
                        int u = args[k];
                        int w = args[k + 1];
                        double x = value[u];
                        double y = value[w];
                        double f = x * y;
                        BinaryRule r = BinaryRule.MULTIPLY;
                        double dxy = r.dxy(x, y, f);
                        double su = chain(r.dxx(x, y, f), tan[u]) + chain(dxy, tan[w]);
                        double sw = chain(dxy, tan[u]) + chain(r.dyy(x, y, f), tan[w]);
                        adj[u] += chain(partials[k], a);
                        adj[w] += chain(partials[k + 1], a);
                        adjDot[u] += chain(partials[k], ad) + chain(su, a);
                        adjDot[w] += chain(partials[k + 1], ad) + chain(sw, a);
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
        final int[] arg0 = t.arg0;
        final int[] arg1 = t.arg1;
        final double[] value = t.value;
        final double[] d0 = t.d0;
        final double[] d1 = t.d1;
        double[] ta = null;
        double[] tb = null;
        for (int i = 0, n = t.size; i < n; i++) {
            int code = op[i];
            switch (OpCode.KIND[code]) {
                case OpCode.LEAF:
                    if (code == OpCode.INPUT) {
                        value[i] = x[arg0[i]];
                    }
                    break;
                case OpCode.ONE: {
                    double v = value[arg0[i]];
                    if (code < OpCode.PARAMETRIC) {
                        UnaryRule r = OpCode.UNARY_RULES[code - OpCode.UNARY];
                        if (r == UnaryRule.NEGATE) {
                            unary(UnaryRule.NEGATE, v, value, d0, i);
                        } else {
                            unary(r, v, value, d0, i);
                        }
                    } else if (code < OpCode.BINARY) {
                        ParametricRule r = OpCode.PARAMETRIC_RULES[code - OpCode.PARAMETRIC];
                        double f = r.value(v, d1[i]);
                        d0[i] = r.first(v, d1[i], f);
                        value[i] = f;
                    } else {
                        BinaryRule r = OpCode.BINARY_RULES[code - OpCode.BINARY_CONSTANT];
                        double c = d1[i];
                        if (r == BinaryRule.ADD) {
                            withConstant(BinaryRule.ADD, v, c, value, d0, i);
                        } else if (r == BinaryRule.MULTIPLY) {
                            withConstant(BinaryRule.MULTIPLY, v, c, value, d0, i);
                        } else if (r == BinaryRule.SUBTRACT) {
                            withConstant(BinaryRule.SUBTRACT, v, c, value, d0, i);
                        } else if (r == BinaryRule.DIVIDE) {
                            withConstant(BinaryRule.DIVIDE, v, c, value, d0, i);
                        } else {
                            withConstant(r, v, c, value, d0, i);
                        }
                    }
                    break;
                }
                case OpCode.TWO: {
                    BinaryRule r = OpCode.BINARY_RULES[code - OpCode.BINARY];
                    double u = value[arg0[i]];
                    double w = value[arg1[i]];
                    if (r == BinaryRule.MULTIPLY) {
                        binary(BinaryRule.MULTIPLY, u, w, value, d0, d1, i);
                    } else if (r == BinaryRule.ADD) {
                        binary(BinaryRule.ADD, u, w, value, d0, d1, i);
                    } else if (r == BinaryRule.SUBTRACT) {
                        binary(BinaryRule.SUBTRACT, u, w, value, d0, d1, i);
                    } else if (r == BinaryRule.DIVIDE) {
                        binary(BinaryRule.DIVIDE, u, w, value, d0, d1, i);
                    } else {
                        binary(r, u, w, value, d0, d1, i);
                    }
                    break;
                }
                default: {
                    int start = arg0[i];
                    int count = arg1[i];
                    int[] args = t.naryArgs;
                    double[] partials = t.naryPartials;
                    boolean constants = code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED;
                    int terms = constants ? count : count / 2;
                    if (ta == null || ta.length < terms) {
                        ta = new double[terms];
                        tb = new double[terms];
                    }
                    for (int k = 0; k < terms; k++) {
                        if (constants) {
                            ta[k] = partials[start + k];
                            tb[k] = value[args[start + k]];
                        } else {
                            double av = value[args[start + 2 * k]];
                            double bv = value[args[start + 2 * k + 1]];
                            ta[k] = av;
                            tb[k] = bv;
                            partials[start + 2 * k] = BinaryRule.MULTIPLY.dx(av, bv, av * bv);
                            partials[start + 2 * k + 1] = BinaryRule.MULTIPLY.dy(av, bv, av * bv);
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

    private static void unary(UnaryRule r, double x, double[] value, double[] d0, int i) {
        double f = r.value(x);
        value[i] = f;
        d0[i] = r.first(x, f);
    }

    private static void withConstant(BinaryRule r, double x, double c, double[] value, double[] d0, int i) {
        double f = r.value(x, c);
        value[i] = f;
        d0[i] = r.dx(x, c, f);
    }

    private static void binary(BinaryRule r, double x, double y, double[] value, double[] d0, double[] d1,
            int i) {
        double f = r.value(x, y);
        value[i] = f;
        d0[i] = r.dx(x, y, f);
        d1[i] = r.dy(x, y, f);
    }
}
