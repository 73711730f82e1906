package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

    @Test
    void dotHasANodePerOperationWithItsValueAndPartialsOnTheEdges() {
        Cli r = Cli.run("graph", "x*y + x^2", "--at", "x=2,y=3");
        assertEquals(0, r.code(), r.toString());
        String dot = r.out();
        assertTrue(dot.startsWith("digraph wengert {"), dot);
        assertTrue(dot.contains("v0 [label=\"x (v0)\\n2\""), dot);
        assertTrue(dot.contains("v3 [label=\"v3 = *\\n6\"]"), dot);
        assertTrue(dot.contains("v0 -> v3 [label=\"3\"]"), dot);
        assertTrue(dot.contains("v1 -> v3 [label=\"2\"]"), dot);
        assertTrue(dot.contains("v5 -> y0"), dot);
        assertFalse(dot.contains("v2 ["), "the evaluator's unused zero is not drawn\n" + dot);
        assertTrue(dot.trim().endsWith("}"), dot);
    }

    @Test
    void adjointsAndTangentsOnRequest() {
        String adj = Cli.run("graph", "x*y + x^2", "--at", "x=2,y=3", "--show", "adjoints").out();
        assertTrue(adj.contains("x (v0)\\n2\\nadj 7"), adj);
        String tan = Cli.run("graph", "x*y + x^2", "--at", "x=2,y=3", "--show", "tangents", "--seed", "dy=1").out();
        assertTrue(tan.contains("v3 = *\\n6\\ntan 2"), tan);
        assertTrue(tan.contains("tangents along (dx = 0, dy = 1)"), tan);
    }

    @Test
    void writesTheFileGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("g.dot");
        Cli r = Cli.run("graph", "sin(x)", "--at", "x=0", "-o", file.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(file).contains("= sin\\n0"), Files.readString(file));
        assertEquals("wrote " + file, r.out().trim());
    }

    @Test
    void withoutGraphvizSvgNamesThePackageAndExitsTwo() {
        String saved = System.getProperty("wengert.dot");
        System.setProperty("wengert.dot", "/nonexistent/wengert-test/dot");
        try {
            Cli r = Cli.run("graph", "x*y", "--at", "x=1,y=2", "--format", "svg");
            assertEquals(2, r.code(), r.toString());
            assertEquals(1, r.errLines(), r.toString());
            assertTrue(r.err().contains("install the package graphviz"), r.err());
            assertTrue(r.err().contains("--format dot"), r.err());
        } finally {
            if (saved == null) {
                System.clearProperty("wengert.dot");
            } else {
                System.setProperty("wengert.dot", saved);
            }
        }
    }

    @Test
    void aFailingGraphvizIsAnInternalErrorWithItsTrace() {
        String saved = System.getProperty("wengert.dot");
        System.setProperty("wengert.dot", "false");   // a program that starts and fails
        try {
            Cli r = Cli.run("graph", "x*y", "--at", "x=1,y=2", "--format", "svg");
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().startsWith("wengert: internal error: java.lang.IllegalStateException: Graphviz dot failed"),
                    r.err());
            assertTrue(r.err().contains("\tat dev.wengert.cli.Graphviz.render"), r.err());
        } finally {
            if (saved == null) {
                System.clearProperty("wengert.dot");
            } else {
                System.setProperty("wengert.dot", saved);
            }
        }
    }

    @Test
    void pngNeedsAFile() {
        TraceCommandTest.assertUsage("give a file with -o FILE", "graph", "x", "--at", "x=1", "--format", "png");
        TraceCommandTest.assertUsage("--seed goes with --show tangents", "graph", "x", "--at", "x=1", "--seed", "dx=1");
    }
}
