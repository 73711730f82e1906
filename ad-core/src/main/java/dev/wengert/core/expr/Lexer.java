package dev.wengert.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens, one at a time, with a lookahead of a few tokens. Spaces,
 * tabs, carriage returns and {@code #} comments (to the end of the line) are skipped; a line
 * feed is a token of its own ({@link Type#NEWLINE}), because it may end a statement. Lines and
 * columns are 1-based; a column counts UTF-16 chars.
 */
final class Lexer {

    /** Number literals that overflow to ±∞ or underflow to 0, one message each, in order. */
    final List<String> warnings = new ArrayList<>();

    /** Token types. */
    enum Type { NUMBER, NAME, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA, SEMICOLON, NEWLINE, EQUALS, END }

    /**
     * A token.
     *
     * @param type its type
     * @param text its text as written
     * @param value for a number, its value
     * @param integer for a number, whether it is written with decimal digits only (an integer literal)
     * @param line 1-based line of its first char
     * @param column 1-based column of its first char
     */
    record Token(Type type, String text, double value, boolean integer, int line, int column) {

        /** @return the token as an error message quotes it */
        String describe() {
            switch (type) {
                case END: return "end of input";
                case NEWLINE: return "end of line";
                default: return "'" + text + "'";
            }
        }
    }

    private final String source;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final Token[] buffer = new Token[4];
    private int head;
    private int buffered;

    Lexer(String source) {
        this.source = source;
    }

    /** @return the token {@code k} places ahead (0 = the next one), without consuming it */
    Token peek(int k) {
        while (buffered <= k) {
            buffer[(head + buffered) & 3] = scan();
            buffered++;
        }
        return buffer[(head + k) & 3];
    }

    /** @return the next token, consumed */
    Token next() {
        Token t = peek(0);
        head = (head + 1) & 3;
        buffered--;
        return t;
    }

    private Token scan() {
        int n = source.length();
        while (pos < n) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < n && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        int start = pos;
        int column = start - lineStart + 1;
        if (pos >= n) {
            return new Token(Type.END, "", 0, false, line, column);
        }
        char c = source.charAt(pos);
        if (c == '\n') {
            pos++;
            Token t = new Token(Type.NEWLINE, "\\n", 0, false, line, column);
            line++;
            lineStart = pos;
            return t;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(source.charAt(pos + 1)))) {
            return number(column);
        }
        if (isNameStart(c)) {
            while (pos < n && isNamePart(source.charAt(pos))) {
                pos++;
            }
            String name = source.substring(start, pos);
            if (name.equals("inf")) {
                return new Token(Type.NUMBER, name, Double.POSITIVE_INFINITY, false, line, column);
            }
            if (name.equals("nan")) {
                return new Token(Type.NUMBER, name, Double.NaN, false, line, column);
            }
            return new Token(Type.NAME, name, 0, false, line, column);
        }
        Type type;
        switch (c) {
            case '+': type = Type.PLUS; break;
            case '-': type = Type.MINUS; break;
            case '*': type = Type.STAR; break;
            case '/': type = Type.SLASH; break;
            case '^': type = Type.CARET; break;
            case '(': type = Type.LPAREN; break;
            case ')': type = Type.RPAREN; break;
            case ',': type = Type.COMMA; break;
            case ';': type = Type.SEMICOLON; break;
            case '=': type = Type.EQUALS; break;
            default:
                throw new ParseException("unexpected character " + quote(c), line, column,
                        "a number, a name, an operator, a parenthesis, ',' or ';'");
        }
        pos++;
        return new Token(type, String.valueOf(c), 0, false, line, column);
    }

    private Token number(int column) {
        int start = pos;
        int n = source.length();
        boolean integer = true;
        if (source.charAt(pos) == '0' && pos + 1 < n && (source.charAt(pos + 1) | 0x20) == 'x') {
            pos += 2;
            int digits = skipHexDigits();
            if (pos < n && source.charAt(pos) == '.') {
                pos++;
                digits += skipHexDigits();
            }
            if (digits == 0) {
                throw new ParseException("expected hexadecimal digits in '" + source.substring(start, pos) + "'",
                        line, column, "hexadecimal digits");
            }
            if (pos >= n || (source.charAt(pos) | 0x20) != 'p') {
                throw new ParseException("expected a binary exponent 'p' in hexadecimal number '"
                        + source.substring(start, pos) + "' (as in 0x1p3)", line, column, "'p'");
            }
            pos++;
            exponentDigits(start, column);
            integer = false;
        } else {
            skipDigits();
            if (pos < n && source.charAt(pos) == '.') {
                integer = false;
                pos++;
                skipDigits();
            }
            if (pos < n && (source.charAt(pos) | 0x20) == 'e') {
                integer = false;
                pos++;
                exponentDigits(start, column);
            }
        }
        String text = source.substring(start, pos);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ParseException("malformed number '" + text + "'", line, column, "a number");
        }
        if (Double.isInfinite(value)) {
            warnings.add("line " + line + ", column " + column + ": the number " + text
                    + " is beyond the largest double (" + Double.MAX_VALUE + ") and is read as Infinity");
        } else if (value == 0 && nonZeroMantissa(text)) {
            warnings.add("line " + line + ", column " + column + ": the number " + text
                    + " is below the smallest double (" + Double.MIN_VALUE + ") and is read as 0");
        }
        return new Token(Type.NUMBER, text, value, integer, line, column);
    }

    /** @return whether a number literal's digits before its exponent include a nonzero one */
    private static boolean nonZeroMantissa(String text) {
        boolean hex = text.length() > 1 && (text.charAt(1) | 0x20) == 'x';
        for (int i = hex ? 2 : 0; i < text.length(); i++) {
            char c = (char) (text.charAt(i) | 0x20);
            if (c == (hex ? 'p' : 'e')) {
                return false;
            }
            if (c >= '1' && c <= '9' || hex && c >= 'a' && c <= 'f') {
                return true;
            }
        }
        return false;
    }

    private void exponentDigits(int start, int column) {
        int n = source.length();
        if (pos < n && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
            pos++;
        }
        if (skipDigits() == 0) {
            throw new ParseException("expected digits in the exponent of '" + source.substring(start, pos) + "'",
                    line, column, "exponent digits");
        }
    }

    private int skipDigits() {
        int from = pos;
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
        return pos - from;
    }

    private int skipHexDigits() {
        int from = pos;
        while (pos < source.length() && Character.digit(source.charAt(pos), 16) >= 0
                && source.charAt(pos) < 128) {
            pos++;
        }
        return pos - from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** @return whether {@code s} lexes as one name token: {@code [A-Za-z_][A-Za-z0-9_]*} but not {@code inf} or {@code nan} */
    static boolean isName(String s) {
        boolean ok = !s.isEmpty() && isNameStart(s.charAt(0)) && !s.equals("inf") && !s.equals("nan");
        for (int i = 1; ok && i < s.length(); i++) {
            ok = isNamePart(s.charAt(i));
        }
        return ok;
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static String quote(char c) {
        return c >= ' ' && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
