package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void quickBenchPrintsRatioTablesAndProgressOnStderr() {
        Cli r = Cli.run("bench", "--quick");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("extended Rosenbrock, n = 100: gradient"), r.out());
        assertTrue(r.out().contains("two-layer network"), r.out());
        assertTrue(r.out().contains("bottleneck R^64 -> R^1 -> R^64: Jacobian"), r.out());
        assertTrue(r.out().contains("x plain double"), r.out());
        assertTrue(r.out().contains("mixed, prepared"), r.out());
        assertTrue(r.out().contains("reverse, replayed"), r.out());
        assertTrue(r.out().contains("benchmarks/README.md"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*ds\\s+\\S+ [mun]?s\\s+\\S+\\s+1\\.00")), r.out());
        assertTrue(r.err().contains("bench: [1/"), r.err());
        assertTrue(!r.out().contains("bench: ["), "progress only on stderr");
    }
}
