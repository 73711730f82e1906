package dev.wengert.mixed;

import java.util.ArrayList;
import java.util.List;

/**
 * Naumann's dynamic programme for the Jacobian chain product (U. Naumann, "Matrix-Free Jacobian
 * Chaining", arXiv 2406.11862), on a chain of L segments F = F<sub>L−1</sub> ∘ … ∘ F<sub>0</sub>.
 *
 * <p>Segment s has fan-in n<sub>s</sub>, fan-out m<sub>s</sub> (= n<sub>s+1</sub>) and sweep cost
 * τ<sub>s</sub> = α<sub>s</sub> = its edge count; τ<sub>i..j</sub> = Σ<sub>s=i..j</sub> τ<sub>s</sub>.
 * Costs are multiply-adds. C(i, j) is the least cost of the Jacobian F′<sub>j..i</sub> of segments
 * i..j (an m<sub>j</sub> × n<sub>i</sub> matrix):
 * <pre>
 * C(i, i) = min(n_i·τ_i, m_i·α_i)                 n_i tangent sweeps, or m_i adjoint sweeps
 * C(i, j) = min over i ≤ k &lt; j of
 *     C(k+1, j) + C(i, k) + m_j·m_k·n_i            multiply F′_{j..k+1} · F′_{k..i}
 *     C(i, k) + n_i·τ_{k+1..j}                      push the n_i columns of F′_{k..i} forward
 *     C(k+1, j) + m_j·α_{i..k}                      pull the m_j rows of F′_{j..k+1} back
 * </pre>
 * in O(L³) time. Pure forward (n<sub>0</sub>·τ<sub>0..L−1</sub>) and pure reverse
 * (m<sub>L−1</sub>·α<sub>0..L−1</sub>) are among the plans considered (push or pull from the
 * first or last leaf), so C(0, L−1) never exceeds either.
 *
 * <p>Worked example: two segments, n<sub>0</sub> = 4 → m<sub>0</sub> = 1 → m<sub>1</sub> = 4, with
 * τ<sub>0</sub> = τ<sub>1</sub> = 40. C(0,0) = min(4·40, 1·40) = 40 (adjoint), C(1,1) = min(1·40,
 * 4·40) = 40 (tangent); C(0,1) = min(40 + 40 + 4·1·4, 40 + 4·40, 40 + 4·40) = 96, against 320 for
 * either pure mode.
 *
 * <p>Ties are broken in the order tangent, adjoint (leaves) and multiply, push, pull (splits),
 * then by the smallest k, so a plan is deterministic.
 */
final class ChainPlanner {

    /** What a step of a plan does. */
    enum Kind { TANGENT, ADJOINT, MULTIPLY, PUSH, PULL }

    /**
     * One step of a plan, in execution order. For TANGENT and ADJOINT, segment i = j; for
     * MULTIPLY, F′<sub>j..k+1</sub>·F′<sub>k..i</sub>; for PUSH, the columns of F′<sub>k..i</sub>
     * through segments k+1..j; for PULL, the rows of F′<sub>j..k+1</sub> through segments k..i.
     *
     * @param kind what it does
     * @param i the first segment of the result
     * @param k the split
     * @param j the last segment of the result
     * @param cost its own multiply-adds (not those of the steps it consumes)
     */
    record Step(Kind kind, int i, int k, int j, long cost) {
    }

    private final long[] fanIn;
    private final long[] fanOut;
    private final long[] tau;
    /** prefix sums: τ<sub>0</sub> + … + τ<sub>s−1</sub> at index s, so τ over a range is one subtraction */
    private final long[] tauBefore;
    private final long[][] cost;
    private final Kind[][] kind;
    private final int[][] split;

    /**
     * @param fanIn n<sub>s</sub> per segment
     * @param fanOut m<sub>s</sub> per segment
     * @param tau τ<sub>s</sub> = α<sub>s</sub> per segment
     */
    ChainPlanner(long[] fanIn, long[] fanOut, long[] tau) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.tau = tau;
        int len = tau.length;
        tauBefore = new long[len + 1];
        for (int s = 0; s < len; s++) {
            tauBefore[s + 1] = tauBefore[s] + tau[s];
        }
        cost = new long[len][len];
        kind = new Kind[len][len];
        split = new int[len][len];
        solve();
    }

    private long tau(int from, int to) {
        return tauBefore[to + 1] - tauBefore[from];
    }

    private void solve() {
        int len = tau.length;
        for (int i = 0; i < len; i++) {
            long tangent = fanIn[i] * tau[i];
            long adjoint = fanOut[i] * tau[i];
            cost[i][i] = Math.min(tangent, adjoint);
            kind[i][i] = tangent <= adjoint ? Kind.TANGENT : Kind.ADJOINT;
        }
        for (int width = 1; width < len; width++) {
            for (int i = 0; i + width < len; i++) {
                int j = i + width;
                long best = Long.MAX_VALUE;
                for (int k = i; k < j; k++) {
                    long multiply = cost[k + 1][j] + cost[i][k] + fanOut[j] * fanOut[k] * fanIn[i];
                    long push = cost[i][k] + fanIn[i] * tau(k + 1, j);
                    long pull = cost[k + 1][j] + fanOut[j] * tau(i, k);
                    if (multiply < best) {
                        best = multiply;
                        kind[i][j] = Kind.MULTIPLY;
                        split[i][j] = k;
                    }
                    if (push < best) {
                        best = push;
                        kind[i][j] = Kind.PUSH;
                        split[i][j] = k;
                    }
                    if (pull < best) {
                        best = pull;
                        kind[i][j] = Kind.PULL;
                        split[i][j] = k;
                    }
                }
                cost[i][j] = best;
            }
        }
    }

    /** @return C(0, L−1), the predicted cost of the plan */
    long predictedCost() {
        return cost[0][tau.length - 1];
    }

    /** @return n<sub>0</sub>·τ<sub>0..L−1</sub> */
    long pureForwardCost() {
        return fanIn[0] * tau(0, tau.length - 1);
    }

    /** @return m<sub>L−1</sub>·α<sub>0..L−1</sub> */
    long pureReverseCost() {
        return fanOut[tau.length - 1] * tau(0, tau.length - 1);
    }

    /**
     * The plan's steps in execution order (post-order of the choice tree), built with an explicit
     * stack, consecutive pushes (pulls) of the same columns (rows) joined into one. Executing them
     * with a stack of matrices leaves F′<sub>L−1..0</sub> on top.
     *
     * @return the steps
     */
    List<Step> steps() {
        List<Step> out = new ArrayList<>();
        int len = tau.length;
        // stack entries: {i, j, expanded}
        int[][] stack = new int[4 * len + 4][];
        int top = 0;
        stack[top++] = new int[] {0, len - 1, 0};
        while (top > 0) {
            int[] frame = stack[--top];
            int i = frame[0];
            int j = frame[1];
            Kind choice = kind[i][j];
            int k = split[i][j];
            if (i == j) {
                out.add(new Step(choice, i, i, i, cost[i][j]));
                continue;
            }
            if (frame[2] == 1) {
                long own = switch (choice) {
                    case MULTIPLY -> fanOut[j] * fanOut[k] * fanIn[i];
                    case PUSH -> fanIn[i] * tau(k + 1, j);
                    case PULL -> fanOut[j] * tau(i, k);
                    default -> throw new IllegalStateException(choice.toString());
                };
                out.add(new Step(choice, i, k, j, own));
                continue;
            }
            stack[top++] = new int[] {i, j, 1};
            switch (choice) {
                case MULTIPLY -> {
                    stack[top++] = new int[] {k + 1, j, 0};
                    stack[top++] = new int[] {i, k, 0};
                }
                case PUSH -> stack[top++] = new int[] {i, k, 0};
                case PULL -> stack[top++] = new int[] {k + 1, j, 0};
                default -> throw new IllegalStateException(choice.toString());
            }
        }
        return merged(out);
    }

    /**
     * Joins a push that consumes another push (a pull that consumes another pull) into one step
     * over both ranges of segments: one sweep over the union does the same arithmetic in the same
     * order as the two sweeps in turn, without the matrix between them.
     */
    private static List<Step> merged(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            Step previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && step.kind() == Kind.PUSH && previous.kind() == Kind.PUSH
                    && previous.i() == step.i() && previous.j() == step.k()) {
                out.set(out.size() - 1, new Step(Kind.PUSH, step.i(), previous.k(), step.j(), previous.cost() + step.cost()));
            } else if (previous != null && step.kind() == Kind.PULL && previous.kind() == Kind.PULL
                    && previous.j() == step.j() && previous.i() == step.k() + 1) {
                out.set(out.size() - 1, new Step(Kind.PULL, step.i(), previous.k(), step.j(), previous.cost() + step.cost()));
            } else {
                out.add(step);
            }
        }
        return out;
    }
}
