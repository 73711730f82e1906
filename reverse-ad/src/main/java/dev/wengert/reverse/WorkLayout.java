package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DSUB;

import static dev.wengert.reverse.Bytecode.dconst;
import static dev.wengert.reverse.Bytecode.push;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.UnaryRule;
import org.objectweb.asm.MethodVisitor;

/**
 * Where a {@link CompiledRecording}'s generated code keeps its numbers: one work array {@code w}
 * holding the value vᵢ of entry i at {@code w[i]} (i &lt; size), followed by the local partials
 * ∂vᵢ/∂vⱼ that must be stored — those that are neither a constant nor another entry's value —
 * one slot each, entry by entry. For {@code z = x*y + sin(x)} (entries x, y, x·y, sin x, +):
 *
 * <pre>
 * w[0..4]  the five values
 * w[5]     ∂sin(x)/∂x = cos x          (entry 3's only stored partial)
 * </pre>
 *
 * The partials of x·y are y and x (read from w[1] and w[0]), those of + are 1 and 1 (constants in
 * the code), so they take no slot. {@link #partial} pushes any partial from wherever it lives,
 * exactly as the interpreted replay computes it: the sweep code reads the stored ones and inlines
 * the others.
 */
final class WorkLayout {

    private final TapeView t;
    /** The first partial slot of each entry, or −1. */
    private final int[] slot;
    private final int length;

    /**
     * @param view the recording's entries
     */
    WorkLayout(TapeView view) {
        this.t = view;
        int size = view.size();
        this.slot = new int[size];
        int next = size;
        for (int i = 0; i < size; i++) {
            int stored = storedPartials(i);
            slot[i] = stored == 0 ? -1 : next;
            next += stored;
        }
        this.length = next;
    }

    /** @return the length of the work array: the values, then the stored partials */
    int length() {
        return length;
    }

    /**
     * @param i an entry
     * @return the index of its first stored partial in the work array, or −1 if it stores none
     */
    int slot(int i) {
        return slot[i];
    }

    /** @return how many partials of entry i are stored in the work array (neither constant nor a value) */
    private int storedPartials(int i) {
        switch (t.kind(i)) {
            case UNARY:
                return t.unaryRule(i) == UnaryRule.NEGATE ? 0 : 1;
            case PARAMETRIC:
                return 1;
            case BINARY_CONSTANT:
                return arithmetic(t.binaryRule(i)) ? 0 : 1;
            case BINARY:
                BinaryRule r = t.binaryRule(i);
                return r == BinaryRule.ADD || r == BinaryRule.SUBTRACT || r == BinaryRule.MULTIPLY ? 0 : 2;
            default:
                return 0;
        }
    }

    /**
     * Pushes ∂vᵢ/∂v<sub>operand(i, k)</sub> at the current point, exactly as replay stores it:
     * from its slot, from the value it equals, or as a constant.
     *
     * @param mv the method being written
     * @param w the local variable holding the work array
     * @param i an entry with operands
     * @param k an operand number
     */
    void partial(MethodVisitor mv, int w, int i, int k) {
        switch (t.kind(i)) {
            case UNARY -> {
                if (t.unaryRule(i) == UnaryRule.NEGATE) {
                    dconst(mv, -1.0);                           // NEGATE.first
                } else {
                    stored(mv, w, slot[i]);
                }
            }
            case PARAMETRIC -> stored(mv, w, slot[i]);
            case BINARY_CONSTANT -> {
                BinaryRule r = t.binaryRule(i);
                double c = t.parameter(i);
                switch (r) {
                    case ADD, SUBTRACT -> dconst(mv, 1.0);      // ADD.dx, SUBTRACT.dx
                    case MULTIPLY -> dconst(mv, c);             // MULTIPLY.dx(x, c, f) = c
                    case DIVIDE -> dconst(mv, 1.0 / c);         // DIVIDE.dx(x, c, f) = 1.0 / c
                    default -> stored(mv, w, slot[i]);
                }
            }
            case BINARY -> {
                BinaryRule r = t.binaryRule(i);
                switch (r) {
                    case ADD -> dconst(mv, 1.0);
                    case SUBTRACT -> dconst(mv, k == 0 ? 1.0 : -1.0);
                    case MULTIPLY -> load(mv, w, t.operand(i, 1 - k));   // dx = y, dy = x
                    default -> stored(mv, w, slot[i] + k);
                }
            }
            case LINEAR_COMBINATION -> {
                int code = t.opCode(i);
                if (code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED) {
                    dconst(mv, t.partial(i, k));                // MULTIPLY.dy(c, b, c·b) = c
                } else {
                    load(mv, w, t.operand(i, k ^ 1));           // the other factor of the pair
                }
            }
            default -> throw new IllegalStateException("v" + i + " has no operands");
        }
    }

    /**
     * Pushes vⱼ: its value inlined if it is a constant entry (constants never change), else read
     * from the array in local {@code w} at index j.
     *
     * @param mv the method being written
     * @param w the local variable holding the values
     * @param j an entry
     */
    void load(MethodVisitor mv, int w, int j) {
        if (t.kind(j) == TapeView.Kind.CONSTANT) {
            dconst(mv, t.value(j));
        } else {
            stored(mv, w, j);
        }
    }

    /** Pushes {@code array[index]}, the array in local {@code local}. */
    static void stored(MethodVisitor mv, int local, int index) {
        mv.visitVarInsn(ALOAD, local);
        push(mv, index);
        mv.visitInsn(DALOAD);
    }

    /** @return whether the rule's value is one {@code double} operator (+, −, ·, /) */
    static boolean arithmetic(BinaryRule r) {
        return r == BinaryRule.ADD || r == BinaryRule.SUBTRACT || r == BinaryRule.MULTIPLY || r == BinaryRule.DIVIDE;
    }

    /** @return the operator of an {@linkplain #arithmetic arithmetic} rule */
    static int opcode(BinaryRule r) {
        switch (r) {
            case ADD: return DADD;
            case SUBTRACT: return DSUB;
            case MULTIPLY: return DMUL;
            default: return DDIV;
        }
    }
}
