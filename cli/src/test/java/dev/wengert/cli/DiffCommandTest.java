package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffCommandTest {

    @Test
    void textShowsValueGradientAndEveryModeAgainstTheReference() {
        Cli r = Cli.run("diff", "x*y + x^2", "--at", "x=2,y=3", "--no-time");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("value: f = 10.0"), r.out());
        for (String mode : List.of("forward", "reverse", "fd", "ds")) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*" + mode + "\\s+f\\s+7\\s+2")), mode + "\n" + r.out());
        }
        assertTrue(r.out().contains("(reference)"), r.out());
        assertTrue(r.out().contains("1 adjoint sweep"), r.out());
        assertTrue(r.out().contains("1 pass of 2 tangents"), r.out());
    }

    @Test
    void jacobianHasOneRowPerOutput() {
        Cli r = Cli.run("diff", "x*y; sin(x)", "--at", "x=0,y=2", "--modes", "forward,reverse", "--no-time");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Jacobian (2 x 2)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s*forward\\s+f0\\s+2\\s+0")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+f1\\s+1\\s+0")), r.out());
        assertTrue(r.out().contains("2 adjoint sweeps"), r.out());
        assertTrue(!r.out().contains("\n  ds "), "only the chosen modes\n" + r.out());
    }

    @Test
    void hessianComesFromEveryMode() {
        Cli r = Cli.run("diff", "x^2*y", "--at", "x=3,y=2", "--hessian", "--modes", "forward,reverse,ds", "--format", "json",
                "--no-time");
        assertEquals(0, r.code(), r.toString());
        // ∇ = (2xy, x²) = (12, 9); H = [[2y, 2x], [2x, 0]] = [[4, 6], [6, 0]]
        assertEquals(3, count(r.out(), "\"jacobian\": [[12.0, 9.0]]"), r.out());
        assertEquals(3, count(r.out(), "\"hessian\": [[4.0, 6.0], [6.0, 0.0]]"), r.out());
    }

    @Test
    void jsonNamesExpressionVariablesPointAndModes() {
        Cli r = Cli.run("diff", "x*y + x^2", "--at", "x=2,y=3", "--format", "json", "--modes", "reverse");
        assertEquals(0, r.code(), r.toString());
        String json = r.out();
        assertTrue(json.contains("\"expression\": \"x*y + x^2\""), json);
        assertTrue(json.contains("\"variables\": [\"x\", \"y\"]"), json);
        assertTrue(json.contains("\"point\": [2.0, 3.0]"), json);
        assertTrue(json.contains("\"value\": [10.0]"), json);
        assertTrue(json.contains("\"mode\": \"reverse\""), json);
        assertTrue(json.contains("\"recordedOps\": 6"), json);
        assertTrue(json.matches("(?s).*\"timeNanos\": \\d+\\.0.*"), json);
        assertTrue(json.trim().startsWith("{") && json.trim().endsWith("}"), json);
    }

    @Test
    void csvHasAHeaderAndOneRowPerMode() {
        Cli r = Cli.run("diff", "x*y + x^2", "--at", "x=2,y=3", "--format", "csv", "--modes", "forward,fd", "--hessian",
                "--no-time");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("mode,differentiator,max_rel_diff_vs_fd,sweeps,recorded_ops,time_ns,df/dx,df/dy,"
                + "d2f/dxdx,d2f/dxdy,d2f/dydx,d2f/dydy", lines.get(0));
        assertTrue(lines.get(1).startsWith("forward,forward,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",7.0,2.0,2.0,1.0,1.0,0.0"), lines.get(1));
        assertTrue(lines.get(2).startsWith("fd,finite-differences,0.0,"), lines.get(2));
    }

    @Test
    void hessianOfSeveralOutputsIsAUsageError() {
        Cli r = Cli.run("diff", "x; y", "--at", "x=1,y=2", "--hessian");
        assertEquals(2, r.code(), r.toString());
        assertEquals("wengert: --hessian needs an expression with one output, but 'x; y' has 2", r.err().trim());
    }

    @Test
    void agreementIsMeasuredRelativeToTheReferenceScale() {
        double[][] exact = {{1, 0}};
        double[][] fd = {{1 + 1e-12, -1e-14}};
        assertTrue(DiffCommand.maxRelDiff(exact, fd) < 2e-12);
        assertEquals(0.5, DiffCommand.maxRelDiff(new double[][] {{1}}, new double[][] {{2}}));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
