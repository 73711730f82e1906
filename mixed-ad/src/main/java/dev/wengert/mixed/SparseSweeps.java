package dev.wengert.mixed;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * A sparse Jacobian by compressed sweeps: the pattern ({@link SparsityPattern}), a distance-2
 * colouring of its columns and of its rows ({@link Colouring}), then one tangent sweep per column
 * colour — seeded with Σ<sub>colour(j) = c</sub> e<sub>j</sub> — or one adjoint sweep per row colour,
 * whichever side has fewer colours (columns on a tie; the rows are not coloured at all when the
 * columns need no more colours than the longest column has nonzeros, a lower bound for the rows),
 * and decompression: for (i, j) in the
 * pattern, J<sub>ij</sub> is output i's tangent in sweep colour(j) (or input j's adjoint in
 * sweep colour(i)); structural orthogonality guarantees no other column (row) of that colour
 * contributes.
 *
 * <p>At a singular point (a local partial ±∞ or NaN, or an entry that comes out so) the columns
 * are swept whatever the colour counts: the tangent order, as {@link JacobianPlan#jacobian()}
 * takes there, so the sparse and the dense Jacobian agree in every entry's NaN and ±∞.
 */
final class SparseSweeps {

    private final LinearizedGraph g;
    private final SparsityPattern pattern;
    private final int[] columnColour;
    private final int[] rowColour;
    private final boolean tangent;
    private final int colours;
    private final int[] outs;
    private final int[] outPosition;
    private final Sweep whole;

    /**
     * Detects the pattern, colours both sides and prepares one sweep over the whole tape (direct for
     * a few colours, else a compiled program). The
     * sweeps read the graph's partials when {@link #compute} runs, so after a replay refreshes
     * them the same colouring serves the new point.
     *
     * @param g the graph
     */
    SparseSweeps(LinearizedGraph g) {
        this.g = g;
        pattern = SparsityPattern.of(g);
        SparsityPattern transpose = pattern.transpose();
        columnColour = Colouring.columns(pattern, transpose);
        int columnColours = Colouring.count(columnColour);
        // the rows sharing one column need distinct colours, so rows need at least as many
        // colours as the longest column has nonzeros: if columns need no more, they win the
        // comparison (ties go to columns) and the rows need not be coloured
        if (columnColours <= longest(transpose)) {
            rowColour = null;
            tangent = true;
            colours = columnColours;
        } else {
            rowColour = Colouring.columns(transpose, pattern);
            int rowColours = Colouring.count(rowColour);
            tangent = columnColours <= rowColours;
            colours = tangent ? columnColours : rowColours;
        }
        int n = g.inputs;
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        outs = activeOutputs(g);
        outPosition = new int[g.outputs.length];
        // outputs already increasing and all active: output r is outs[r]
        boolean same = Arrays.equals(outs, g.outputs);
        for (int r = 0; r < outPosition.length; r++) {
            outPosition[r] = same ? r : Arrays.binarySearch(outs, g.outputs[r]);
        }
        // a few colours: sweep the graph's arrays directly, nothing to compile
        whole = colours <= SegmentProgram.NARROW ? new DirectSweep(g, n, g.size(), all, outs)
                : new SegmentProgram(g, n, g.size(), all, outs, new int[g.size()]);
    }

    /** @return the most nonzeros in one row of the pattern */
    private static int longest(SparsityPattern pattern) {
        int most = 0;
        for (int r = 0; r < pattern.rows; r++) {
            most = Math.max(most, pattern.rowStart[r + 1] - pattern.rowStart[r]);
        }
        return most;
    }

    /** @return L(N): the active output entries, sorted, each once */
    private static int[] activeOutputs(LinearizedGraph g) {
        int[] sorted = g.outputs.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int r = 0; r < sorted.length; r++) {
            int o = sorted[r];
            if (g.active[o] && (count == 0 || sorted[count - 1] != o)) {
                sorted[count++] = o;
            }
        }
        return Arrays.copyOf(sorted, count);
    }

    static SparseJacobian compute(LinearizedGraph g, Executor executor) {
        return new SparseSweeps(g).compute(executor);
    }

    /**
     * @param executor where the sweeps of the colours run
     * @return the Jacobian at the graph's current partials
     */
    SparseJacobian compute(Executor executor) {
        if (tangent || g.singular()) {
            return compute(executor, true);
        }
        SparseJacobian s = compute(executor, false);
        for (double v : s.valuesArray()) {
            if (!Double.isFinite(v)) {
                // an overflow in the adjoint order: the tangent order decides, as at a singular point
                return compute(executor, true);
            }
        }
        return s;
    }

    /**
     * @param executor where the sweeps of the colours run
     * @param tangent true for a tangent sweep per column colour, false for an adjoint sweep per row colour
     * @return the Jacobian at the graph's current partials
     */
    private SparseJacobian compute(Executor executor, boolean tangent) {
        int n = g.inputs;
        int colours = tangent ? Colouring.count(columnColour) : this.colours;
        int m = g.outputs.length;
        double[] values = new double[pattern.nonZeros()];
        Parallel.run(executor, colours, whole.slots(), (from, to) -> {
            int w = to - from;
            if (tangent) {
                double[] seeds = new double[n * w];
                for (int j = 0; j < n; j++) {
                    int c = columnColour[j];
                    if (c >= from && c < to) {
                        seeds[j * w + c - from] = 1;
                    }
                }
                double[] t = whole.tangent(seeds, w);
                for (int r = 0; r < m; r++) {
                    int pos = outPosition[r];
                    for (int e = pattern.rowStart[r]; e < pattern.rowStart[r + 1]; e++) {
                        int c = columnColour[pattern.columnIndex[e]];
                        if (c >= from && c < to) {
                            values[e] = t[pos * w + c - from];
                        }
                    }
                }
            } else {
                double[] seeds = new double[outs.length * w];
                for (int r = 0; r < m; r++) {
                    int c = rowColour[r];
                    int pos = outPosition[r];
                    if (c >= from && c < to && pos >= 0) {
                        seeds[pos * w + c - from] = 1;
                    }
                }
                double[] a = whole.adjoint(seeds, w);
                for (int r = 0; r < m; r++) {
                    int c = rowColour[r];
                    if (c >= from && c < to) {
                        for (int e = pattern.rowStart[r]; e < pattern.rowStart[r + 1]; e++) {
                            values[e] = a[pattern.columnIndex[e] * w + c - from];
                        }
                    }
                }
            }
        });
        return new SparseJacobian(m, n, colours, tangent ? SweepMode.TANGENT : SweepMode.ADJOINT,
                pattern.rowStart, pattern.columnIndex, values);
    }
}
