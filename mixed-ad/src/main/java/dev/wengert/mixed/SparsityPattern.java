package dev.wengert.mixed;

import java.util.Arrays;

/**
 * The sparsity pattern of the Jacobian, detected on a {@link LinearizedGraph} by index-set
 * propagation: each active entry carries the sorted set of inputs it depends on, the union of
 * its operands' sets (an input j starts with {j}). A set is dropped as soon as its last user is
 * processed, so memory follows the live sets, not the tape. Row r of the pattern is the set of
 * output r.
 *
 * <p>Example: y<sub>0</sub> = x<sub>0</sub>·x<sub>1</sub>, y<sub>1</sub> = sin(x<sub>1</sub>) +
 * x<sub>2</sub>: sets {0, 1} and {1, 2}, so the pattern is rows [0, 1] and [1, 2], in CSR
 * rowStart = [0, 2, 4], columns = [0, 1, 1, 2].
 */
final class SparsityPattern {

    final int rows;
    final int columns;
    final int[] rowStart;
    final int[] columnIndex;

    private SparsityPattern(int rows, int columns, int[] rowStart, int[] columnIndex) {
        this.rows = rows;
        this.columns = columns;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
    }

    /**
     * @param g the graph
     * @return the Jacobian's pattern, m rows by n columns, CSR with sorted columns per row
     */
    static SparsityPattern of(LinearizedGraph g) {
        int size = g.size();
        int n = g.inputs;
        int[] lastUse = Cutter.lastUse(g);
        int[][] sets = new int[size][];
        for (int j = 0; j < n; j++) {
            if (g.active[j]) {
                sets[j] = new int[] {j};
            }
        }
        int[] scratch = new int[Math.max(4, n)];
        int[] operands = new int[Math.max(2, maxArity(g))];
        for (int i = n; i < size; i++) {
            if (!g.active[i]) {
                continue;
            }
            int count = g.activeOperands(i, operands);
            if (count == 0) {
                continue;
            }
            int[] set = sets[operands[0]];
            for (int e = 1; e < count; e++) {
                int[] other = sets[operands[e]];
                if (other != set) {
                    set = union(set, other, scratch);
                }
            }
            sets[i] = set;
            for (int e = 0; e < count; e++) {
                int u = operands[e];
                if (lastUse[u] == i) {
                    sets[u] = null;
                }
            }
        }
        int m = g.outputs.length;
        int[] rowStart = new int[m + 1];
        for (int r = 0; r < m; r++) {
            int[] set = sets[g.outputs[r]];
            rowStart[r + 1] = rowStart[r] + (set == null ? 0 : set.length);
        }
        int[] columnIndex = new int[rowStart[m]];
        for (int r = 0; r < m; r++) {
            int[] set = sets[g.outputs[r]];
            if (set != null) {
                System.arraycopy(set, 0, columnIndex, rowStart[r], set.length);
            }
        }
        return new SparsityPattern(m, n, rowStart, columnIndex);
    }

    /** @return the most operand slots of one entry */
    private static int maxArity(LinearizedGraph g) {
        int most = 0;
        for (int i = g.inputs; i < g.size(); i++) {
            most = Math.max(most, g.list.arity(i));
        }
        return most;
    }

    /** @return the sorted union of two sorted sets (one of them itself when it contains the other) */
    private static int[] union(int[] a, int[] b, int[] scratch) {
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            if (x == y) {
                scratch[k++] = x;
                i++;
                j++;
            } else if (x < y) {
                scratch[k++] = x;
                i++;
            } else {
                scratch[k++] = y;
                j++;
            }
        }
        while (i < a.length) {
            scratch[k++] = a[i++];
        }
        while (j < b.length) {
            scratch[k++] = b[j++];
        }
        if (k == a.length) {
            return a;
        }
        if (k == b.length) {
            return b;
        }
        return Arrays.copyOf(scratch, k);
    }

    /** @return the transpose pattern: for each column, its rows (sorted) */
    SparsityPattern transpose() {
        int[] start = new int[columns + 1];
        for (int c : columnIndex) {
            start[c + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, columns);
        int[] index = new int[columnIndex.length];
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                index[next[columnIndex[e]]++] = r;
            }
        }
        return new SparsityPattern(columns, rows, start, index);
    }

    int nonZeros() {
        return columnIndex.length;
    }
}
