package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile or careless user types: each is one line on stderr and exit code 2, or a clear answer. */
class HostileInputTest {

    @TempDir
    Path tmp;

    @Test
    void graphIntoAFolderThatDoesNotExistIsAOneLineUsageError() {
        Path file = tmp.resolve("no-such-folder").resolve("g.dot");
        TraceCommandTest.assertUsage("does not exist", "graph", "x*y", "--at", "x=1,y=2", "-o", file.toString());
        TraceCommandTest.assertUsage("does not exist", "graph", "x*y", "--at", "x=1,y=2", "--format", "svg",
                "-o", file.toString());
    }

    @Test
    void teachIntoAFolderThatDoesNotExistOrOntoAFolderIsAOneLineUsageError() {
        Path file = tmp.resolve("no-such-folder").resolve("page.html");
        TraceCommandTest.assertUsage("does not exist", "teach", "x*y", "--at", "x=1,y=2", "-o", file.toString());
        TraceCommandTest.assertUsage("that is a folder", "teach", "x*y", "--at", "x=1,y=2", "-o", tmp.toString());
    }

    @Test
    void graphOntoAFolderIsAOneLineUsageError() {
        TraceCommandTest.assertUsage("that is a folder", "graph", "x*y", "--at", "x=1,y=2", "-o", tmp.toString());
    }

    @Test
    void graphOntoAnUnwritableFileIsAOneLineUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("locked.dot"), "old");
        assertTrue(file.toFile().setWritable(false));
        assumeFalse(Files.isWritable(file), "running as a user who may write any file (root)");
        TraceCommandTest.assertUsage("permission denied", "graph", "x*y", "--at", "x=1,y=2", "-o", file.toString());
    }

    @Test
    void graphWritesAWritableFile() throws IOException {
        Path file = tmp.resolve("g.dot");
        Cli r = Cli.run("graph", "x*y", "--at", "x=1,y=2", "-o", file.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(file).startsWith("digraph"), Files.readString(file));
    }

    @Test
    void anExpressionMayStartWithAMinusSign() {
        Cli r = Cli.run("diff", "-x^2", "--at", "x=1", "--modes", "forward", "--no-time");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("value: f = -1.0"), r.out());
        Cli after = Cli.run("diff", "--at", "x=3", "--modes", "reverse", "--no-time", "-x*2");
        assertEquals(0, after.code(), after.toString());
        assertTrue(after.out().contains("-6.0"), after.out());
        // options still work, and a mistyped one is still an error
        TraceCommandTest.assertUsage("Unknown options: '--modez', 'all'", "diff", "x", "--at", "x=1", "--modez", "all");
    }

    @Test
    void modesThatNameNoModeAreAOneLineUsageError() {
        TraceCommandTest.assertUsage("--modes ',,' names no mode", "diff", "x", "--at", "x=1", "--modes", ",,");
        TraceCommandTest.assertUsage("names no mode", "diff", "x", "--at", "x=1", "--modes", " ");
    }

    @Test
    void anInfinitePointIsAnsweredByTheModesThatCanAndTheReferenceSaysWhyItCannot() {
        for (String at : List.of("x=1e400", "x=Infinity")) {
            Cli r = Cli.run("diff", "atan(x)", "--at", at, "--no-time");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.err().contains("finite differences need a finite point"), r.toString());
            assertTrue(r.out().contains("failed: finite differences need a finite point"), r.out());
            assertFalse(r.out().contains("is larger than"), r.out());
            // atan'(inf) = 1/(1 + inf^2) = 0 by forward mode
            assertTrue(r.out().matches("(?s).*forward +f +0\n.*"), r.out());
        }
        Cli overflow = Cli.run("diff", "atan(x)", "--at", "x=1e400", "--no-time");
        assertTrue(overflow.err().contains("1e400 is beyond the largest double"), overflow.err());
        Cli explicit = Cli.run("diff", "atan(x)", "--at", "x=Infinity", "--no-time");
        assertFalse(explicit.err().contains("beyond the largest double"), explicit.err());
    }

    @Test
    void literalsBeyondTheRangeOfDoubleAreWarned() {
        Cli r = Cli.run("diff", "x*1e400 + 1e-400", "--at", "x=1", "--modes", "forward", "--no-time");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("wengert: warning: EXPR, line 1, column 3: the number 1e400 is beyond the largest double"),
                r.err());
        assertTrue(r.err().contains("the number 1e-400 is below the smallest double"), r.err());
    }

    @Test
    void everyCommandSummaryInTheTopLevelHelpIsAWholeSentence() {
        String help = Cli.run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        // a summary starts at "  name  " and continues on lines indented further
        for (String summary : commands.split("\n  (?=[a-z])")) {
            String text = summary.replaceAll("\\s+", " ").trim();
            if (!text.startsWith("Commands:")) {
                assertTrue(text.endsWith("."), "cut mid-sentence: " + text);
            }
        }
    }

    @Test
    void graphHelpKeepsEveryExampleFileNameOnOneLine() {
        String help = Cli.run("graph", "--help").out();
        assertTrue(help.contains("-o graph.svg"), help);
        assertTrue(help.contains("> graph.png"), help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= 80, "longer than the usage width: " + line);
        }
    }

    /** x0^2 + ... + x1999^2 at 2,000 variables. */
    private static String[] wide(String... options) {
        StringBuilder e = new StringBuilder();
        StringBuilder at = new StringBuilder();
        for (int j = 0; j < 2000; j++) {
            e.append(j == 0 ? "" : " + ").append("x").append(j).append("^2");
            at.append(j == 0 ? "" : ",").append("x").append(j).append("=0.5");
        }
        String[] args = new String[4 + options.length];
        args[0] = "diff";
        args[1] = e.toString();
        args[2] = "--at";
        args[3] = at.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return args;
    }

    /** Before the estimate, the hyper-dual Hessian at n = 2000 ran for well over 20 minutes. */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aModeOutOfReachIsSkippedWithANoteAndTheRestAnswer() {
        Cli r = Cli.run(wide("--hessian", "--modes", "forward,ds", "--no-time", "--format", "csv"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("wengert: warning: forward skipped: about"), r.err());
        assertTrue(r.err().contains("hyper-dual passes"), r.err());
        assertTrue(r.err().contains("wengert: warning: ds skipped"), r.err());
        assertTrue(r.err().contains("finite-difference reference is out of reach"), r.err());
        assertTrue(r.out().contains("skipped: about"), r.out().substring(0, Math.min(2000, r.out().length())));
        assertTrue(!r.err().contains("\tat "), r.err());
    }
}
