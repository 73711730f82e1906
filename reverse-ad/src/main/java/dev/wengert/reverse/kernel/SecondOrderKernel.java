package dev.wengert.reverse.kernel;

import static dev.wengert.core.Rules.chain;

import dev.wengert.core.BinaryRule;

/**
 * The second-order adjoint sweep (forward over reverse), one reverse loop over the whole tape that
 * carries the adjoint v̄ and its tangent v̄̇ along a direction v: for vᵢ = φ(u, w)
 *
 * <pre>
 * ū += φ_u·v̄ᵢ
 * ū̇ += φ_u·v̄̇ᵢ + v̄ᵢ·(φ_uu·u̇ + φ_uw·ẇ)
 * </pre>
 *
 * (and the same for w), every product by {@code Rules.chain}, the second partials φ_uu, φ_uw, φ_ww
 * taken from the rule table. Seeding v̄ = 1 at the output gives H·v in v̄̇ at the inputs. One
 * direction per sweep: a Hessian takes n of them.
 */
public final class SecondOrderKernel {

    private SecondOrderKernel() {
    }

    /**
     * Second-order adjoint sweep: first-order adjoints and their tangents in one reverse loop.
     *
     * @param t the entries
     * @param tan tangents of all entries along the direction (from {@link TangentKernel#scalar})
     * @param adj adjoints, seeded at the output
     * @param adjDot tangents of the adjoints, zero on entry; H·v at the inputs on exit
     * @param from the seeded output entry
     */
    public static void sweep(Entries t, double[] tan, double[] adj, double[] adjDot, int from) {
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
            switch (OpCodes.KIND[code]) {
                case OpCodes.ONE: {
                    int u = args[s];
                    double x = value[u];
                    double f = value[i];
                    double second;
                    if (code < OpCodes.PARAMETRIC) {
                        second = OpCodes.UNARY_RULES[code - OpCodes.UNARY].second(x, f, partials[s]);
                    } else if (code < OpCodes.BINARY) {
                        second = OpCodes.PARAMETRIC_RULES[code - OpCodes.PARAMETRIC]
                                .second(x, partials[s + 1], f, partials[s]);
                    } else {
                        second = OpCodes.BINARY_RULES[code - OpCodes.BINARY_CONSTANT].dxx(x, partials[s + 1], f);
                    }
                    adj[u] += chain(partials[s], a);
                    adjDot[u] += chain(partials[s], ad) + chain(chain(second, tan[u]), a);
                    break;
                }
                case OpCodes.TWO: {
                    int u = args[s];
                    int w = args[s + 1];
                    BinaryRule r = OpCodes.BINARY_RULES[code - OpCodes.BINARY];
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
                case OpCodes.MANY: {
                    int[] nary = t.naryArgs;
                    double[] naryPartials = t.naryPartials;
                    int start = args[s];
                    int end = start + args[s + 1];
                    if (code == OpCodes.LC_CONST_ARRAY || code == OpCodes.LC_CONST_FIXED) {
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

}
