package dev.wengert.benchmarks.adbench;

import static dev.wengert.benchmarks.adbench.Golden.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.benchmarks.Peers;
import dev.wengert.core.FiniteDifferences;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;
import dev.wengert.core.testing.RequiresData;

/** The GMM objective against ADBench's golden values for data/gmm/test.txt. */
@RequiresData(AdbenchData.NAME)
class GmmObjectiveTest {

    private static final GmmInstance TEST = GmmInstance.read(AdbenchData.file("data/gmm/test.txt"));

    @Test
    void readerFindsTheTestInstanceShape() {
        assertEquals(2, TEST.d());
        assertEquals(3, TEST.k());
        assertEquals(1, TEST.n());
        assertEquals(18, TEST.parameters().length);
        assertEquals(-0.649014, TEST.parameters()[0]);
        assertEquals(1.0, TEST.wishartGamma());
        assertEquals(0, TEST.wishartM());
    }

    @Test
    void plainObjectiveEqualsGoldenValue() {
        double f = TEST.objective().value(TEST.parameters());
        assertAgrees(AdbenchData.golden("golden/gmm_test_F.txt")[0], f, 1e-12, "F");
    }

    @Test
    void genericObjectiveOnDecimal64EqualsPlainObjective() {
        GmmObjective f = TEST.objective();
        double[] p = TEST.parameters();
        Decimal64[] q = new Decimal64[p.length];
        for (int j = 0; j < p.length; j++) {
            q[j] = new Decimal64(p[j]);
        }
        assertEquals(f.value(p), f.value(q).getReal(), 1e-13);
    }

    @Test
    void finiteDifferenceGradientEqualsGoldenGradient() {
        double[] g = new FiniteDifferences().gradient(TEST.objective(), TEST.parameters());
        assertAgrees(AdbenchData.golden("golden/gmm_test_J.txt"), g, 1e-6, "J by finite differences");
    }

    @Test
    void genericObjectiveOnDerivativeStructureEqualsGoldenGradient() {
        double[] g = Peers.derivativeStructureGradient(TEST.objective(), TEST.parameters());
        assertAgrees(AdbenchData.golden("golden/gmm_test_J.txt"), g, 1e-8, "J by DerivativeStructure");
    }

    @Test
    void benchmarkInstanceHasDimensionTenAndFiveComponents() {
        GmmInstance big = GmmInstance.read(AdbenchData.file("data/gmm/1k/gmm_d10_K5.txt"));
        assertEquals(10, big.d());
        assertEquals(5, big.k());
        assertEquals(1000, big.n());
        assertEquals(330, big.parameters().length);
        GmmInstance small = big.firstPoints(10);
        double[] p = small.parameters();
        double[] sparse = Peers.sparseGradient(small.objective(), p);
        double[] dense = Peers.derivativeStructureGradient(small.objective(), p);
        for (int j = 0; j < p.length; j++) {
            assertEquals(dense[j], sparse[j], 1e-9 * Math.max(1, Math.abs(dense[j])), "dg/dp" + j);
        }
    }
}
