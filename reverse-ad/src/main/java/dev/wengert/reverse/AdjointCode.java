package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DOUBLE;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.F_APPEND;
import static org.objectweb.asm.Opcodes.F_SAME;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import static dev.wengert.reverse.Bytecode.push;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The adjoint statement of one entry, {@link Sweeps#adjoint}'s loop body unrolled: for
 * vᵢ = φ(v<sub>j₁</sub>, …, v<sub>jₖ</sub>) with adjoint āᵢ,
 *
 * <pre>
 * a = adj[i];
 * if (a != 0) { adj[i] = 0;  adj[j₁] += Sweeps.term(∂vᵢ/∂v<sub>j₁</sub>, a);  …  adj[jₖ] += Sweeps.term(∂vᵢ/∂v<sub>jₖ</sub>, a); }
 * </pre>
 *
 * v̄ⱼ += ∂vᵢ/∂vⱼ·v̄ᵢ in the same order, with the same zero rule ({@code Sweeps.term}) as the
 * interpreter, so the sums are bit-identical. The adjoint read is reset to 0, so a sweep leaves the
 * array all zero (but for the leaves) for the next one. Static methods {@code (double[] w,
 * double[] adj)}; the partials come from the work array ({@link WorkLayout#partial}).
 */
final class AdjointCode {

    /** Local of the work array. */
    static final int WORK = 0;
    /** Local of the adjoints. */
    static final int ADJOINTS = 1;
    /** Double local holding the adjoint a of the current entry. */
    private static final int A = 2;

    private final TapeView t;
    private final WorkLayout layout;

    AdjointCode(TapeView view, WorkLayout layout) {
        this.t = view;
        this.layout = layout;
    }

    /**
     * Emits entry i's statement (nothing for an input or constant). The frame at each skip label
     * is the same (the two arrays and a), declared by the method's first statement and repeated
     * after.
     *
     * @param mv the method being written, a {@link Bytecode.Counting}
     * @param i the entry
     */
    void statement(MethodVisitor mv, int i) {
        int n = t.arity(i);
        if (n == 0) {
            return;
        }
        Label skip = new Label();
        mv.visitVarInsn(ALOAD, ADJOINTS);
        push(mv, i);
        mv.visitInsn(DALOAD);
        mv.visitVarInsn(DSTORE, A);
        mv.visitVarInsn(DLOAD, A);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFEQ, skip);
        mv.visitVarInsn(ALOAD, ADJOINTS);       // adj[i] = 0: read once, so the array is left all zero
        push(mv, i);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DASTORE);
        for (int k = 0; k < n; k++) {
            mv.visitVarInsn(ALOAD, ADJOINTS);
            push(mv, t.operand(i, k));
            mv.visitInsn(DUP2);
            mv.visitInsn(DALOAD);
            layout.partial(mv, WORK, i, k);
            mv.visitVarInsn(DLOAD, A);
            mv.visitMethodInsn(INVOKESTATIC, "dev/wengert/reverse/Sweeps", "term", "(DD)D", false);
            mv.visitInsn(DADD);
            mv.visitInsn(DASTORE);
        }
        mv.visitLabel(skip);
        Bytecode.Counting c = (Bytecode.Counting) mv;
        if (c.framed) {
            mv.visitFrame(F_SAME, 0, null, 0, null);
        } else {
            mv.visitFrame(F_APPEND, 1, new Object[] {DOUBLE}, 0, null);
            c.framed = true;
        }
    }
}
