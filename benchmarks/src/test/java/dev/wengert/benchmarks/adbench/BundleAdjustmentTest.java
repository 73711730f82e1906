package dev.wengert.benchmarks.adbench;

import static dev.wengert.benchmarks.adbench.Golden.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.benchmarks.Peers;
import dev.wengert.core.FiniteDifferences;
import java.util.Arrays;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;
import dev.wengert.core.testing.RequiresData;

/** The BA residuals and Jacobian against ADBench's golden values for data/ba/test.txt. */
@RequiresData(AdbenchData.NAME)
class BundleAdjustmentTest {

    private static final BaInstance TEST = BaInstance.read(AdbenchData.file("data/ba/test.txt"));

    @Test
    void readerReplicatesCameraPointWeightAndFeature() {
        assertEquals(2, TEST.n());
        assertEquals(10, TEST.m());
        assertEquals(10, TEST.p());
        double[] x = TEST.parameters();
        assertEquals(62, x.length);
        assertEquals(x[0], x[11]);
        assertEquals(4.173048, x[22 + 3 * 9]);
        assertEquals(0.417022, x[61]);
        assertEquals(1, TEST.cameraOf(3));
        assertEquals(7, TEST.pointOf(7));
        assertEquals(161.811929, TEST.feature(9, 1));
    }

    @Test
    void plainResidualsEqualGoldenResiduals() {
        double[] r = TEST.residuals().value(TEST.parameters());
        assertAgrees(AdbenchData.golden("golden/ba_test_F_reproj.txt"), Arrays.copyOfRange(r, 0, 20), 1e-12, "reproj");
        assertAgrees(AdbenchData.golden("golden/ba_test_F_w.txt"), Arrays.copyOfRange(r, 20, 30), 1e-12, "w");
    }

    @Test
    void genericResidualsOnDecimal64EqualPlainResiduals() {
        double[] x = TEST.parameters();
        Decimal64[] d = new Decimal64[x.length];
        for (int j = 0; j < x.length; j++) {
            d[j] = new Decimal64(x[j]);
        }
        Decimal64[] generic = TEST.residuals().value(d);
        double[] plain = TEST.residuals().value(x);
        for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i], generic[i].getReal(), 1e-12 * Math.max(1, Math.abs(plain[i])), "r" + i);
        }
    }

    @Test
    void derivativeStructureJacobianEqualsGoldenSparseJacobian() {
        BundleAdjustment f = TEST.residuals();
        double[][] jac = Peers.derivativeStructureJacobian(f, TEST.parameters());
        assertEquals(30, jac.length);
        assertEquals(62, jac[0].length);
        double[] golden = AdbenchData.golden("golden/ba_test_J_vals.txt");
        int[] rows = f.csrRows();
        int[] cols = f.csrColumns();
        assertEquals(310, golden.length);
        assertEquals(310, rows[30]);
        double[] values = new double[310];
        for (int r = 0; r < 30; r++) {
            boolean[] inPattern = new boolean[62];
            for (int k = rows[r]; k < rows[r + 1]; k++) {
                values[k] = jac[r][cols[k]];
                inPattern[cols[k]] = true;
            }
            for (int c = 0; c < 62; c++) {
                if (!inPattern[c]) {
                    assertTrue(jac[r][c] == 0, "J[" + r + "][" + c + "] = " + jac[r][c] + " is outside the pattern");
                }
            }
        }
        assertAgrees(golden, values, 1e-8, "J values (CSR)");
    }

    @Test
    void finiteDifferenceJacobianAgreesWithDerivativeStructure() {
        BundleAdjustment f = TEST.residuals();
        double[] x = TEST.parameters();
        double[][] exact = Peers.derivativeStructureJacobian(f, x);
        double[][] fd = new FiniteDifferences().jacobian(f, x);
        for (int r = 0; r < exact.length; r++) {
            assertAgrees(exact[r], fd[r], 1e-6, "J row " + r);
        }
    }

    @Test
    void zeroRotationBranchIsTheLimitOfRodriguesFormula() {
        double[] x = TEST.parameters();
        x[0] = x[1] = x[2] = 0;
        double[][] atZero = Peers.derivativeStructureJacobian(TEST.residuals(), x);
        x[0] = 1e-9;
        x[1] = -1e-9;
        x[2] = 1e-9;
        double[][] nearZero = Peers.derivativeStructureJacobian(TEST.residuals(), x);
        for (int r = 0; r < atZero.length; r++) {
            assertAgrees(nearZero[r], atZero[r], 1e-6, "J row " + r + " at r = 0");
        }
    }
}
