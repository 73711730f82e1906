package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The precedence table: each text equals its fully parenthesised reading, and prints minimally. */
class PrecedenceTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "a + b * c            | a + (b * c)",
        "a * b + c            | (a * b) + c",
        "a - b - c            | (a - b) - c",
        "a - b + c            | (a - b) + c",
        "a / b / c            | (a / b) / c",
        "a / b * c            | (a / b) * c",
        "a ^ b ^ c            | a ^ (b ^ c)",
        "-x ^ 2               | -(x ^ 2)",
        "-x * y               | (-x) * y",
        "-x + y               | (-x) + y",
        "2 ^ -1               | pow(2, -1)",
        "2 ^ -x               | 2 ^ (-x)",
        "x ^ -y * z           | (x ^ (-y)) * z",
        "x ^ -y ^ z           | x ^ (-(y ^ z))",
        "a * -b ^ c           | a * (-(b ^ c))",
        "--x                  | -(-x)",
        "a - -b               | a - (-b)",
        "-2 ^ 2               | -(2 ^ 2)",
        "a + b * c ^ d / e    | a + ((b * (c ^ d)) / e)",
        "sin(x) ^ 2           | (sin(x)) ^ 2",
        "-sin(x)              | -(sin(x))",
        "atan2(a + b, c * d)  | atan2((a + b), (c * d))",
    })
    void operatorsBindAsTheTableSays(String text, String parenthesised) {
        assertEquals(Expression.parse(parenthesised), Expression.parse(text));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = '|', value = {
        "((a + b) + c)        | a + b + c",
        "(a + (b + c))        | a + (b + c)",
        "(a - (b - c))        | a - (b - c)",
        "((a * b) * c)        | a*b*c",
        "(a * (b / c))        | a*(b/c)",
        "((a + b) * c)        | (a + b)*c",
        "(a ^ b) ^ c          | (a^b)^c",
        "a ^ (b ^ c)          | a^b^c",
        "(-x) ^ 2             | (-x)^2",
        "-(x ^ 2)             | -x^2",
        "-(x * y)             | -(x*y)",
        "(-x) * y             | -x*y",
        "a - (-b)             | a - -b",
        "(-2) ^ x             | (-2.0)^x",
        "-(2)                 | -(2.0)",
        "-(2 ^ x)             | -2.0^x",
        "x * (-2)             | x*-2.0",
        "x ^ (3)              | x^(3.0)",
        "remainder(x, (2))    | remainder(x, (2.0))",
        "negate(x)            | -x",
        "2.50                 | 2.5",
        "1e-3                 | 0.001",
        "0x1p3                | 8.0",
    })
    void printingUsesMinimalParentheses(String text, String printed) {
        Expression e = Expression.parse(text);
        assertEquals(printed, e.toText());
        assertEquals(e, Expression.parse(printed));
    }

    @Test
    void aMinusSignBeforeALiteralIsPartOfTheConstant() {
        Expression e = Expression.parse("-2");
        assertEquals(NodeKind.CONSTANT, e.kind(e.output(0)));
        assertEquals(-2.0, e.number(e.output(0)));
        Expression negated = Expression.parse("-(2)");
        assertEquals(UnaryRule.NEGATE, negated.unaryRule(negated.output(0)));
        assertNotEquals(e, negated);
        Expression twice = Expression.parse("--2");
        assertEquals(UnaryRule.NEGATE, twice.unaryRule(twice.output(0)));
        assertEquals(-2.0, twice.number(twice.operand(twice.output(0), 0)));
        assertEquals(Expression.parse("-(2^3)"), Expression.parse("(-2\n^3)"));
        Expression power = Expression.parse("x^-2");
        assertEquals(ParametricRule.POW_INT, power.parametricRule(power.output(0)));
        assertEquals(-2.0, power.number(power.output(0)));
    }

    @Test
    void lineBreaksContinueAStatementAfterAnOperatorAndInsideParentheses() {
        Expression e = Expression.parse("t = x +\n  y\nu = atan2(\n  t,\n  x)\n\nu * t  # the output\n");
        assertEquals(Expression.parse("atan2(x + y, x)*(x + y)"), e);
        assertEquals(e, Expression.parse("t = x +\r\n  y\r\nu = atan2(t, x)\r\nu * t\r\n"));
    }
}
