package dev.wengert.reverse.testing;

import dev.wengert.core.Rules;
import dev.wengert.reverse.TapeView;

/**
 * The textbook tangent and adjoint sweeps over the public {@link TapeView} of a recording: the
 * reference that every sweep kernel — reverse mode's whole-tape sweeps, mixed mode's segment and
 * direct sweeps — is compared with, bit for bit. One copy, shared by the reverse-ad and mixed-ad
 * tests (reverse-ad's test jar).
 */
public final class TextbookSweeps {

    private TextbookSweeps() {
    }

    /**
     * ṫᵢ = 0 + Σₖ chain(partial(i, k), ṫ(operand(i, k))), entries increasing, every sum started at +0.
     *
     * @param view the recording
     * @param seeds one tangent per input
     * @return every entry's tangent
     */
    public static double[] tangents(TapeView view, double[] seeds) {
        double[] tan = new double[view.size()];
        for (int j = 0; j < seeds.length; j++) {
            tan[view.inputIndex(j)] = seeds[j];
        }
        for (int i = 0; i < view.size(); i++) {
            if (view.arity(i) == 0) {
                continue;
            }
            double s = 0;
            for (int k = 0; k < view.arity(i); k++) {
                double term = Rules.chain(view.partial(i, k), tan[view.operand(i, k)]);
                s += term;
            }
            tan[i] = s;
        }
        return tan;
    }

    /**
     * v̄(operand(i, k)) += chain(partial(i, k), v̄ᵢ) for v̄ᵢ ≠ 0, entries decreasing.
     *
     * @param view the recording
     * @param weights one adjoint seed per output
     * @return every entry's adjoint
     */
    public static double[] adjoints(TapeView view, double[] weights) {
        double[] adj = new double[view.size()];
        for (int r = 0; r < view.outputCount(); r++) {
            adj[view.outputIndex(r)] += weights[r];
        }
        for (int i = view.size() - 1; i >= 0; i--) {
            double a = adj[i];
            if (a == 0) {
                continue;
            }
            for (int k = 0; k < view.arity(i); k++) {
                adj[view.operand(i, k)] += Rules.chain(view.partial(i, k), a);
            }
        }
        return adj;
    }
}
