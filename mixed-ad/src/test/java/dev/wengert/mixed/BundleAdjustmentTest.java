package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wengert.reverse.ReverseMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleAdjustmentTest {

    /** ../shared/data/adbench from the repository root; the module runs one level below it. */
    static Path adbench() {
        for (String candidate : new String[] {"../../shared/data/adbench", "../shared/data/adbench"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    static double[] golden(Path file) throws IOException {
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            line = line.trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                values.add(Double.parseDouble(line));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** ADBench's agreement rule. */
    static void assertAdbench(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) / Math.max(1, Math.abs(expected) + Math.abs(actual)) < 1e-8,
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void bundleAdjustmentSparseJacobianMatchesAdbenchGoldenValues() throws IOException {
        Path root = adbench();
        assumeTrue(root != null, "ADBench data not found");
        BundleAdjustment ba = BundleAdjustment.read(root.resolve("data/ba/test.txt"));
        double[] reproj = golden(root.resolve("golden/ba_test_F_reproj.txt"));
        double[] weights = golden(root.resolve("golden/ba_test_F_w.txt"));
        double[] values = new double[reproj.length + weights.length];
        System.arraycopy(reproj, 0, values, 0, reproj.length);
        System.arraycopy(weights, 0, values, reproj.length, weights.length);
        double[] jacobian = golden(root.resolve("golden/ba_test_J_vals.txt"));

        SparseJacobian j = new MixedMode().sparseJacobian(ba, ba.x);
        assertEquals(30, j.rows());
        assertEquals(62, j.columns());
        // ADBench's pattern is by blocks (a whole camera per reprojection row), so it holds the 2
        // structural zeros ∂proj_x/∂(principal point y) and ∂proj_y/∂(principal point x) per
        // observation that index-set propagation proves to be zero: 310 against 290
        assertEquals(290, j.nonZeros());
        int k = 0;
        for (int i = 0; i < ba.observations; i++) {
            for (int row = 2 * i; row <= 2 * i + 1; row++) {
                List<Integer> columns = new ArrayList<>();
                for (int c = 0; c < 11; c++) {
                    columns.add(11 * (i % ba.cameras) + c);
                }
                for (int c = 0; c < 3; c++) {
                    columns.add(11 * ba.cameras + 3 * (i % ba.points) + c);
                }
                columns.add(11 * ba.cameras + 3 * ba.points + i);
                for (int column : columns) {
                    assertAdbench(jacobian[k], j.get(row, column), "row " + row + ", column " + column);
                    k++;
                }
            }
        }
        for (int i = 0; i < ba.observations; i++) {
            assertAdbench(jacobian[k], j.get(2 * ba.observations + i, 11 * ba.cameras + 3 * ba.points + i), "weight " + i);
            k++;
        }
        assertEquals(310, k);
        LinearizedGraph g = Recordings.record(ba, ba.x);
        for (int r = 0; r < values.length; r++) {
            assertAdbench(values[r], g.value(g.output(r)), "residual " + r);
        }
        double[][] dense = new ReverseMode().jacobian(ba, ba.x);
        double[][] sparse = j.toDense();
        for (int r = 0; r < dense.length; r++) {
            for (int c = 0; c < dense[r].length; c++) {
                assertEquals(dense[r][c], sparse[r][c], 1e-12 * Math.max(1, Math.abs(dense[r][c])), "(" + r + ", " + c + ")");
            }
        }
        assertTrue(j.colors() < 62, "colours: " + j.colors());
    }
}
