package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random text never makes the parser throw anything but {@link ParseException}; whatever parses
 * prints back to an equal expression, and every error has a position inside the text.
 */
class FuzzTest {

    private static final int TRIES = 100_000;
    private static final String[] PIECES = {"x", "y", "t", "a1", "_", "0", "1", "2", ".5", "1e3", "2.5E-3", "0x1p3", "1e",
        "0x", ".", "e", "+", "-", "*", "/", "^", "(", ")", ",", ";", "=", "\n", " ", "\t", "#c\n", "inf", "nan",
        "sin(", "atan2(", "pow(", "rootN(", "scalb(", "remainder(", "copySign(", "max(", "sigmoid(", "input ",
        "sine(", "\u00e9", "\u0000", "\ud83d\ude00", "\r\n", "$", "--", "t = ", "x^-", ")("};

    private static final String[] VALID = {"a*b", "x*y + x^2", "sigmoid(w2*relu(w1*x+b1)+b2)", "t = x*y; t + sin(t)",
        "x*y; sin(x)", "-x^2 + 2^-1", "atan2(y, x) + hypot(x, y)\nrootN(x, 3)", "input a, b; pow(a, b) - copySign(b, -1)",
        "remainder(x, 2.5) * scalb(y, -3)", "max(min(a, b), -inf) / (1.5E+10 - .5e-3)", "u = (x + 1)^(y - 1)\nu*u"};

    @Test
    void randomStringsGiveOnlyParseExceptions() {
        Random random = new Random(1);
        int parsed = 0;
        for (int i = 0; i < TRIES; i++) {
            StringBuilder s = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
            parsed += check(s.toString()) ? 1 : 0;
        }
        assertTrue(parsed > 0, "some random strings parse");
    }

    @Test
    void randomMutationsOfValidExpressionsGiveOnlyParseExceptions() {
        Random random = new Random(2);
        List<String> valid = new ArrayList<>(List.of(VALID));
        Random dags = new Random(3);
        for (int i = 0; i < 50; i++) {
            valid.add(RoundTripTest.randomExpression(dags, 1 + dags.nextInt(15)).toText());
        }
        int parsed = 0;
        for (int i = 0; i < TRIES; i++) {
            StringBuilder s = new StringBuilder(valid.get(random.nextInt(valid.size())));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(s.length() + 1);
                String piece = random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)]
                        : String.valueOf(" x1.e+-*/^(),;=\n".charAt(random.nextInt(16)));
                switch (random.nextInt(3)) {
                    case 0: s.insert(at, piece); break;
                    case 1: if (at < s.length()) { s.deleteCharAt(at); } break;
                    default: if (at < s.length()) { s.replace(at, at + 1, piece); } break;
                }
            }
            parsed += check(s.toString()) ? 1 : 0;
        }
        assertTrue(parsed > TRIES / 20, "many mutations still parse: " + parsed);
    }

    /** @return whether the text parsed */
    private static boolean check(String text) {
        try {
            Expression.parse(text, List.of("x", "y"));
        } catch (ParseException expected) {
            // fine: only the kind of exception matters here
        } catch (RuntimeException | StackOverflowError ex) {
            throw new AssertionError("not a ParseException for " + quote(text) + " over (x, y)", ex);
        }
        Expression e;
        try {
            e = Expression.parse(text);
        } catch (ParseException ex) {
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            assertTrue(ex.line() >= 1 && ex.line() <= lines, () -> "line " + ex.line() + " for " + quote(text));
            assertTrue(ex.column() >= 1 && ex.column() <= text.length() + 1, () -> "column for " + quote(text));
            assertTrue(ex.expected() != null && !ex.expected().isEmpty());
            return false;
        } catch (RuntimeException | StackOverflowError ex) {
            throw new AssertionError("not a ParseException for " + quote(text), ex);
        }
        String printed = e.toText();
        assertEquals(e, Expression.parse(printed), () -> quote(text) + " printed as " + quote(printed));
        return true;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
