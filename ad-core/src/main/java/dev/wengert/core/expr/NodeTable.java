package dev.wengert.core.expr;

import java.util.Arrays;

/**
 * The growable node list behind {@link Expression.Builder} and the parser: five parallel
 * primitive arrays (kind, code, left, right, number) in topological order — every operand index
 * is smaller than the node's own — with hash-consing, so a structurally identical node is stored
 * once and its index returned again. The hash table is open addressing over node indices, so a
 * million nodes cost a few primitive arrays and no object per node.
 *
 * <p>{@link #canonical(int[])} keeps the nodes reachable from the outputs and renumbers them in
 * post-order of a left-to-right depth-first walk from the outputs in order. Together with
 * hash-consing this gives each structure exactly one representation, so structural equality of
 * two expressions is equality of their arrays.
 */
final class NodeTable {

    static final byte INPUT = 0;
    static final byte CONSTANT = 1;
    static final byte UNARY = 2;
    static final byte BINARY = 3;
    static final byte PARAMETRIC = 4;

    private static final NodeKind[] KINDS = NodeKind.values();

    byte[] kinds = new byte[16];
    int[] codes = new int[16];
    int[] lefts = new int[16];
    int[] rights = new int[16];
    double[] numbers = new double[16];
    int size;

    private int[] table = emptyTable(64);

    static NodeKind kind(byte kind) {
        return KINDS[kind];
    }

    /**
     * Adds a node unless an identical one exists.
     *
     * @return the index of the node
     */
    int add(byte kind, int code, int left, int right, double number) {
        int h = hash(kind, code, left, right, number);
        int mask = table.length - 1;
        int slot = h & mask;
        long bits = Double.doubleToLongBits(number);
        while (table[slot] >= 0) {
            int i = table[slot];
            if (kinds[i] == kind && codes[i] == code && lefts[i] == left && rights[i] == right
                    && Double.doubleToLongBits(numbers[i]) == bits) {
                return i;
            }
            slot = (slot + 1) & mask;
        }
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            codes = Arrays.copyOf(codes, n);
            lefts = Arrays.copyOf(lefts, n);
            rights = Arrays.copyOf(rights, n);
            numbers = Arrays.copyOf(numbers, n);
        }
        int i = size++;
        kinds[i] = kind;
        codes[i] = code;
        lefts[i] = left;
        rights[i] = right;
        numbers[i] = number;
        table[slot] = i;
        if (2 * size > table.length) {
            rehash();
        }
        return i;
    }

    private void rehash() {
        table = emptyTable(table.length * 2);
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hash(kinds[i], codes[i], lefts[i], rights[i], numbers[i]) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i;
        }
    }

    private static int[] emptyTable(int n) {
        int[] t = new int[n];
        Arrays.fill(t, -1);
        return t;
    }

    private static int hash(byte kind, int code, int left, int right, double number) {
        long bits = Double.doubleToLongBits(number);
        int h = kind;
        h = h * 31 + code;
        h = h * 1_000_003 + left;
        h = h * 1_000_003 + right;
        h = h * 31 + (int) (bits ^ (bits >>> 32));
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    /**
     * The canonical form: the nodes reachable from {@code outputs}, renumbered in post-order of
     * an iterative left-to-right depth-first walk from each output in turn.
     *
     * @param outputs output node indices into this table; rewritten to canonical indices
     * @return a new table holding exactly the reachable nodes
     */
    NodeTable canonical(int[] outputs) {
        int[] renumber = new int[size];
        Arrays.fill(renumber, -1);
        int[] stack = new int[16];
        NodeTable out = new NodeTable();
        for (int k = 0; k < outputs.length; k++) {
            int top = 0;
            stack[top++] = outputs[k];
            while (top > 0) {
                int n = stack[top - 1];
                if (renumber[n] >= 0) {
                    top--;
                    continue;
                }
                int l = lefts[n];
                int r = rights[n];
                int next = l >= 0 && renumber[l] < 0 ? l : r >= 0 && renumber[r] < 0 ? r : -1;
                if (next >= 0) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = next;
                    continue;
                }
                top--;
                renumber[n] = out.add(kinds[n], codes[n], l < 0 ? -1 : renumber[l], r < 0 ? -1 : renumber[r],
                        numbers[n]);
            }
            outputs[k] = renumber[outputs[k]];
        }
        out.trim();
        return out;
    }

    private void trim() {
        kinds = Arrays.copyOf(kinds, size);
        codes = Arrays.copyOf(codes, size);
        lefts = Arrays.copyOf(lefts, size);
        rights = Arrays.copyOf(rights, size);
        numbers = Arrays.copyOf(numbers, size);
        table = null;
    }
}
