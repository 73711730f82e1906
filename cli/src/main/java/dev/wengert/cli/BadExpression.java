package dev.wengert.cli;

import dev.wengert.core.expr.ParseException;

/** An expression on the command line that does not parse, with its source for the caret. */
final class BadExpression extends UserError {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient ParseException parseError;

    BadExpression(String source, ParseException parseError) {
        super(parseError.getMessage());
        this.source = source;
        this.parseError = parseError;
    }

    /** @return the expression text as given */
    String source() {
        return source;
    }

    /** @return the parser's error, with line and column */
    ParseException parseError() {
        return parseError;
    }
}
