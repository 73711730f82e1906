package dev.wengert.mixed;

import java.util.Arrays;

/**
 * Greedy distance-2 colouring of the columns of a sparsity pattern (Gebremedhin, Manne and
 * Pothen, "What color is your Jacobian?", SIAM Review 47(4), 2005): two columns that share a
 * nonzero row must differ in colour, so the columns of one colour are structurally orthogonal and
 * one tangent sweep seeded with their sum recovers all of them. Rows are coloured the same way on
 * the transpose, for adjoint sweeps.
 *
 * <p>Columns are visited in natural order; each takes the smallest colour not used by a column at
 * distance 2 (a neighbour of one of its rows), found with a "forbidden" array stamped with the
 * current column, in O(Σ<sub>rows</sub> |row|²) total. Example: a tridiagonal pattern gives
 * colours 0, 1, 2, 0, 1, 2, …: three sweeps, whatever n.
 */
final class Colouring {

    private Colouring() {
    }

    /**
     * @param pattern the rows' column sets
     * @param transpose the columns' row sets ({@code pattern.transpose()})
     * @return a colour per column, 0 ≤ colour &lt; number of colours
     */
    static int[] columns(SparsityPattern pattern, SparsityPattern transpose) {
        int n = pattern.columns;
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        int[] forbidden = new int[n + 1];
        Arrays.fill(forbidden, -1);
        for (int j = 0; j < n; j++) {
            for (int e = transpose.rowStart[j]; e < transpose.rowStart[j + 1]; e++) {
                int r = transpose.columnIndex[e];
                for (int f = pattern.rowStart[r]; f < pattern.rowStart[r + 1]; f++) {
                    int c = colour[pattern.columnIndex[f]];
                    if (c >= 0) {
                        forbidden[c] = j;
                    }
                }
            }
            int c = 0;
            while (forbidden[c] == j) {
                c++;
            }
            colour[j] = c;
        }
        return colour;
    }

    /**
     * @param colour a colouring
     * @return the number of colours used
     */
    static int count(int[] colour) {
        int max = -1;
        for (int c : colour) {
            max = Math.max(max, c);
        }
        return max + 1;
    }
}
