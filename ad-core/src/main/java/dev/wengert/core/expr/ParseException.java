package dev.wengert.core.expr;

/**
 * Malformed expression text: carries the 1-based line and column where parsing stopped and what
 * was expected there. The message reads {@code "line 1, column 5: expected an operand after '+'
 * but found ')'"}. The parser throws no other exception for non-null text.
 */
public final class ParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The 1-based line where parsing stopped. */
    private final int line;
    /** The 1-based column (in UTF-16 chars) where parsing stopped. */
    private final int column;
    /** What the parser expected there, e.g. {@code "an operand"}. */
    private final String expected;

    /**
     * @param message what went wrong, including what was expected and what came
     * @param line the 1-based line
     * @param column the 1-based column
     * @param expected what the parser expected at that position
     */
    public ParseException(String message, int line, int column, String expected) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    /** @return the 1-based line where parsing stopped */
    public int line() {
        return line;
    }

    /** @return the 1-based column where parsing stopped */
    public int column() {
        return column;
    }

    /** @return what the parser expected at that position */
    public String expected() {
        return expected;
    }
}
