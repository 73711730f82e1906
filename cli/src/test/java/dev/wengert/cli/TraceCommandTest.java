package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCommandTest {

    @Test
    void wengertListHasEveryStepWithItsValueAndPartials() {
        Cli r = Cli.run("trace", "x*y + x^2", "--at", "x=2,y=3");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*v0 = x0\\s+2\\s+input x")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*v3 = v0 \\* v1\\s+6\\s+d/dv0 = 3, d/dv1 = 2")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*v5 = v3 \\+ v4\\s+10\\s+d/dv3 = 1, d/dv4 = 1\\s+output")),
                r.out());
    }

    @Test
    void reverseSweepListsAdjointsLastEntryFirst() {
        Cli r = Cli.run("trace", "x*y + x^2", "--at", "x=2,y=3", "--mode", "reverse");
        assertEquals(0, r.code(), r.toString());
        List<String> adj = r.out().lines().filter(l -> l.trim().startsWith("adj(v")).map(String::trim).toList();
        assertEquals(6, adj.size(), r.out());
        assertTrue(adj.get(0).startsWith("adj(v5)"), r.out());
        assertTrue(adj.get(5).matches("adj\\(v0\\)\\s+7"), r.out());
        assertTrue(adj.get(4).matches("adj\\(v1\\)\\s+2"), r.out());
        assertTrue(r.out().contains("adj(v0) += 3 * adj(v3), adj(v1) += 2 * adj(v3)"), r.out());
        assertTrue(r.out().contains("gradient of f: d/dx = 7, d/dy = 2"), r.out());
    }

    @Test
    void forwardSweepFollowsTheSeed() {
        Cli r = Cli.run("trace", "x*y + x^2", "--at", "x=2,y=3", "--mode", "forward", "--seed", "dx=0,dy=1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("tangent sweep along (dx = 0, dy = 1)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*tan\\(v3\\) = 3 \\* tan\\(v0\\) \\+ 2 \\* tan\\(v1\\)\\s+2")),
                r.out());
        assertTrue(r.out().contains("directional derivative: df = 2"), r.out());
    }

    @Test
    void reverseSweepOfASecondOutput() {
        Cli r = Cli.run("trace", "x*y; sin(x)", "--at", "x=0,y=2", "--output", "1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("gradient of f1: d/dx = 1, d/dy = 0"), r.out());
    }

    @Test
    void mistakesInSeedAndOutputAreOneLineUsageErrors() {
        assertUsage("--seed names 'dz'", "trace", "x*y", "--at", "x=1,y=2", "--mode", "forward", "--seed", "dz=1");
        assertUsage("--output 2 is out of range", "trace", "x*y", "--at", "x=1,y=2", "--output", "2");
        assertUsage("--seed chooses the direction for --mode forward", "trace", "x*y", "--at", "x=1,y=2", "--seed", "dx=1");
        assertUsage("--output chooses the output", "trace", "x*y", "--at", "x=1,y=2", "--mode", "forward", "--output", "0");
        assertUsage("expected one of [forward, reverse]", "trace", "x*y", "--at", "x=1,y=2", "--mode", "sideways");
    }

    static void assertUsage(String message, String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(message), r.toString());
        assertTrue(r.errLines() <= 3, r.toString());
        assertTrue(!r.err().contains("\tat "), "no stack trace\n" + r);
        assertEquals("", r.out(), r.toString());
    }
}
