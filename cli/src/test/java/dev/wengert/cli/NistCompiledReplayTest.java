package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.ExternalData;
import dev.wengert.core.testing.RequiresData;
import dev.wengert.mixed.FitResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The NIST StRD suite's mixed-mode fits with the model's replay compiled
 * ({@code LeastSquaresFit.compiledReplay()}) take the compiled path and give the interpreted fits
 * bit for bit: estimates, residuals, covariance, evaluations and iterations — so the suite's
 * certified-value results hold for the compiled path too.
 */
@RequiresData("nist-strd-nls")
class NistCompiledReplayTest {

    @TestFactory
    Stream<DynamicTest> compiledReplayGivesEveryNistFitBitForBit() {
        Path dir = ExternalData.require("nist-strd-nls");
        return NistSuite.files(dir).stream().flatMap(p -> Stream.of(1, 2).map(start -> DynamicTest.dynamicTest(
                p.getFileName() + " start " + start, () -> check(p, start))));
    }

    private static void check(Path p, int start) throws IOException {
        NistFile nist = NistFile.read(p);
        FitResult plain = NistSuite.fit(nist, start, "mixed").fit();
        FitResult compiled = NistSuite.fit(nist, start, "mixed").compiledReplay().fit();
        String what = nist.name() + " start " + start;
        assertTrue(compiled.jacobianMethod().contains("compiled replay"), what + ": " + compiled.jacobianMethod());
        assertEquals(plain.evaluations(), compiled.evaluations(), what + " evaluations");
        assertEquals(plain.iterations(), compiled.iterations(), what + " iterations");
        same(what + " estimates", plain.estimates(), compiled.estimates());
        same(what + " residuals", plain.residuals(), compiled.residuals());
        if (!plain.isSingular()) {
            same(what + " standard errors", plain.standardErrors(), compiled.standardErrors());
        }
    }

    private static void same(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: interpreted " + expected[i] + ", compiled " + actual[i]);
            }
        }
    }
}
