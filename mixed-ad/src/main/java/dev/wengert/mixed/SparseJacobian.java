package dev.wengert.mixed;

import java.util.Arrays;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A Jacobian in compressed sparse row (CSR) storage, as computed by
 * {@link MixedMode#sparseJacobian}: row i's nonzeros are at positions
 * {@code rowStart[i] .. rowStart[i+1]} of {@code columnIndex} (sorted) and {@code values}.
 *
 * <p>Example, the 3 × 3 tridiagonal [[2, −1, 0], [−1, 2, −1], [0, −1, 2]]:
 * rowStart = [0, 2, 5, 7], columnIndex = [0, 1, 0, 1, 2, 1, 2], values = [2, −1, −1, 2, −1, −1, 2],
 * computed with 3 colours (3 tangent sweeps). Structural nonzeros whose value happens to be 0 are
 * kept. Immutable.
 */
public final class SparseJacobian {

    private final int rows;
    private final int columns;
    private final int colors;
    private final SweepMode mode;
    private final int[] rowStart;
    private final int[] columnIndex;
    private final double[] values;

    SparseJacobian(int rows, int columns, int colors, SweepMode mode, int[] rowStart, int[] columnIndex,
            double[] values) {
        this.rows = rows;
        this.columns = columns;
        this.colors = colors;
        this.mode = mode;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
        this.values = values;
    }

    /** @return m, the number of rows (outputs) */
    public int rows() {
        return rows;
    }

    /** @return n, the number of columns (inputs) */
    public int columns() {
        return columns;
    }

    /** @return the number of colours, i.e. of sweeps it took */
    public int colors() {
        return colors;
    }

    /** @return TANGENT if columns were coloured (one tangent sweep per colour), ADJOINT if rows were */
    public SweepMode sweepMode() {
        return mode;
    }

    /** @return the number of structural nonzeros */
    public int nonZeros() {
        return values.length;
    }

    /**
     * @param i a row
     * @param j a column
     * @return J<sub>ij</sub> (0 outside the pattern)
     */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= columns) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + rows + " x " + columns + " Jacobian");
        }
        int k = Arrays.binarySearch(columnIndex, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? values[k] : 0;
    }

    /** @return a copy of the row starts, length m + 1 */
    public int[] rowStart() {
        return rowStart.clone();
    }

    /** @return a copy of the column indices, one per nonzero */
    public int[] columnIndex() {
        return columnIndex.clone();
    }

    /** @return a copy of the values, one per nonzero */
    public double[] values() {
        return values.clone();
    }

    /** @return the values, not copied (package use) */
    double[] valuesArray() {
        return values;
    }

    /** @return the dense Jacobian, m rows of n */
    public double[][] toDense() {
        double[][] dense = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                dense[i][columnIndex[k]] = values[k];
            }
        }
        return dense;
    }

    /**
     * @return a read-only commons-math3 view ({@code setEntry} throws); {@code operate} and
     *         {@code getEntry} use the CSR storage directly
     */
    public RealMatrix asRealMatrix() {
        return new CsrRealMatrix(rows, columns, rowStart, columnIndex, values);
    }

    @Override
    public String toString() {
        return "SparseJacobian[" + rows + " x " + columns + ", " + values.length + " nonzeros, " + colors
                + " colours, " + mode.name().toLowerCase(java.util.Locale.ROOT) + " sweeps]";
    }
}
