package dev.wengert.benchmarks.adbench;

import static dev.wengert.benchmarks.adbench.Golden.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.mixed.SparseJacobian;
import dev.wengert.reverse.ReverseMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.wengert.core.testing.RequiresData;

/**
 * Every Wengert mode against ADBench's golden derivatives, with ADBench's own agreement rule
 * |a − b| / max(1, |a| + |b|) &lt; 1e-8: the GMM gradient ({@code golden/gmm_test_J.txt}) and the
 * bundle-adjustment Jacobian ({@code golden/ba_test_J_vals.txt}, 310 non-zeros in CSR order).
 */
@RequiresData(AdbenchData.NAME)
class ModesAgainstAdbenchTest {

    private static final List<Differentiator> MODES = List.of(new ForwardMode(), new ReverseMode(), new MixedMode());

    @Test
    void gmmGradientOfEveryModeEqualsAdbenchGolden() {
        GmmInstance gmm = GmmInstance.read(AdbenchData.file("data/gmm/test.txt"));
        double[] golden = AdbenchData.golden("golden/gmm_test_J.txt");
        ScalarFunction f = gmm.objective();
        for (Differentiator mode : MODES) {
            assertAgrees(golden, mode.gradient(f, gmm.parameters()), 1e-8, mode.name() + " GMM gradient");
        }
    }

    @Test
    void baJacobianOfEveryModeEqualsAdbenchGoldenAndIsZeroOffThePattern() {
        BaInstance ba = BaInstance.read(AdbenchData.file("data/ba/test.txt"));
        BundleAdjustment f = ba.residuals();
        double[] golden = AdbenchData.golden("golden/ba_test_J_vals.txt");
        int[] rows = f.csrRows();
        int[] cols = f.csrColumns();
        for (Differentiator mode : MODES) {
            double[][] jac = mode.jacobian(f, ba.parameters());
            double[] values = new double[golden.length];
            for (int r = 0; r < jac.length; r++) {
                boolean[] inPattern = new boolean[jac[r].length];
                for (int k = rows[r]; k < rows[r + 1]; k++) {
                    values[k] = jac[r][cols[k]];
                    inPattern[cols[k]] = true;
                }
                for (int c = 0; c < inPattern.length; c++) {
                    if (!inPattern[c]) {
                        assertEquals(0.0, jac[r][c], mode.name() + " J[" + r + "][" + c + "] off the pattern");
                    }
                }
            }
            assertAgrees(golden, values, 1e-8, mode.name() + " BA Jacobian (CSR)");
        }
    }

    @Test
    void baSparseJacobianEqualsAdbenchGoldenAndFindsItsStructuralZeros() {
        BaInstance ba = BaInstance.read(AdbenchData.file("data/ba/test.txt"));
        BundleAdjustment f = ba.residuals();
        double[] golden = AdbenchData.golden("golden/ba_test_J_vals.txt");
        int[] rows = f.csrRows();
        int[] cols = f.csrColumns();
        SparseJacobian j = new MixedMode().sparseJacobian(f, ba.parameters());
        assertEquals(30, j.rows());
        assertEquals(62, j.columns());
        // ADBench's pattern is by blocks (a whole camera per reprojection row); index-set
        // propagation proves 2 of each observation's camera entries structurally zero
        // (∂proj_x/∂principal_y and ∂proj_y/∂principal_x), and their golden values are 0.0
        assertEquals(290, j.nonZeros());
        double[] values = new double[golden.length];
        for (int r = 0; r < 30; r++) {
            for (int k = rows[r]; k < rows[r + 1]; k++) {
                values[k] = j.get(r, cols[k]);
            }
        }
        assertAgrees(golden, values, 1e-8, "mixed sparse BA Jacobian (CSR)");
        double[][] dense = new ReverseMode().jacobian(f, ba.parameters());
        double[][] sparse = j.toDense();
        for (int r = 0; r < dense.length; r++) {
            for (int c = 0; c < dense[r].length; c++) {
                assertEquals(dense[r][c], sparse[r][c], 1e-12 * Math.max(1, Math.abs(dense[r][c])), "(" + r + ", " + c + ")");
            }
        }
    }
}
