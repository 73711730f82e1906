package dev.wengert.mixed;

import dev.wengert.reverse.kernel.Entries;
import dev.wengert.reverse.kernel.OpCodes;
import java.util.Arrays;

/**
 * Builds a {@link LinearizedGraph} entry by entry, in tape order — first the inputs, then each
 * operation with its operands and local partials, then the outputs — straight into a Wengert list
 * in the tape's layout ({@link Entries}: one- and two-operand entries in the operand and partial
 * slots, more operands in the side arrays), so tests sweep small hand-made graphs with the same
 * kernels as recordings. Growable primitive arrays, no object per entry.
 */
final class GraphBuilder {

    private final int inputs;
    private String[] names;
    private byte[] op;
    private double[] values;
    private int[] args;
    private double[] partials;
    private int[] naryArgs = new int[16];
    private double[] naryPartials = new double[16];
    private int narySize;
    private int size;
    /** per entry, whether it depends on no input (a constant, or an operation on constants only) */
    private boolean[] passive;

    /**
     * @param x the input values; entries 0..x.length−1
     */
    GraphBuilder(double[] x) {
        this(x, 2 * x.length);
    }

    /**
     * @param x the input values; entries 0..x.length−1
     * @param expected the expected number of entries, to size the arrays
     */
    GraphBuilder(double[] x, int expected) {
        inputs = x.length;
        int capacity = Math.max(16, Math.max(expected, x.length));
        names = new String[capacity];
        op = new byte[capacity];
        values = new double[capacity];
        args = new int[2 * capacity];
        partials = new double[2 * capacity];
        passive = new boolean[capacity];
        for (int j = 0; j < x.length; j++) {
            int i = add("input", OpCodes.INPUT, x[j]);
            args[2 * i] = j;
        }
    }

    /** @return the number of entries so far */
    int size() {
        return size;
    }

    /**
     * @param value a constant
     * @return its entry
     */
    int constant(double value) {
        int i = add("const", OpCodes.CONSTANT, value);
        passive[i] = true;
        return i;
    }

    /**
     * An operation on passive operands only depends on no input: as the tape folds it into a
     * constant, it is recorded with the constant op code (its name is kept), so it carries nothing.
     */
    private void fold(int i, int[] operands, int count) {
        for (int k = 0; k < count; k++) {
            if (!passive[operands[k]]) {
                return;
            }
        }
        passive[i] = true;
        op[i] = OpCodes.CONSTANT;
    }

    /**
     * @param name the operation's name
     * @param value its value
     * @param operand its operand
     * @param partial ∂value/∂operand
     * @return the new entry
     */
    int unary(String name, double value, int operand, double partial) {
        check(operand);
        int i = add(name, OpCodes.UNARY, value);
        args[2 * i] = operand;
        partials[2 * i] = partial;
        fold(i, new int[] {operand}, 1);
        return i;
    }

    /**
     * @param name the operation's name
     * @param value its value
     * @param a the first operand
     * @param pa ∂value/∂a
     * @param b the second operand
     * @param pb ∂value/∂b
     * @return the new entry
     */
    int binary(String name, double value, int a, double pa, int b, double pb) {
        check(a);
        check(b);
        int i = add(name, OpCodes.BINARY, value);
        args[2 * i] = a;
        args[2 * i + 1] = b;
        partials[2 * i] = pa;
        partials[2 * i + 1] = pb;
        fold(i, new int[] {a, b}, 2);
        return i;
    }

    /**
     * @param name the operation's name
     * @param value its value
     * @param operands its operands
     * @param ps the partials, one per operand
     * @return the new entry
     */
    int nary(String name, double value, int[] operands, double[] ps) {
        return nary(name, value, operands, ps, operands.length);
    }

    /**
     * @param name the operation's name
     * @param value its value
     * @param operands its operands (the first {@code count})
     * @param ps the partials, one per operand
     * @param count the number of operands
     * @return the new entry
     */
    int nary(String name, double value, int[] operands, double[] ps, int count) {
        for (int k = 0; k < count; k++) {
            check(operands[k]);
        }
        if (narySize + count > naryArgs.length) {
            int cap = Math.max(narySize + count, 2 * naryArgs.length);
            naryArgs = Arrays.copyOf(naryArgs, cap);
            naryPartials = Arrays.copyOf(naryPartials, cap);
        }
        int i = add(name, OpCodes.LC_CONST_ARRAY, value);
        args[2 * i] = narySize;
        args[2 * i + 1] = count;
        System.arraycopy(operands, 0, naryArgs, narySize, count);
        System.arraycopy(ps, 0, naryPartials, narySize, count);
        narySize += count;
        fold(i, operands, count);
        return i;
    }

    private void check(int operand) {
        if (operand < 0 || operand >= size) {
            throw new IllegalArgumentException("operand " + operand + " must be an existing entry, 0 to " + (size - 1));
        }
    }

    private int add(String name, int code, double value) {
        if (size == values.length) {
            int capacity = 2 * size;
            names = Arrays.copyOf(names, capacity);
            op = Arrays.copyOf(op, capacity);
            values = Arrays.copyOf(values, capacity);
            args = Arrays.copyOf(args, 2 * capacity);
            partials = Arrays.copyOf(partials, 2 * capacity);
            passive = Arrays.copyOf(passive, capacity);
        }
        names[size] = name;
        op[size] = (byte) code;
        values[size] = value;
        return size++;
    }

    /**
     * The graph of the entries so far: an edge from a passive operand (not depending on any input)
     * carries nothing, and entries no output depends on (dead code) are inactive; both stay in the
     * list, so entry numbers do not change.
     *
     * @param outputs the output entries
     * @return the graph
     */
    LinearizedGraph build(int[] outputs) {
        String[] ops = Arrays.copyOf(names, size);
        int[] in = new int[inputs];
        for (int j = 0; j < inputs; j++) {
            in[j] = j;
        }
        Entries list = new Entries(op, values, args, partials, naryArgs, naryPartials, size, inputs, in, inputs,
                outputs.clone());
        return LinearizedGraph.over(list, i -> ops[i], outputs);
    }
}
