package dev.wengert.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.core.Functions;
import dev.wengert.core.VectorFunction;
import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

class TapeViewCopyTest {

    /** Every kind of entry: unary, parametric, binary, binary with a constant, both linear combinations. */
    private static final VectorFunction ALL_KINDS = new VectorFunction() {
        @Override
        public <T extends RealFieldElement<T>> T[] value(T[] x) {
            T[] y = MathArrays.buildArray(x[0].getField(), 2);
            T a = x[0].sin().multiply(x[1]).add(x[2].pow(2.5)).divide(3.0);
            T b = a.linearCombination(x, x);
            T c = a.linearCombination(new double[] {1, -2, 0.5}, x);
            y[0] = b.add(c).subtract(x[0]);
            y[1] = a.multiply(a).add(7);
            return y;
        }
    };

    @Test
    void copyEdgesGivesWhatTheAccessorsGiveEntryByEntry() {
        TapeView view = new ReverseMode().record(ALL_KINDS, new double[] {0.3, -1.2, 2.0}).view();
        int size = view.size();
        int edges = (int) view.edgeCount();
        int[] start = new int[size + 1];
        int[] operands = new int[edges];
        double[] partials = new double[edges];
        assertEquals(edges, view.copyEdges(start, operands, partials));
        for (int i = 0; i < size; i++) {
            assertEquals(view.arity(i), start[i + 1] - start[i], "arity of v" + i);
            for (int k = 0; k < view.arity(i); k++) {
                assertEquals(view.operand(i, k), operands[start[i] + k], "operand " + k + " of v" + i);
                assertEquals(view.partial(i, k), partials[start[i] + k], "partial " + k + " of v" + i);
            }
        }
        double[] values = new double[size];
        view.copyValues(values);
        for (int i = 0; i < size; i++) {
            assertEquals(view.value(i), values[i], "value of v" + i);
        }
        double[] only = new double[edges];
        assertEquals(edges, view.copyEdges(null, null, only));
        assertArrayEquals(partials, only);
    }

    @Test
    void copyEdgesOfTheJavadocExampleIsItsCsrForm() {
        Tape tape = new Tape();
        Var x = tape.input(2);
        Var y = tape.input(3);
        TapeView view = tape.record(x.multiply(y).add(Functions.square(x))).view();
        int[] start = new int[view.size() + 1];
        int[] operands = new int[5];
        double[] partials = new double[5];
        assertEquals(5, view.copyEdges(start, operands, partials));
        assertArrayEquals(new int[] {0, 0, 0, 2, 3, 5}, start);
        assertArrayEquals(new int[] {0, 1, 0, 2, 3}, operands);
        assertArrayEquals(new double[] {3, 2, 4, 1, 1}, partials);
    }

    @Test
    void copyEdgesRefusesAShortStartArray() {
        Tape tape = new Tape();
        Var x = tape.input(2);
        TapeView view = tape.record(x.sin()).view();
        assertThrows(IndexOutOfBoundsException.class, () -> view.copyEdges(new int[1], null, null));
    }
}
