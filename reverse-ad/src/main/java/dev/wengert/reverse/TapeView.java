package dev.wengert.reverse;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.reverse.kernel.Entries;
import java.util.BitSet;

/**
 * A read-only view of a tape: the Wengert list v₀, v₁, … in evaluation order, for tools that cut
 * it into segments (mixed mode), print it (the {@code trace} command) or count its cost. Nothing
 * here can change the tape.
 *
 * <p>Entry i has an op ({@link #opCode}, {@link #opName}, {@link #kind}), {@link #arity} taped
 * operands {@link #operand operand(i, k)} (indices &lt; i) with local partials
 * {@link #partial partial(i, k)} = ∂vᵢ/∂v<sub>operand(i, k)</sub>, a {@link #value}, and, for
 * one-operand ops with a double argument, a {@link #parameter}. An operand may appear twice
 * ({@code x*x}); its partials then add. For {@code z = x*y + x²} at (2, 3):
 *
 * <pre>
 * v0 = x0                 value 2    (input 0)
 * v1 = x1                 value 3    (input 1)
 * v2 = v0 * v1            value 6    partials 3, 2
 * v3 = square(v0)         value 4    partial 4
 * v4 = v2 + v3            value 10   partials 1, 1   (output 0)
 * </pre>
 *
 * <p>A view of an open tape ({@link Tape#view()}) is live: it sees entries appended later.
 */
public final class TapeView {

    /** What an entry is. */
    public enum Kind {
        /** An input xⱼ; no operands. */
        INPUT,
        /** A constant; no operands, never differentiated. */
        CONSTANT,
        /** f(x) by a {@link UnaryRule}; one operand. */
        UNARY,
        /** f(x; p) by a {@link ParametricRule} with constant p; one operand. */
        PARAMETRIC,
        /** f(x, y) by a {@link BinaryRule}; two operands. */
        BINARY,
        /** f(x, c) by a {@link BinaryRule} with a constant right argument c; one operand. */
        BINARY_CONSTANT,
        /** Σ aₖ·bₖ ({@code linearCombination}); any number of operands. */
        LINEAR_COMBINATION
    }

    private final Tape tape;
    private final int[] outputs;
    private final BitSet isOutput = new BitSet();

    TapeView(Tape tape, int[] outputs) {
        this.tape = tape;
        this.outputs = outputs.clone();
        for (int o : outputs) {
            isOutput.set(o);
        }
    }

    /** @return the number of entries */
    public int size() {
        return tape.size;
    }

    /** @return the number of inputs n */
    public int inputCount() {
        return tape.inputCount;
    }

    /** @return the number of outputs m (0 for an open tape) */
    public int outputCount() {
        return outputs.length;
    }

    /**
     * @param k an input number, 0 ≤ k &lt; n
     * @return the entry index of input k
     */
    public int inputIndex(int k) {
        if (k < 0 || k >= tape.inputCount) {
            throw new IndexOutOfBoundsException("input " + k + " of " + tape.inputCount);
        }
        return tape.inputs[k];
    }

    /**
     * @param k an output number, 0 ≤ k &lt; m
     * @return the entry index of output k
     */
    public int outputIndex(int k) {
        return outputs[k];
    }

    /**
     * @param i an entry
     * @return whether it is an input
     */
    public boolean isInput(int i) {
        return code(i) == OpCode.INPUT;
    }

    /**
     * @param i an entry
     * @return whether it is an output (an entry may be several outputs)
     */
    public boolean isOutput(int i) {
        code(i);
        return isOutput.get(i);
    }

    /**
     * @param i an entry
     * @return whether it is a constant
     */
    public boolean isConstant(int i) {
        return code(i) == OpCode.CONSTANT;
    }

    /**
     * @param i an entry
     * @return its op code: stable within one build of Wengert, for a {@code switch}; use
     *         {@link #kind} and the rule accessors for meaning
     */
    public int opCode(int i) {
        return code(i);
    }

    /**
     * @param i an entry
     * @return its kind
     */
    public Kind kind(int i) {
        int c = code(i);
        if (c == OpCode.INPUT) {
            return Kind.INPUT;
        }
        if (c == OpCode.CONSTANT) {
            return Kind.CONSTANT;
        }
        if (c < OpCode.PARAMETRIC) {
            return Kind.UNARY;
        }
        if (c < OpCode.BINARY) {
            return Kind.PARAMETRIC;
        }
        if (c < OpCode.BINARY_CONSTANT) {
            return Kind.BINARY;
        }
        return c < OpCode.LC_VAR_ARRAY ? Kind.BINARY_CONSTANT : Kind.LINEAR_COMBINATION;
    }

    /**
     * @param i an entry
     * @return a printable op name: {@code input}, {@code const}, a function name ({@code sin},
     *         {@code pow}), an operator ({@code +}, {@code *}) or {@code linearCombination}
     */
    public String opName(int i) {
        return OpCode.name(code(i));
    }

    /**
     * @param i an entry
     * @return its unary rule, or null if it is not {@link Kind#UNARY}
     */
    public UnaryRule unaryRule(int i) {
        return kind(i) == Kind.UNARY ? OpCode.UNARY_RULES[code(i) - OpCode.UNARY] : null;
    }

    /**
     * @param i an entry
     * @return its parametric rule, or null if it is not {@link Kind#PARAMETRIC}
     */
    public ParametricRule parametricRule(int i) {
        return kind(i) == Kind.PARAMETRIC ? OpCode.PARAMETRIC_RULES[code(i) - OpCode.PARAMETRIC] : null;
    }

    /**
     * @param i an entry
     * @return its binary rule (BINARY or BINARY_CONSTANT), or null
     */
    public BinaryRule binaryRule(int i) {
        Kind k = kind(i);
        return k == Kind.BINARY ? OpCode.BINARY_RULES[code(i) - OpCode.BINARY]
                : k == Kind.BINARY_CONSTANT ? OpCode.BINARY_RULES[code(i) - OpCode.BINARY_CONSTANT] : null;
    }

    /**
     * @param i an entry
     * @return the number of taped operands (0, 1, 2, or 2k / k for a linear combination)
     */
    public int arity(int i) {
        code(i);
        return entries().arity(i);
    }

    /**
     * @param i an entry
     * @param k an operand number, 0 ≤ k &lt; arity(i)
     * @return the operand's entry index
     */
    public int operand(int i, int k) {
        checkOperand(i, k);
        return entries().operand(i, k);
    }

    /**
     * @param i an entry
     * @param k an operand number
     * @return the local partial ∂vᵢ/∂v<sub>operand(i, k)</sub>
     */
    public double partial(int i, int k) {
        checkOperand(i, k);
        return entries().partial(i, k);
    }

    /**
     * @param i an entry
     * @return its value vᵢ at the current point
     */
    public double value(int i) {
        code(i);
        return tape.value[i];
    }

    /**
     * @param i an entry
     * @return the constant argument p or c of a PARAMETRIC or BINARY_CONSTANT entry, else NaN
     */
    public double parameter(int i) {
        Kind k = kind(i);
        return k == Kind.PARAMETRIC || k == Kind.BINARY_CONSTANT ? tape.partials[2 * i + 1] : Double.NaN;
    }

    /**
     * @param i an input entry
     * @return its input number j (the entry is xⱼ)
     */
    public int inputNumber(int i) {
        if (!isInput(i)) {
            throw new IllegalArgumentException("v" + i + " is not an input but '" + opName(i) + "'");
        }
        return tape.args[2 * i];
    }

    /** @return the number of (entry, operand) edges: the cost of one tangent or adjoint sweep */
    public long edgeCount() {
        long e = 0;
        for (int i = 0; i < tape.size; i++) {
            e += arity(i);
        }
        return e;
    }

    /**
     * Copies every entry's operands and local partials in one call, in compressed sparse row form:
     * entry i's operands are {@code operands[start[i] .. start[i+1])}, in the order of
     * {@link #operand operand(i, k)}, with {@link #partial partial(i, k)} at the same position of
     * {@code partials}; start[0] = 0 and start[size()] = {@link #edgeCount()}. For
     * {@code z = x*y + x²} at (2, 3) (the example above): start = [0, 0, 0, 2, 3, 5], operands =
     * [0, 1, 0, 2, 3], partials = [3, 2, 4, 1, 1]. The same as the per-entry accessors, without a
     * check per edge — for tools that want a tape in CSR form (mixed mode does not: it sweeps the
     * tape in place).
     *
     * @param start null, or at least size() + 1 long
     * @param operands null, or at least edgeCount() long
     * @param partials null, or at least edgeCount() long
     * @return the number of edges copied, edgeCount()
     * @throws IndexOutOfBoundsException if an array is too short
     */
    public int copyEdges(int[] start, int[] operands, double[] partials) {
        int size = tape.size;
        if (start != null && start.length < size + 1) {
            throw new IndexOutOfBoundsException("start has " + start.length + " places, needs " + (size + 1));
        }
        Entries entries = entries();
        int e = 0;
        for (int i = 0; i < size; i++) {
            if (start != null) {
                start[i] = e;
            }
            for (int k = 0, a = entries.arity(i); k < a; k++, e++) {
                if (operands != null) {
                    operands[e] = entries.operand(i, k);
                }
                if (partials != null) {
                    partials[e] = entries.partial(i, k);
                }
            }
        }
        if (start != null) {
            start[size] = e;
        }
        return e;
    }

    /**
     * Copies the values v<sub>0</sub> … v<sub>size()−1</sub> at the current point in one call.
     *
     * @param values at least size() long
     * @throws IndexOutOfBoundsException if it is too short
     */
    public void copyValues(double[] values) {
        System.arraycopy(tape.value, 0, values, 0, tape.size);
    }

    /** @return bytes held by the tape's arrays (their capacities), for the memory bound per entry */
    public long allocatedBytes() {
        return tape.allocatedBytes();
    }

    /**
     * @param i an entry
     * @return it as one line of the Wengert list: {@code v4 = v2 * v3}, {@code v3 = sin(v2)},
     *         {@code v5 = pow(v3, 2.5)}, {@code v0 = x0}, {@code v7 = 2.0}
     */
    public String format(int i) {
        StringBuilder s = new StringBuilder("v").append(i).append(" = ");
        int c = code(i);
        String name = OpCode.name(c);
        switch (kind(i)) {
            case INPUT:
                return s.append('x').append(tape.args[2 * i]).toString();
            case CONSTANT:
                return s.append(tape.value[i]).toString();
            case UNARY:
                return s.append(name).append("(v").append(tape.args[2 * i]).append(')').toString();
            case BINARY:
            case BINARY_CONSTANT:
                String right = kind(i) == Kind.BINARY ? "v" + tape.args[2 * i + 1] : String.valueOf(tape.partials[2 * i + 1]);
                if (OpCode.infix(c)) {
                    return s.append('v').append(tape.args[2 * i]).append(' ').append(name).append(' ')
                            .append(right).toString();
                }
                return s.append(name).append("(v").append(tape.args[2 * i]).append(", ").append(right)
                        .append(')').toString();
            case PARAMETRIC:
                return s.append(name).append("(v").append(tape.args[2 * i]).append(", ")
                        .append(fmtParameter(c, tape.partials[2 * i + 1])).append(')').toString();
            default:
                s.append(name).append('(');
                boolean constants = c == OpCode.LC_CONST_ARRAY || c == OpCode.LC_CONST_FIXED;
                int n = arity(i);
                for (int k = 0; k < n; k += constants ? 1 : 2) {
                    s.append(k == 0 ? "" : ", ");
                    if (constants) {
                        s.append(partial(i, k)).append("·v").append(operand(i, k));
                    } else {
                        s.append('v').append(operand(i, k)).append("·v").append(operand(i, k + 1));
                    }
                }
                return s.append(')').toString();
        }
    }

    private static String fmtParameter(int code, double p) {
        ParametricRule r = OpCode.PARAMETRIC_RULES[code - OpCode.PARAMETRIC];
        boolean integer = r == ParametricRule.POW_INT || r == ParametricRule.ROOT_N || r == ParametricRule.SCALB;
        return integer ? String.valueOf((int) p) : String.valueOf(p);
    }

    /** The tape's arrays as they are now (an open tape's may grow), decoded by the kernels' one reader. */
    private Entries entries() {
        return Sweeps.entries(tape, outputs);
    }

    private int code(int i) {
        if (i < 0 || i >= tape.size) {
            throw new IndexOutOfBoundsException("entry v" + i + " of a tape with " + tape.size + " entries");
        }
        return tape.op[i];
    }

    private void checkOperand(int i, int k) {
        int a = arity(i);
        if (k < 0 || k >= a) {
            throw new IndexOutOfBoundsException("operand " + k + " of v" + i + ", which has " + a);
        }
    }
}
