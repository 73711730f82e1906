package dev.wengert.mixed;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * A sparse Jacobian by compressed sweeps: the pattern ({@link SparsityPattern}), a distance-2
 * colouring of its columns and of its rows ({@link Colouring}), then one tangent sweep per column
 * colour — seeded with Σ<sub>colour(j) = c</sub> e<sub>j</sub> — or one adjoint sweep per row colour,
 * whichever side has fewer colours (columns on a tie), and decompression: for (i, j) in the
 * pattern, J<sub>ij</sub> is output i's tangent in sweep colour(j) (or input j's adjoint in
 * sweep colour(i)); structural orthogonality guarantees no other column (row) of that colour
 * contributes.
 */
final class SparseSweeps {

    private SparseSweeps() {
    }

    static SparseJacobian compute(LinearizedGraph g, Executor executor) {
        SparsityPattern pattern = SparsityPattern.of(g);
        SparsityPattern transpose = pattern.transpose();
        int[] columnColour = Colouring.columns(pattern, transpose);
        int[] rowColour = Colouring.columns(transpose, pattern);
        int columnColours = Colouring.count(columnColour);
        int rowColours = Colouring.count(rowColour);
        int n = g.inputs;
        int m = g.outputs.length;
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        int[] lastUse = Cutter.lastUse(g);
        int[] outs = Cutter.liveSet(g, lastUse, g.size());
        SegmentProgram whole = new SegmentProgram(g, n, g.size(), all, outs, new int[g.size()]);
        double[] values = new double[pattern.nonZeros()];
        long slots = (long) g.size();
        boolean tangent = columnColours <= rowColours;
        int colours = tangent ? columnColours : rowColours;
        Parallel.run(executor, colours, slots, (from, to) -> {
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
                    int pos = Arrays.binarySearch(outs, g.outputs[r]);
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
                    int pos = Arrays.binarySearch(outs, g.outputs[r]);
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
