package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.ExternalData;
import dev.wengert.core.testing.RequiresData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The NIST StRD nonlinear-regression suite: 27 problems × 2 starts × forward, reverse and mixed
 * mode, each fit with LRE ≥ 6 on every estimate, ≥ 4 on every standard deviation and ≥ 6 on the
 * residual sum of squares (Lanczos1: S ≤ 1e-20). Forward differences are run and reported, not
 * asserted. The fits run once; docs/least-squares.md's table must be what they print.
 */
@RequiresData("nist-strd-nls")
class NistSuiteTest {

    private static List<NistSuite.Row> rows;

    @BeforeAll
    static void runTheSuiteOnce() {
        rows = NistSuite.runAll(ExternalData.require("nist-strd-nls"), NistSuite.METHODS);
    }

    @TestFactory
    Stream<DynamicTest> everyExactJacobianFitMeetsTheCertifiedValues() {
        assertEquals(27 * 2 * NistSuite.METHODS.size(), rows.size());
        return rows.stream().filter(r -> !r.method().equals("fd-forward")).map(r -> DynamicTest.dynamicTest(
                r.problem() + " start " + r.start() + " " + r.method(), () -> {
                    assertTrue(r.pass(), r.problem() + " start " + r.start() + " " + r.method() + ": " + r.failure()
                            + " (" + r.fit() + ")");
                    assertTrue(r.fit().converged(), r.fit().stop().text());
                }));
    }

    @Test
    void forwardDifferencesAreTheReportedBaseline() {
        List<String> failed = new ArrayList<>();
        long passed = 0;
        for (NistSuite.Row r : rows) {
            if (r.method().equals("fd-forward")) {
                if (r.pass()) {
                    passed++;
                } else {
                    failed.add(r.problem() + " " + r.start() + " (" + r.failure() + ")");
                }
            }
        }
        System.out.println("NIST StRD with forward-difference Jacobians (baseline, not asserted): " + passed
                + "/54 pass; below the bar: " + String.join(", ", failed));
    }

    @Test
    void theDocumentedTableIsWhatTheSuitePrints() {
        String table = NistSuite.table(rows);
        String doc = Docs.block(Docs.read("least-squares.md"), "nist-suite");
        assertEquals(table.strip(), doc.strip(), "docs/least-squares.md's suite table is stale: regenerate it with "
                + "'wengert fit --nist-suite DIR'");
    }

    @Test
    void theSuiteTableTalliesEveryMethod() {
        String table = NistSuite.table(rows);
        assertTrue(table.lines().anyMatch(l -> l.matches("passed\\s+\\|\\s+54/54\\s+\\|\\s+54/54\\s+\\|\\s+54/54\\s+\\|\\s+\\d+/54\\s*")),
                table);
    }

    static Path data() {
        return ExternalData.require("nist-strd-nls");
    }
}
