package dev.wengert.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.benchmarks.RatioTable.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ratios follow the naming convention, convert units and add relative errors. */
class RatioTableTest {

    private static Measurement m(String benchmark, Map<String, String> params, double score, double error,
                                 String unit) {
        return new Measurement(benchmark, params, score, error, score, unit);
    }

    private static final Measurement PLAIN_10 = m("a.RosenbrockBenchmark.rosenbrock_plain", Map.of("n", "10"), 2, 0.2, "ns/op");
    private static final Measurement PLAIN_100 = m("a.RosenbrockBenchmark.rosenbrock_plain", Map.of("n", "100"), 20, 1, "ns/op");
    private static final Measurement DS_10 = m("a.RosenbrockBenchmark.rosenbrock_derivativeStructure", Map.of("n", "10"), 0.1, 0.01, "us/op");
    private static final Measurement FORWARD_CHUNK = m("a.forward.ForwardBenchmark.rosenbrock_forward_chunked",
            Map.of("n", "100", "chunk", "8"), 400, 40, "ns/op");
    private static final Measurement ODD = m("a.B.standalone", Map.of(), 5, 1, "ns/op");

    private final RatioTable table = new RatioTable(List.of(FORWARD_CHUNK, DS_10, PLAIN_100, ODD, PLAIN_10));

    @Test
    void familyIsBeforeTheFirstUnderscoreAndVariantAfterIt() {
        assertEquals("rosenbrock", FORWARD_CHUNK.family());
        assertEquals("forward_chunked", FORWARD_CHUNK.variant());
        assertEquals("standalone", ODD.family());
        assertEquals("", ODD.variant());
    }

    @Test
    void ratioConvertsUnitsAndAddsRelativeErrors() {
        // 100 ns ± 10% over 2 ns ± 10%: 50 ± 20%
        assertArrayEquals(new double[] {50, 10}, table.ratio(DS_10), 1e-12);
        assertArrayEquals(new double[] {1, 0.2}, table.ratio(PLAIN_10), 1e-12);
    }

    @Test
    void baselineComesFromAnotherClassAndIgnoresExtraParameters() {
        assertEquals(PLAIN_100, table.baselineOf(FORWARD_CHUNK));
        // 400 ± 10% over 20 ± 5%
        assertArrayEquals(new double[] {20, 3}, table.ratio(FORWARD_CHUNK), 1e-12);
    }

    @Test
    void methodWithoutVariantHasNoRatio() {
        assertNull(table.ratio(ODD));
    }

    @Test
    void markdownHasOneLinePerSettingWithPlainTimeAndRatios() {
        String md = table.markdown("- machine\n");
        assertTrue(md.contains("| n=10 | 0.002000 | 50.00 ± 10.00 |"), md);
        assertTrue(md.contains("| forward_chunked |"), md);
        assertTrue(md.contains("| rosenbrock_derivativeStructure | n=10 | 0.1000 | 0.01000 | 0.1000 | us/op | 50.00 ± 10.00 | 50.00 |"), md);
        assertTrue(md.contains("| rosenbrock_plain | n=10 | 2.000 | 0.2000 | 2.000 | ns/op | baseline |  |"), md);
    }

    @Test
    void writeIntoReplacesOnlyTheTextBetweenTheMarkers(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# B\nbefore\n<!-- results:start -->\nold\n<!-- results:end -->\nafter\n");
        RatioTable.writeInto(readme, "new table\n");
        assertEquals("# B\nbefore\n<!-- results:start -->\nnew table\n<!-- results:end -->\nafter\n",
                Files.readString(readme));
        RatioTable.writeInto(readme, "newer\n");
        assertEquals("# B\nbefore\n<!-- results:start -->\nnewer\n<!-- results:end -->\nafter\n",
                Files.readString(readme));
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertEquals("1234", RatioTable.number(1234.4));
        assertEquals("12.35", RatioTable.number(12.345));
        assertEquals("0.1235", RatioTable.number(0.12345));
        assertEquals("0.004300", RatioTable.number(0.0043));
        assertEquals("1.235e+07", RatioTable.number(12345678));
    }
}
