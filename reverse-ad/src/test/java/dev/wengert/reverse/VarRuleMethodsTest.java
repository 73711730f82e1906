package dev.wengert.reverse;

import static dev.wengert.core.testing.RuleMethodTable.EDGES;
import static dev.wengert.core.testing.RuleMethodTable.sameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.core.testing.RuleMethodTable;
import dev.wengert.core.testing.RuleMethodTable.Kind;
import dev.wengert.core.testing.RuleMethodTable.Row;
import org.junit.jupiter.api.Test;

/**
 * Every {@code RealFieldElement} method of {@link Var} (and every {@code Functions} helper) goes
 * through its rule of the ad-core table: on inputs x = a and y = c, at every pair of edge values
 * ({@link RuleMethodTable#EDGES}: ±0, subnormals, ±∞, NaN, huge and domain edges), the method
 * appends exactly one entry, of the row's kind and rule, whose value and partials are bit for bit
 * the rule's — {@code first} for a unary or parametric rule, {@code dx} for a binary rule with a
 * constant (kept as the entry's parameter), {@code dx} and {@code dy} for a binary rule — as read
 * through the public {@link TapeView}. All NaNs count as one NaN.
 */
class VarRuleMethodsTest {

    @Test
    void everyVarMethodAppendsItsRuleBitForBit() {
        int cases = 0;
        for (Row row : RuleMethodTable.rows()) {
            for (double a : EDGES) {
                double[] seconds = row.kind == Kind.UNARY ? new double[] {0} : row.kind == Kind.BINARY ? EDGES
                        : row.constants();
                for (double c : seconds) {
                    check(row, a, c);
                    cases++;
                }
            }
        }
        assertEquals(true, cases > 5000, "cases: " + cases);
    }

    private static void check(Row row, double a, double c) {
        Tape tape = new Tape();
        Var x = tape.input(a);
        Var y = tape.input(c);
        Var z = row.call(x, y, c);
        TapeView view = tape.view();
        int i = z.index();
        String at = row + " at (" + a + ", " + c + ")";
        assertEquals(3, view.size(), at + ": one entry appended");
        assertEquals(2, i, at);
        double f;
        double[] partials;
        switch (row.kind) {
            case UNARY:
                assertEquals(TapeView.Kind.UNARY, view.kind(i), at);
                assertEquals(row.unary(), view.unaryRule(i), at);
                f = row.unary().value(a);
                partials = new double[] {row.unary().first(a, f)};
                break;
            case BINARY:
                assertEquals(TapeView.Kind.BINARY, view.kind(i), at);
                assertEquals(row.binary(), view.binaryRule(i), at);
                f = row.binary().value(a, c);
                partials = new double[] {row.binary().dx(a, c, f), row.binary().dy(a, c, f)};
                break;
            case CONSTANT:
                assertEquals(TapeView.Kind.BINARY_CONSTANT, view.kind(i), at);
                assertEquals(row.binary(), view.binaryRule(i), at);
                f = row.binary().value(a, c);
                partials = new double[] {row.binary().dx(a, c, f)};
                sameOrFail(c, view.parameter(i), at + " parameter");
                break;
            default:
                assertEquals(TapeView.Kind.PARAMETRIC, view.kind(i), at);
                assertEquals(row.parametric(), view.parametricRule(i), at);
                f = row.parametric().value(a, c);
                partials = new double[] {row.parametric().first(a, c, f)};
                sameOrFail(c, view.parameter(i), at + " parameter");
                break;
        }
        sameOrFail(f, view.value(i), at + " value");
        sameOrFail(f, z.value, at + " value carried by the Var");
        assertEquals(partials.length, view.arity(i), at + " arity");
        for (int k = 0; k < partials.length; k++) {
            assertEquals(k, view.operand(i, k), at + " operand " + k);
            sameOrFail(partials[k], view.partial(i, k), at + " partial " + k);
        }
    }

    private static void sameOrFail(double expected, double actual, String what) {
        if (!sameBits(expected, actual)) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }
}
