package dev.wengert.cli;

import dev.wengert.core.expr.ParseException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a user's mistake into one line on stderr and exit code 2 — with the expression and a
 * caret under the column for a parse error — and shows the stack trace only with {@code --debug}.
 * Anything else is a bug in Wengert: exit code 1 with the trace.
 */
final class Errors implements IExecutionExceptionHandler {

    /** Exit code for a user's mistake (bad expression, variable, number or mode). */
    static final int USAGE = 2;

    private final boolean[] debug;

    /** @param debug a one-element holder for the {@code --debug} flag */
    Errors(boolean[] debug) {
        this.debug = debug;
    }

    /**
     * A picocli usage error (unknown option, missing argument, bad enum value): one line, a hint
     * to use --help (and suggestions for a mistyped command), exit code 2.
     *
     * @param e the error
     * @param args the arguments
     * @return the exit code
     */
    static int handleParameterException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("wengert: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean showTrace = debug[0];
        int code;
        if (e instanceof BadExpression) {
            BadExpression bad = (BadExpression) e;
            ParseException p = bad.parseError();
            err.println("wengert: cannot parse the expression: " + p.getMessage());
            String[] lines = bad.source().split("\n", -1);
            if (p.line() >= 1 && p.line() <= lines.length) {
                err.println("  " + lines[p.line() - 1]);
                err.println("  " + " ".repeat(Math.max(0, p.column() - 1)) + "^");
            }
            code = USAGE;
        } else if (e instanceof UserError || e instanceof IllegalArgumentException) {
            err.println("wengert: " + e.getMessage());
            code = USAGE;
        } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            // a file the user named, or the environment: not a bug in Wengert
            err.println("wengert: cannot read or write a file: " + e.getMessage());
            code = USAGE;
        } else {
            err.println("wengert: internal error: " + e);
            showTrace = true;
            code = 1;
        }
        if (showTrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
