package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed text names the line, the column and what was expected. */
class ParseErrorTest {

    @ParameterizedTest(name = "\"{0}\" fails at {1}:{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "x + )                 | 1 | 5  | expected an operand after '+' but found ')'",
        "x +                   | 1 | 4  | expected an operand after '+' but found end of input",
        "sine(x)               | 1 | 1  | unknown function 'sine' (did you mean sin?)",
        "Sqrt(x)               | 1 | 1  | unknown function 'Sqrt' (did you mean sqrt?)",
        "atan2(y)              | 1 | 1  | function 'atan2' takes 2 arguments, got 1",
        "sin(x, y)             | 1 | 1  | function 'sin' takes 1 argument, got 2",
        "sin()                 | 1 | 1  | function 'sin' takes 1 argument, got 0",
        "rootN(x, 2.5)         | 1 | 10 | the second argument of 'rootN' must be an integer literal such as 3, but got the number 2.5",
        "scalb(x, y)           | 1 | 10 | the second argument of 'scalb' must be an integer literal such as 3, but got an expression",
        "scalb(x, 3000000000)  | 1 | 10 | the second argument of 'scalb' must be an integer literal such as 3, but got the number 3.0E9",
        "t = 1; t = 2; t       | 1 | 8  | 't' is assigned a second time (first at line 1, column 1); a name is assigned once",
        "t + 1; t = 2; t       | 1 | 1  | 't' is used before it is assigned (at line 1, column 8)",
        "t = t + 1; t          | 1 | 5  | 't' is used before it is assigned (at line 1, column 1)",
        "t = x*y               | 1 | 8  | expected at least one output expression but found only assignments",
        "\"\"                  | 1 | 1  | expected at least one output expression but found none",
        "\";\n; \"             | 2 | 3  | expected at least one output expression but found none",
        "(x + 1                | 1 | 7  | expected ')' to close '(' (opened at line 1, column 1) but found end of input",
        "\"max(x,\n y\n\"      | 3 | 1  | expected ')' to close the call of 'max' (opened at line 1, column 1) but found end of input",
        "x)                    | 1 | 2  | unmatched ')'",
        "2x                    | 1 | 2  | expected an operator or the end of the statement after '2' but found 'x'",
        "x, y                  | 1 | 2  | ',' outside of a function call",
        "a = b = c             | 1 | 7  | '=' may only follow a single name at the start of a statement",
        "\"x\ny $ 1\"          | 2 | 3  | unexpected character '$'",
        "1e+                   | 1 | 1  | expected digits in the exponent of '1e+'",
        "0x1.8                 | 1 | 1  | expected a binary exponent 'p' in hexadecimal number '0x1.8' (as in 0x1p3)",
        "\"x\n\n  * y\"        | 3 | 3  | expected an operand at the start of a statement but found '*'",
        "\"x;\n) \"          | 2 | 1  | expected an operand at the start of a statement but found ')'",
        "input x, x; x         | 1 | 10 | input 'x' is declared twice",
        "input x y; x          | 1 | 9  | expected ',' or the end of the input header after 'x' but found 'y'",
        "input x; x = 1; x     | 1 | 10 | cannot assign to 'x': it is an input",
        "input x; x + y        | 1 | 14 | unknown variable 'y': it is neither an input [x] nor assigned before",
    })
    void malformedTextNamesItsPosition(String text, int line, int column, String message) {
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse(text));
        assertEquals(message, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals("line " + line + ", column " + column + ": " + message, e.getMessage());
        assertTrue(!e.expected().isEmpty());
    }

    @Test
    void anExplicitVariableListRejectsUnknownUnusedAndDuplicateNames() {
        ParseException unknown = assertThrows(ParseException.class, () -> Expression.parse("x*w", List.of("x", "y")));
        assertEquals("line 1, column 3: unknown variable 'w': it is neither an input [x, y] nor assigned before",
                unknown.getMessage());
        ParseException unused = assertThrows(ParseException.class, () -> Expression.parse("x*y", List.of("x", "y", "z")));
        assertEquals("line 1, column 4: input 'z' of [x, y, z] is not used by the expression", unused.getMessage());
        ParseException assigned = assertThrows(ParseException.class, () -> Expression.parse("y = 2; x*y", List.of("x", "y")));
        assertEquals(1, assigned.column());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> Expression.parse("x*y", List.of("x", "y", "x")));
        assertEquals("variable 'x' is listed twice in [x, y, x]", duplicate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", List.of("2x")));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", List.of("inf")));
        ParseException header = assertThrows(ParseException.class,
                () -> Expression.parse("input y, x; x*y", List.of("x", "y")));
        assertEquals("line 1, column 1: the input header declares [y, x] but the caller gave [x, y]", header.getMessage());
    }

    @Test
    void anInputHeaderMayDeclareUnusedInputs() {
        Expression e = Expression.parse("input x, y, z; z - x");
        assertEquals(List.of("x", "y", "z"), e.variables());
        assertEquals(2.0, e.value(1, 100, 3)[0]);
        assertEquals("input x, y, z; z - x", e.toText());
        assertEquals(e, Expression.parse(e.toText()));
    }

    @Test
    void nullTextIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse(null));
        assertEquals("expression text must not be null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", null));
    }

    @Test
    void anUnknownFunctionFarFromEveryNameListsThemAll() {
        ParseException e = assertThrows(ParseException.class, () -> Expression.parse("frobnicate(x)"));
        assertTrue(e.getMessage().contains("the functions are negate, reciprocal, abs"), e.getMessage());
        assertTrue(e.getMessage().contains("rootN, scalb"), e.getMessage());
    }
}
