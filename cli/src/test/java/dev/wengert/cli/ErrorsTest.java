package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void parseErrorShowsTheExpressionWithACaretUnderTheColumn() {
        Cli r = Cli.run("diff", "x*y + *2", "--at", "x=1,y=2");
        assertEquals(2, r.code(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(3, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("wengert: cannot parse the expression: line 1, column 7"), r.err());
        assertEquals("  x*y + *2", lines.get(1));
        assertEquals("        ^", lines.get(2));
    }

    @Test
    void mistakesInAtAreOneLineUsageErrors() {
        TraceCommandTest.assertUsage("--at names 'z', which is not a variable of the expression (its variables: x, y)",
                "diff", "x*y", "--at", "x=1,y=2,z=3");
        TraceCommandTest.assertUsage("--at gives no value for variable 'y'", "diff", "x*y", "--at", "x=1");
        TraceCommandTest.assertUsage("--at gives no value for variable 'x'", "trace", "x*y");
        TraceCommandTest.assertUsage("--at: 'two' (for y) is not a number", "graph", "x*y", "--at", "x=1,y=two");
        TraceCommandTest.assertUsage("--at expects name=value pairs", "diff", "x*y", "--at", "x");
        TraceCommandTest.assertUsage("has no variables", "diff", "2*3");
    }

    @Test
    void unknownModeIsAOneLineUsageError() {
        Cli r = Cli.run("diff", "x", "--at", "x=1", "--modes", "forward,sideways");
        assertEquals(2, r.code(), r.toString());
        assertEquals("wengert: unknown mode 'sideways'; choose from forward, reverse, mixed, fd, ds, or all", r.err().trim());
    }

    @Test
    void badOptionsGiveAHintNotAWallOfUsage() {
        Cli r = Cli.run("diff", "x", "--at", "x=1", "--format", "xml");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("expected one of [text, json, csv]"), r.err());
        assertTrue(r.err().contains("Try 'wengert diff --help'"), r.err());
        assertEquals(2, r.errLines(), r.err());
        Cli typo = Cli.run("dif");
        assertEquals(2, typo.code(), typo.toString());
        assertTrue(typo.err().contains("Did you mean: wengert diff?"), typo.err());
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli r = Cli.run("--debug", "diff", "x", "--at", "x=one");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("\tat dev.wengert.cli.Points"), r.err());
    }

    @Test
    void everyCommandHasHelpWithExitCodes() {
        for (String command : List.of("demo", "diff", "trace", "graph", "plan", "bench")) {
            Cli r = Cli.run(command, "--help");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("Exit codes:"), command + "\n" + r.out());
            assertTrue(r.out().contains("2   usage"), command + "\n" + r.out());
        }
        Cli top = Cli.run("--help");
        for (String command : List.of("demo", "diff", "trace", "graph", "plan", "bench")) {
            assertTrue(top.out().contains("  " + command + " "), top.out());
        }
    }
}
