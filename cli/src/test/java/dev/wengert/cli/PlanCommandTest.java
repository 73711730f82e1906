package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanCommandTest {

    private static final String WAIST = "s = x + y + z; sin(s); cos(s); exp(s)";

    @Test
    void planShowsSegmentsOperationsAndCostsAgainstBothPureModes() {
        Cli r = Cli.run("plan", WAIST, "--at", "x=1,y=2,z=3");
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.contains("Jacobian plan for f: R^3 -> R^3"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s*0\\s+\\S+\\s+\\d+\\s+\\d+\\s+3\\s+1\\s+adjoint")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s*1\\s+\\S+\\s+\\d+\\s+\\d+\\s+1\\s+3\\s+tangent")), out);
        assertTrue(out.contains("operations, in order:"), out);
        assertTrue(out.contains("predicted cost: 13 multiply-adds"), out);
        assertTrue(out.contains("pure forward:   21"), out);
        assertTrue(out.contains("pure reverse:   21"), out);
    }

    @Test
    void checkExecutesThePlanAgainstFiniteDifferences() {
        Cli r = Cli.run("plan", WAIST, "--at", "x=1,y=2,z=3", "--check");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().matches("(?s).*executed: 3 x 3 Jacobian, max rel. diff vs fd \\d\\.\\de-1\\d.*"), r.out());
    }

    @Test
    void graphOfSeveralOutputsIsColouredBySegment() {
        Cli r = Cli.run("graph", WAIST, "--at", "x=1,y=2,z=3");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("subgraph cluster_s0 {\n    label=\"segment 0: adjoint, fan-in 3, fan-out 1\""), r.out());
        assertTrue(r.out().contains("subgraph cluster_s1 {\n    label=\"segment 1: tangent, fan-in 1, fan-out 3\""), r.out());
        assertTrue(r.out().contains(Dot.TANGENT_COLOUR) && r.out().contains(Dot.ADJOINT_COLOUR), r.out());
        Cli one = Cli.run("graph", "x*y", "--at", "x=1,y=2");
        assertTrue(!one.out().contains("cluster"), "one output: no segments\n" + one.out());
    }

    @Test
    void diffReportsMixedModesPlan() {
        Cli r = Cli.run("diff", WAIST, "--at", "x=1,y=2,z=3", "--modes", "mixed", "--no-time");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("plan: 2 steps, cost 13 (forward 21, reverse 21)"), r.out());
    }

    @Test
    void demoEndsWithTheBottleneckWhereThePlanBeatsBothPureModes() {
        Cli r = Cli.run("demo");
        assertEquals(0, r.code(), r.toString());
        String out = r.out();
        assertTrue(out.contains("4. a bottleneck f: R^64 -> R^1 -> R^64"), out);
        assertTrue(out.contains("Jacobian plan for f: R^64 -> R^64"), out);
        assertTrue(out.matches("(?s).*pure forward: +[\\d,]+ \\(\\d+\\.\\d\\dx the plan\\).*"), out);
        assertTrue(out.matches("(?s).*pure reverse: +[\\d,]+ \\(\\d+\\.\\d\\dx the plan\\).*"), out);
        assertTrue(out.matches("(?s).*the plan costs \\d\\.\\d% of the cheaper pure mode.*"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s*mixed\\s+\\d\\.\\de-1[0-6]\\s+.*")), out);
    }
}
