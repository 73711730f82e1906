package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.core.expr.ParseException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The two arguments every expression command shares: {@code EXPR} and {@code --at x=2,y=3}.
 * Parse errors become {@link BadExpression} (caret under the column, exit 2); unknown, missing
 * or malformed values in {@code --at} become {@link UserError} (one line, exit 2).
 */
final class ExpressionArgs {

    @Parameters(index = "0", paramLabel = "EXPR",
            description = "The function, e.g. 'x*y + x^2'; several outputs separated by ';' ('x*y; sin(x)'). "
                    + "It may start with '-' ('-x^2').")
    String text;

    /** The command this mixin belongs to, for its stderr (warnings). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--at", paramLabel = "x=2,y=3",
            description = "The point: a value for every variable of EXPR, name=value separated by commas.")
    String at;

    private Expression expression;

    /** @return EXPR, parsed once */
    Expression expression() {
        if (expression == null) {
            Expression e;
            try {
                e = Expression.parse(text);
            } catch (ParseException p) {
                throw new BadExpression(text, p);
            }
            if (e.inputs() == 0) {
                throw new UserError("the expression '" + text + "' has no variables, so there is nothing to differentiate");
            }
            for (String w : e.warnings()) {
                warn("EXPR, " + w);
            }
            expression = e;
        }
        return expression;
    }

    /** @return the point of {@code --at}, one value per variable in the expression's order */
    double[] point() {
        return Points.parse(at == null ? "" : at, expression().variables(), this::warn);
    }

    /** Prints "wengert: warning: …" on the command's stderr (nowhere without a command, as in unit tests). */
    void warn(String message) {
        if (mixee != null) {
            PrintWriter err = mixee.commandLine().getErr();
            err.println("wengert: warning: " + message);
            err.flush();
        }
    }

    /**
     * @param x the point
     * @return "f = x*y + x^2  at x = 2, y = 3" for one output, "f: x*y; sin(x)  at …" for several
     *         (or with bindings), for headings
     */
    String heading(double[] x) {
        boolean plain = expression().outputs() == 1 && text.indexOf('=') < 0 && text.indexOf('\n') < 0;
        return (plain ? "f = " : "f: ") + text + "  at " + pointText(x);
    }

    /** @return "x = 2, y = 3" for headings */
    String pointText(double[] x) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            b.append(j == 0 ? "" : ", ").append(expression().variables().get(j)).append(" = ").append(Fmt.num(x[j]));
        }
        return b.toString();
    }
}
