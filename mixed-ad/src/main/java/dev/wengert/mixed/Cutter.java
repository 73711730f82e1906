package dev.wengert.mixed;

import java.util.Arrays;

/**
 * Cuts a {@link LinearizedGraph} into a chain of segments at tape positions with small live sets.
 *
 * <p>A <em>cut position</em> p (n ≤ p ≤ N, N the number of entries) lies between entry p−1 and
 * entry p. Its <b>live set</b> L(p) holds the active values defined before p and still needed at
 * or after p: used by an entry ≥ p, or an output (outputs are live to the end). Inputs count
 * while some later entry uses them. A segment [a, b) maps L(a), its fan-in, to L(b), its fan-out;
 * a value of L(a) ∩ L(b) that the segment does not use is merely passed through (an identity row,
 * no sweep cost).
 *
 * <p>|L(p)| at every p is computed when the graph is built ({@link LinearizedGraph#over}, in its
 * backward pass): an active value v with last use u (u = N for an output) is live at the positions
 * max(v + 1, n) ≤ p ≤ u, added as a difference array. Candidate cuts are the interior local minima of |L(p)| (for a plateau, its first
 * position); when there are more than {@code maxSegments − 1}, the ones with the smallest live
 * sets are kept, first those at least (N − n)/(2·maxSegments) entries from a cut already kept (so
 * the cuts spread over the tape rather than crowd around one narrow place), then the rest. Example: h = Σ<sub>j</sub> g(x<sub>j</sub>), y<sub>i</sub> = q<sub>i</sub>(h)
 * has |L| falling from n to 1 while the sum is formed, then rising to n: one cut, at the waist.
 *
 * <p>A graph is cut into at most one segment per {@value #EDGES_PER_SEGMENT} edges (and at most
 * 2 below that): each segment costs a program to compile, a step to plan and a matrix to pass on,
 * about what a sweep over a couple of thousand edges costs, while the narrow places that make a
 * plan cheap are few and are kept first. On the bottleneck family (n = 256, k = 1, 13,823 edges)
 * this gives 6 segments instead of 32, with the same predicted cost.
 */
final class Cutter {

    /** At most one segment per this many edges (but 2 segments are always allowed). */
    static final int EDGES_PER_SEGMENT = 2048;

    private Cutter() {
    }

    /**
     * @param g the graph
     * @return |L(p)| for p = n..N, at index p − n (computed when the graph was built; not a copy)
     */
    static int[] liveSizes(LinearizedGraph g) {
        return g.live;
    }

    /**
     * @param g the graph
     * @return per entry v, the last entry using it, N for an output, or a value ≤ v if unused
     *         (computed when the graph was built; not a copy)
     */
    static int[] lastUse(LinearizedGraph g) {
        return g.lastUse;
    }

    /**
     * @param edges the graph's edge count
     * @param maxSegments the most segments asked for (≥ 1)
     * @return the most segments worth cutting the graph into: maxSegments, but at most one per
     *         {@value #EDGES_PER_SEGMENT} edges and at least 2 (1 if maxSegments is 1)
     */
    static int segmentLimit(long edges, int maxSegments) {
        return (int) Math.min(maxSegments, Math.max(2, edges / EDGES_PER_SEGMENT));
    }

    /**
     * @param live |L(p)| from {@link #liveSizes}
     * @param n the number of inputs
     * @param maxSegments the most segments wanted (≥ 1)
     * @return the chosen interior cut positions, increasing
     */
    static int[] chooseCuts(int[] live, int n, int maxSegments) {
        int[] minima = new int[16];
        int count = 0;
        int maxLive = 0;
        int last = live.length - 1;
        int p = 1;
        while (p < last) {
            int q = p;
            while (q + 1 < last && live[q + 1] == live[p]) {
                q++;
            }
            if (live[p - 1] > live[p] && live[q + 1] > live[p]) {
                if (count == minima.length) {
                    minima = Arrays.copyOf(minima, 2 * count);
                }
                minima[count++] = p;
                maxLive = Math.max(maxLive, live[p]);
            }
            p = q + 1;
        }
        int wanted = Math.min(count, maxSegments - 1);
        int[] kept = new int[wanted];
        int taken = 0;
        if (count > wanted) {
            // order by live size, then position: a counting sort (positions are already increasing)
            int[] start = new int[maxLive + 2];
            for (int c = 0; c < count; c++) {
                start[live[minima[c]] + 1]++;
            }
            for (int v = 0; v <= maxLive; v++) {
                start[v + 1] += start[v];
            }
            int[] order = new int[count];
            for (int c = 0; c < count; c++) {
                order[start[live[minima[c]]]++] = minima[c];
            }
            // first pass: at most one cut per stretch of `gap` positions; second pass: the rest
            int gap = Math.max(1, (live.length - 1) / (2 * maxSegments));
            int[] bucket = new int[live.length / gap + 2];
            Arrays.fill(bucket, -1);
            boolean[] used = new boolean[count];
            for (int c = 0; c < count && taken < wanted; c++) {
                int candidate = order[c];
                int b = candidate / gap;
                boolean far = true;
                for (int d = Math.max(0, b - 1); d <= b + 1 && far; d++) {
                    far = bucket[d] < 0 || Math.abs(bucket[d] - candidate) >= gap;
                }
                if (far) {
                    bucket[b] = candidate;
                    kept[taken++] = candidate;
                    used[c] = true;
                }
            }
            for (int c = 0; c < count && taken < wanted; c++) {
                if (!used[c]) {
                    kept[taken++] = order[c];
                }
            }
        } else {
            System.arraycopy(minima, 0, kept, 0, count);
            taken = count;
        }
        int[] cuts = new int[taken];
        for (int k = 0; k < taken; k++) {
            cuts[k] = kept[k] + n;
        }
        Arrays.sort(cuts);
        return cuts;
    }

    /**
     * The chain of segments: bounds n = b<sub>0</sub> &lt; b<sub>1</sub> &lt; … &lt; b<sub>L</sub> = N
     * (segment s is [b<sub>s</sub>, b<sub>s+1</sub>)) and the live set at each bound.
     *
     * @param bounds the segment bounds
     * @param liveSets L(b) for each bound, sorted
     */
    record Chain(int[] bounds, int[][] liveSets) {

        int length() {
            return bounds.length - 1;
        }

        /**
         * @param g the graph
         * @param from the first segment
         * @param to the last segment
         * @param scratch an int array of the graph's size
         * @return segments from..to compiled as one program (pass-through values cost nothing)
         */
        SegmentProgram program(LinearizedGraph g, int from, int to, int[] scratch) {
            return new SegmentProgram(g, bounds[from], bounds[to + 1], liveSets[from], liveSets[to + 1], scratch);
        }
    }

    /**
     * @param g the graph
     * @param lastUse from {@link #lastUse}
     * @param cuts interior cut positions, increasing, each in (n, N)
     * @return the segments [n, c<sub>1</sub>), [c<sub>1</sub>, c<sub>2</sub>), …, [c<sub>last</sub>, N)
     */
    static Chain chain(LinearizedGraph g, int[] lastUse, int[] cuts) {
        int[] bounds = new int[cuts.length + 2];
        bounds[0] = g.inputs;
        System.arraycopy(cuts, 0, bounds, 1, cuts.length);
        bounds[bounds.length - 1] = g.size();
        return new Chain(bounds, liveSets(g, lastUse, bounds));
    }

    /**
     * All live sets at once: value v is in L(p) for the bounds p with v &lt; p ≤ lastUse(v); the
     * first bound after v advances with v, so the cost is O(N + L + Σ|L(p)|) rather than O(N·L).
     * One pass when lastUse is the graph's own (the sizes are then its live sizes), else two
     * (count, then fill).
     *
     * @param g the graph
     * @param lastUse from {@link #lastUse}
     * @param bounds cut positions, increasing
     * @return L(p) for each bound, sorted
     */
    static int[][] liveSets(LinearizedGraph g, int[] lastUse, int[] bounds) {
        int size = g.size();
        boolean[] active = g.active;
        int[] count = new int[bounds.length];
        int[][] sets = new int[bounds.length][];
        // with the graph's own last uses the sizes are known, |L(p)| = live[p − n]: one pass fills
        boolean sized = lastUse == g.lastUse;
        if (sized) {
            for (int k = 0; k < bounds.length; k++) {
                sets[k] = new int[g.live[bounds[k] - g.inputs]];
            }
        }
        for (int pass = sized ? 1 : 0; pass < 2; pass++) {
            if (pass == 1 && !sized) {
                for (int k = 0; k < bounds.length; k++) {
                    sets[k] = new int[count[k]];
                    count[k] = 0;
                }
            }
            int first = 0;                      // the first bound > v, advanced as v grows
            for (int v = 0; v < size; v++) {
                while (first < bounds.length && bounds[first] <= v) {
                    first++;
                }
                int last = lastUse[v];
                if (!active[v] || last <= v) {
                    continue;
                }
                for (int k = first; k < bounds.length && bounds[k] <= last; k++) {
                    if (pass == 1) {
                        sets[k][count[k]] = v;
                    }
                    count[k]++;
                }
            }
        }
        return sets;
    }

    /**
     * @param g the graph
     * @param lastUse from {@link #lastUse}
     * @param p a cut position
     * @return L(p), sorted
     */
    static int[] liveSet(LinearizedGraph g, int[] lastUse, int p) {
        int count = 0;
        for (int v = 0; v < p; v++) {
            if (g.active[v] && lastUse[v] >= p) {
                count++;
            }
        }
        int[] set = new int[count];
        int k = 0;
        for (int v = 0; v < p; v++) {
            if (g.active[v] && lastUse[v] >= p) {
                set[k++] = v;
            }
        }
        return set;
    }
}
