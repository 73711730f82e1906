package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.T_DOUBLE;

import static dev.wengert.reverse.Bytecode.dconst;
import static dev.wengert.reverse.Bytecode.push;
import static dev.wengert.reverse.Bytecode.rule;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import org.objectweb.asm.MethodVisitor;

/**
 * The value statement of one entry: vᵢ and its local partials ∂vᵢ/∂vⱼ at the current point,
 * computed by the very rule methods ({@link UnaryRule#value}, {@link UnaryRule#first},
 * {@link BinaryRule#dx}, …) or {@code double} operators that {@code Sweeps.replay} applies, so the
 * numbers are replay's bit for bit. For {@code v7 = sin(v3)}, in Java terms,
 *
 * <pre>
 * double x = w[3];  double f = UnaryRule.SIN.value(x);  w[7] = f;  w[s] = UnaryRule.SIN.first(x, f);
 * </pre>
 *
 * <p>Two layouts, two destinations for the same numbers:
 * <ul>
 *   <li><b>work</b> ({@link CompiledRecording}): values and the partials that need a slot in one
 *       work array ({@link WorkLayout}); a partial that is a constant or another entry's value is
 *       not stored (the sweep code inlines or reads it). Static methods {@code (double[] x,
 *       double[] w)}.</li>
 *   <li><b>tape</b> (a compiled replay, {@link Recording#compileReplay()}): the tape's own arrays
 *       in the tape's layout — {@code value[i]}, {@code partials[2i]} and {@code partials[2i+1]},
 *       a linear combination's pair partials in {@code naryPartials} — every slot that replay
 *       writes a changing number into: a value, a partial computed by a rule (a {@code sin}'s
 *       cos x), a partial that is an operand's value (x·y's y and x). A partial that replay
 *       rewrites with a constant — the 1 and −1 of a sum or difference or of −x, the c and 1/c of
 *       x·c and x/c — holds that constant since recording, with the same bits, and is not
 *       written; nor are a constant's value, a parameter, a constant coefficient. Static methods
 *       {@code (double[] x, double[] value, double[] partials, double[] naryPartials)}.</li>
 * </ul>
 * In both, an operand that is a constant entry is inlined as its recorded value (constants never
 * change), as are parameters and constant coefficients, with their exact bits.
 */
final class ValueCode {

    private static final String UNARY_RULE = "dev/wengert/core/UnaryRule";
    private static final String PARAMETRIC_RULE = "dev/wengert/core/ParametricRule";
    private static final String BINARY_RULE = "dev/wengert/core/BinaryRule";
    private static final String ARRAYS = "org/apache/commons/math3/util/MathArrays";

    /** Local of the point x. */
    static final int POINT = 0;
    /** Local of the values (the work array in the work layout). */
    static final int VALUES = 1;
    /** Local of the tape's partials (tape layout). */
    private static final int PARTIALS = 2;
    /** Local of the tape's linear-combination partials (tape layout). */
    private static final int NARY = 3;

    private final TapeView t;
    private final WorkLayout layout;
    private final Tape tape;
    private final boolean tapeLayout;
    // double locals: an operand x, an operand y, the value f
    private final int x;
    private final int y;
    private final int f;

    /**
     * @param view the recording's entries
     * @param layout the work layout (read in the work layout only)
     * @param tape the tape (read in the tape layout only, for the side-array offsets)
     * @param tapeLayout whether to write the tape's arrays (true) or the work array
     */
    ValueCode(TapeView view, WorkLayout layout, Tape tape, boolean tapeLayout) {
        this.t = view;
        this.layout = layout;
        this.tape = tape;
        this.tapeLayout = tapeLayout;
        this.x = tapeLayout ? 4 : 2;
        this.y = x + 2;
        this.f = x + 4;
    }

    /** @return the descriptor of the generated static methods */
    String descriptor() {
        return tapeLayout ? "([D[D[D[D)V" : "([D[D)V";
    }

    /** @return the locals the generated methods use (words) */
    int maxLocals() {
        return f + 2;
    }

    /**
     * @param i an entry
     * @return an upper bound of its statement's bytecode size
     */
    int worstBytes(int i) {
        return 96 + (tapeLayout ? 48 : 24) * t.arity(i);
    }

    /**
     * Writes entry i's value and partials, as {@code Sweeps.replay} computes them.
     *
     * @param mv the method being written
     * @param i the entry
     */
    void statement(MethodVisitor mv, int i) {
        switch (t.kind(i)) {
            case INPUT -> {                                  // v[i] = x[j]
                mv.visitVarInsn(ALOAD, VALUES);
                push(mv, i);
                mv.visitVarInsn(ALOAD, POINT);
                push(mv, t.inputNumber(i));
                mv.visitInsn(DALOAD);
                mv.visitInsn(DASTORE);
            }
            case CONSTANT -> {
                if (!tapeLayout) {                           // the tape keeps its constants
                    mv.visitVarInsn(ALOAD, VALUES);
                    push(mv, i);
                    dconst(mv, t.value(i));
                    mv.visitInsn(DASTORE);
                }
            }
            case UNARY -> unary(mv, i, t.unaryRule(i));
            case PARAMETRIC -> {
                ParametricRule r = t.parametricRule(i);
                double p = t.parameter(i);
                operand(mv, i, 0, x);
                rule(mv, PARAMETRIC_RULE, r.name());
                mv.visitVarInsn(DLOAD, x);
                dconst(mv, p);
                mv.visitMethodInsn(INVOKEVIRTUAL, PARAMETRIC_RULE, "value", "(DD)D", false);
                storeValue(mv, i);
                if (startPartial(mv, i, 0)) {
                    rule(mv, PARAMETRIC_RULE, r.name());
                    mv.visitVarInsn(DLOAD, x);
                    dconst(mv, p);
                    mv.visitVarInsn(DLOAD, f);
                    mv.visitMethodInsn(INVOKEVIRTUAL, PARAMETRIC_RULE, "first", "(DDD)D", false);
                    mv.visitInsn(DASTORE);
                }
            }
            case BINARY_CONSTANT -> {
                BinaryRule r = t.binaryRule(i);
                double c = t.parameter(i);
                operand(mv, i, 0, x);
                binaryValue(mv, r, () -> dconst(mv, c));
                storeValue(mv, i);
                binaryPartial(mv, i, 0, r, "dx", () -> dconst(mv, c));
            }
            case BINARY -> {
                BinaryRule r = t.binaryRule(i);
                operand(mv, i, 0, x);
                operand(mv, i, 1, y);
                binaryValue(mv, r, () -> mv.visitVarInsn(DLOAD, y));
                storeValue(mv, i);
                binaryPartial(mv, i, 0, r, "dx", () -> mv.visitVarInsn(DLOAD, y));
                binaryPartial(mv, i, 1, r, "dy", () -> mv.visitVarInsn(DLOAD, y));
            }
            case LINEAR_COMBINATION -> linearCombination(mv, i);
            default -> throw new IllegalStateException("unknown entry kind of v" + i);
        }
    }

    private void unary(MethodVisitor mv, int i, UnaryRule r) {
        operand(mv, i, 0, x);
        if (r == UnaryRule.NEGATE) {                         // NEGATE.value: −x
            mv.visitVarInsn(DLOAD, x);
            mv.visitInsn(DNEG);
        } else if (r == UnaryRule.SQUARE) {                  // SQUARE.value: x·x
            mv.visitVarInsn(DLOAD, x);
            mv.visitVarInsn(DLOAD, x);
            mv.visitInsn(DMUL);
        } else {
            rule(mv, UNARY_RULE, r.name());
            mv.visitVarInsn(DLOAD, x);
            mv.visitMethodInsn(INVOKEVIRTUAL, UNARY_RULE, "value", "(D)D", false);
        }
        storeValue(mv, i);
        if (!startPartial(mv, i, 0)) {
            return;
        }
        if (r == UnaryRule.SQUARE) {                         // SQUARE.first: 2·x
            dconst(mv, 2.0);
            mv.visitVarInsn(DLOAD, x);
            mv.visitInsn(DMUL);
        } else {
            rule(mv, UNARY_RULE, r.name());
            mv.visitVarInsn(DLOAD, x);
            mv.visitVarInsn(DLOAD, f);
            mv.visitMethodInsn(INVOKEVIRTUAL, UNARY_RULE, "first", "(DD)D", false);
        }
        mv.visitInsn(DASTORE);
    }

    /** Pushes r(x, y), y pushed by {@code second}: the {@code double} operator of +, −, ·, /, else the rule. */
    private void binaryValue(MethodVisitor mv, BinaryRule r, Runnable second) {
        if (WorkLayout.arithmetic(r)) {
            mv.visitVarInsn(DLOAD, x);
            second.run();
            mv.visitInsn(WorkLayout.opcode(r));
        } else {
            rule(mv, BINARY_RULE, r.name());
            mv.visitVarInsn(DLOAD, x);
            second.run();
            mv.visitMethodInsn(INVOKEVIRTUAL, BINARY_RULE, "value", "(DD)D", false);
        }
    }

    /** Stores r.d?(x, y, f), y pushed by {@code second}, where partial k belongs (if anywhere). */
    private void binaryPartial(MethodVisitor mv, int i, int k, BinaryRule r, String which, Runnable second) {
        if (tapeLayout && r == BinaryRule.MULTIPLY && t.kind(i) == TapeView.Kind.BINARY) {
            mv.visitVarInsn(ALOAD, PARTIALS);                // MULTIPLY.dx = y, MULTIPLY.dy = x
            push(mv, 2 * i + k);
            mv.visitVarInsn(DLOAD, k == 0 ? y : x);
            mv.visitInsn(DASTORE);
            return;
        }
        if (!startPartial(mv, i, k)) {
            return;
        }
        rule(mv, BINARY_RULE, r.name());
        mv.visitVarInsn(DLOAD, x);
        second.run();
        mv.visitVarInsn(DLOAD, f);
        mv.visitMethodInsn(INVOKEVIRTUAL, BINARY_RULE, which, "(DDD)D", false);
        mv.visitInsn(DASTORE);
    }

    /**
     * Pushes the array and index where partial k of entry i is stored, if it is computed by its
     * rule: its slot in the work layout, {@code partials[2i + k]} in the tape layout.
     *
     * @return false (nothing pushed) if the partial has no slot in the work layout: a constant
     *         (never rewritten in the tape layout) or an operand's value (written by the caller)
     */
    private boolean startPartial(MethodVisitor mv, int i, int k) {
        if (layout.slot(i) < 0) {
            return false;
        }
        if (tapeLayout) {
            mv.visitVarInsn(ALOAD, PARTIALS);
            push(mv, 2 * i + k);
            return true;
        }
        mv.visitVarInsn(ALOAD, VALUES);
        push(mv, layout.slot(i) + k);
        return true;
    }

    /** Operand k of entry i into the double local {@code local}. */
    private void operand(MethodVisitor mv, int i, int k, int local) {
        layout.load(mv, VALUES, t.operand(i, k));
        mv.visitVarInsn(DSTORE, local);
    }

    /** f (on the stack) → local f and {@code values[i]}. */
    private void storeValue(MethodVisitor mv, int i) {
        mv.visitVarInsn(DSTORE, f);
        mv.visitVarInsn(ALOAD, VALUES);
        push(mv, i);
        mv.visitVarInsn(DLOAD, f);
        mv.visitInsn(DASTORE);
    }

    /**
     * Σ aₖ·bₖ by the same {@code MathArrays.linearCombination} overload as {@code Tape.combine};
     * in the tape layout first the pair partials replay stores, ∂/∂aₖ = {@code MULTIPLY.dx(a, b, a·b)} = bₖ
     * and ∂/∂bₖ = {@code MULTIPLY.dy(a, b, a·b)} = aₖ.
     */
    private void linearCombination(MethodVisitor mv, int i) {
        int code = t.opCode(i);
        boolean constants = code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED;
        boolean fixed = code == OpCode.LC_VAR_FIXED || code == OpCode.LC_CONST_FIXED;
        int terms = constants ? t.arity(i) : t.arity(i) / 2;
        if (tapeLayout && !constants) {
            int start = tape.args[2 * i];
            for (int k = 0; k < terms; k++) {
                operand(mv, i, 2 * k, x);
                operand(mv, i, 2 * k + 1, y);
                pairPartial(mv, start + 2 * k, y);
                pairPartial(mv, start + 2 * k + 1, x);
            }
        }
        mv.visitVarInsn(ALOAD, VALUES);
        push(mv, i);
        if (fixed) {
            for (int k = 0; k < terms; k++) {
                factor(mv, i, k, constants, true);
                factor(mv, i, k, constants, false);
            }
            mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "linearCombination", "(" + "DD".repeat(terms) + ")D", false);
        } else {
            for (boolean first : new boolean[] {true, false}) {
                push(mv, terms);
                mv.visitIntInsn(NEWARRAY, T_DOUBLE);
                for (int k = 0; k < terms; k++) {
                    mv.visitInsn(DUP);
                    push(mv, k);
                    factor(mv, i, k, constants, first);
                    mv.visitInsn(DASTORE);
                }
            }
            mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "linearCombination", "([D[D)D", false);
        }
        mv.visitInsn(DASTORE);
    }

    /** naryPartials[index] = the double local {@code factor}: MULTIPLY.dx(a, b, a·b) = b, MULTIPLY.dy(a, b, a·b) = a. */
    private void pairPartial(MethodVisitor mv, int index, int factor) {
        mv.visitVarInsn(ALOAD, NARY);
        push(mv, index);
        mv.visitVarInsn(DLOAD, factor);
        mv.visitInsn(DASTORE);
    }

    /** Pushes aₖ (first) or bₖ of term k. */
    private void factor(MethodVisitor mv, int i, int k, boolean constants, boolean first) {
        if (constants) {
            if (first) {
                dconst(mv, t.partial(i, k));
            } else {
                layout.load(mv, VALUES, t.operand(i, k));
            }
        } else {
            layout.load(mv, VALUES, t.operand(i, 2 * k + (first ? 0 : 1)));
        }
    }
}
