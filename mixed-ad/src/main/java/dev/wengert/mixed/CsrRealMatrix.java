package dev.wengert.mixed;

import java.util.Arrays;
import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.exception.MathUnsupportedOperationException;
import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A read-only commons-math3 {@link RealMatrix} over CSR arrays (shared, never written). Matrices
 * it creates ({@code copy}, products, …) are mutable: dense {@link Array2DRowRealMatrix} up to
 * 2<sup>20</sup> entries, {@link OpenMapRealMatrix} beyond.
 */
final class CsrRealMatrix extends AbstractRealMatrix {

    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] columnIndex;
    private final double[] values;

    CsrRealMatrix(int rows, int columns, int[] rowStart, int[] columnIndex, double[] values) {
        super(rows, columns);
        this.rows = rows;
        this.columns = columns;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
        this.values = values;
    }

    @Override
    public int getRowDimension() {
        return rows;
    }

    @Override
    public int getColumnDimension() {
        return columns;
    }

    @Override
    public double getEntry(int row, int column) {
        MatrixUtils.checkMatrixIndex(this, row, column);
        int k = Arrays.binarySearch(columnIndex, rowStart[row], rowStart[row + 1], column);
        return k >= 0 ? values[k] : 0;
    }

    @Override
    public void setEntry(int row, int column, double value) {
        throw new MathUnsupportedOperationException();
    }

    @Override
    public void addToEntry(int row, int column, double increment) {
        throw new MathUnsupportedOperationException();
    }

    @Override
    public void multiplyEntry(int row, int column, double factor) {
        throw new MathUnsupportedOperationException();
    }

    @Override
    public RealMatrix createMatrix(int rowDimension, int columnDimension) {
        if ((long) rowDimension * columnDimension <= (1 << 20)) {
            return new Array2DRowRealMatrix(rowDimension, columnDimension);
        }
        return new OpenMapRealMatrix(rowDimension, columnDimension);
    }

    @Override
    public RealMatrix copy() {
        RealMatrix copy = createMatrix(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                copy.setEntry(i, columnIndex[k], values[k]);
            }
        }
        return copy;
    }

    @Override
    public double[] operate(double[] v) {
        if (v.length != columns) {
            throw new DimensionMismatchException(v.length, columns);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sum += values[k] * v[columnIndex[k]];
            }
            out[i] = sum;
        }
        return out;
    }

    @Override
    public double[] preMultiply(double[] v) {
        if (v.length != rows) {
            throw new DimensionMismatchException(v.length, rows);
        }
        double[] out = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                out[columnIndex[k]] += v[i] * values[k];
            }
        }
        return out;
    }
}
