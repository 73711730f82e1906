package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.VectorFunction;
import dev.wengert.core.testing.Families;
import dev.wengert.reverse.ReverseMode;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.exception.MathUnsupportedOperationException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

class SparseJacobianTest {

    private final MixedMode mixed = new MixedMode();

    @Test
    void broydenAtTenThousandTakesAtMostFourColoursAndMatchesItsTridiagonalJacobian() {
        int n = 10_000;
        double[] x = Families.point(n, 1);
        SparseJacobian j = mixed.sparseJacobian(Families.BROYDEN, x);
        assertTrue(j.colors() <= 4, "colours: " + j.colors());
        assertEquals(3 * n - 2, j.nonZeros());
        assertEquals(n, j.rows());
        assertEquals(n, j.columns());
        for (int i = 0; i < n; i++) {
            assertEquals(3 - 4 * x[i], j.get(i, i), 1e-15, "diagonal " + i);
            if (i > 0) {
                assertEquals(-1, j.get(i, i - 1), "below " + i);
            }
            if (i < n - 1) {
                assertEquals(-2, j.get(i, i + 1), "above " + i);
            }
        }
        assertEquals(0, j.get(0, n - 1));
    }

    @Test
    void broydenSparseEqualsDenseExactly() {
        int n = 300;
        double[] x = Families.point(n, 1);
        double[][] dense = new ReverseMode().jacobian(Families.BROYDEN, x);
        double[][] sparse = mixed.sparseJacobian(Families.BROYDEN, x).toDense();
        double[][] planned = mixed.jacobian(Families.BROYDEN, x);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(dense[i], sparse[i], "row " + i);
            assertArrayEquals(dense[i], planned[i], "row " + i);
        }
    }

    @Test
    void denseRowMakesRowColouringWinAndSweepsAdjoints() {
        // y_i = x_i^2 for i < n-1, and y_{n-1} = sum of all: columns all conflict, rows take two colours
        VectorFunction arrow = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                int n = x.length;
                T[] y = MathArrays.buildArray(x[0].getField(), n);
                T sum = x[0];
                for (int i = 1; i < n; i++) {
                    sum = sum.add(x[i].sin());
                }
                for (int i = 0; i < n - 1; i++) {
                    y[i] = x[i].multiply(x[i]);
                }
                y[n - 1] = sum;
                return y;
            }
        };
        double[] x = Families.point(50, 1);
        SparseJacobian j = mixed.sparseJacobian(arrow, x);
        assertEquals(SweepMode.ADJOINT, j.sweepMode());
        assertEquals(2, j.colors());
        double[][] dense = new ReverseMode().jacobian(arrow, x);
        double[][] sparse = j.toDense();
        for (int i = 0; i < dense.length; i++) {
            assertArrayEquals(dense[i], sparse[i], "row " + i);
        }
    }

    @Test
    void patternOfTheDocumentedExample() {
        GraphBuilder b = new GraphBuilder(new double[] {1, 2, 3});
        int p = b.binary("*", 2, 0, 2, 1, 1);
        int s = b.unary("sin", Math.sin(2), 1, Math.cos(2));
        int y1 = b.binary("+", Math.sin(2) + 3, s, 1, 2, 1);
        SparsityPattern pattern = SparsityPattern.of(b.build(new int[] {p, y1}));
        assertArrayEquals(new int[] {0, 2, 4}, pattern.rowStart);
        assertArrayEquals(new int[] {0, 1, 1, 2}, pattern.columnIndex);
    }

    @Test
    void tridiagonalColouringCyclesThroughThreeColours() {
        double[] x = Families.point(7, 1);
        SparseJacobian j = mixed.sparseJacobian(Families.BROYDEN, x);
        assertEquals(3, j.colors());
        assertEquals(SweepMode.TANGENT, j.sweepMode());
        assertArrayEquals(new int[] {0, 2, 5, 8, 11, 14, 17, 19}, j.rowStart());
    }

    @Test
    void realMatrixViewReadsTheCsrStorageAndIsReadOnly() {
        double[] x = Families.point(40, 1);
        SparseJacobian j = mixed.sparseJacobian(Families.BROYDEN, x);
        RealMatrix m = j.asRealMatrix();
        assertEquals(40, m.getRowDimension());
        assertEquals(j.get(3, 4), m.getEntry(3, 4));
        assertEquals(0, m.getEntry(3, 20));
        double[] v = Families.point(40, 2);
        double[] jv = m.operate(v);
        double[] expected = new org.apache.commons.math3.linear.Array2DRowRealMatrix(j.toDense()).operate(v);
        assertArrayEquals(expected, jv, 1e-14);
        assertThrows(MathUnsupportedOperationException.class, () -> m.setEntry(0, 0, 1));
        RealMatrix copy = m.copy();
        copy.setEntry(0, 0, 42);
        assertEquals(42, copy.getEntry(0, 0));
        assertEquals(j.get(0, 0), m.getEntry(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> j.get(40, 0));
    }

    @Test
    void sparseResultsAreBitIdenticalWhateverTheParallelism() {
        double[] x = Families.point(500, 1);
        // Broyden: three colours, so blocks of one and two
        Splits.assertBitIdenticalWhenSplit("Broyden", executor -> new MixedMode(executor).sparseJacobian(Families.BROYDEN, x).toDense(), 1, 2);
        VectorFunction f = Families.bottleneck(1);
        double[] small = Families.point(40, 1);
        Splits.assertBitIdenticalWhenSplit("bottleneck", executor -> new MixedMode(executor).sparseJacobian(f, small).toDense(), 1, 7);
    }

    @Test
    void constantOutputHasAnEmptyRow() {
        VectorFunction f = new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                T[] y = MathArrays.buildArray(x[0].getField(), 2);
                y[0] = x[0].multiply(x[1]);
                y[1] = x[0].getField().getOne().multiply(3);
                return y;
            }
        };
        SparseJacobian j = mixed.sparseJacobian(f, new double[] {2, 5});
        assertEquals(2, j.nonZeros());
        assertArrayEquals(new double[] {5, 2}, j.toDense()[0]);
        assertArrayEquals(new double[] {0, 0}, j.toDense()[1]);
    }
}
