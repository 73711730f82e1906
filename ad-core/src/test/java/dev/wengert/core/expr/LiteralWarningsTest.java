package dev.wengert.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralWarningsTest {

    @Test
    void aLiteralBeyondTheRangeOfDoubleIsAcceptedWithAWarning() {
        Expression e = Expression.parse("x*1e400 + 1e-400");
        assertEquals(List.of(
                "line 1, column 3: the number 1e400 is beyond the largest double (1.7976931348623157E308) and is read as Infinity",
                "line 1, column 11: the number 1e-400 is below the smallest double (4.9E-324) and is read as 0"),
                e.warnings());
        assertEquals(Double.POSITIVE_INFINITY, e.value(1)[0]);
    }

    @Test
    void ordinaryLiteralsAndExactZerosGiveNoWarning() {
        assertEquals(List.of(), Expression.parse("x*1e300 + 0e-400 + 0.0 + 4.9e-324 + 0x1p3").warnings());
        Expression.Builder b = Expression.builder();
        assertEquals(List.of(), b.output(b.variable("x")).build().warnings());
    }

    @Test
    void hexadecimalLiteralsOutOfRangeAreWarnedToo() {
        assertEquals(2, Expression.parse("x + 0x1p2000 + 0x1p-2000").warnings().size());
    }

    @Test
    void warningsAreNotPartOfTheStructure() {
        assertEquals(Expression.parse("x + 1e400"), Expression.parse("x + 1e401"));
    }
}
