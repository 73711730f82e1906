package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import static dev.wengert.reverse.Bytecode.push;

import org.objectweb.asm.MethodVisitor;

/**
 * The tangent statement of one entry, {@link Sweeps#tangent}'s loop body unrolled: for
 * vᵢ = φ(v<sub>j₁</sub>, …, v<sub>jₖ</sub>),
 *
 * <pre>
 * tan[i] = 0.0 + Rules.chain(∂vᵢ/∂v<sub>j₁</sub>, tan[j₁]) + … + Rules.chain(∂vᵢ/∂v<sub>jₖ</sub>, tan[jₖ]);
 * </pre>
 *
 * v̇ᵢ = 0 + Σ ∂vᵢ/∂vⱼ·v̇ⱼ in operand order, a zero tangent multiplying nothing
 * ({@code Rules.chain}), every sum started at +0 exactly as the tangent kernel sums it. Static methods {@code (double[] w, double[] tan)}; the partials come
 * from the work array ({@link WorkLayout#partial}).
 */
final class TangentCode {

    /** Local of the work array. */
    static final int WORK = 0;
    /** Local of the tangents. */
    static final int TANGENTS = 1;

    private static final String RULES = "dev/wengert/core/Rules";

    private final TapeView t;
    private final WorkLayout layout;

    TangentCode(TapeView view, WorkLayout layout) {
        this.t = view;
        this.layout = layout;
    }

    /**
     * Emits entry i's statement (nothing for an input or constant).
     *
     * @param mv the method being written
     * @param i the entry
     */
    void statement(MethodVisitor mv, int i) {
        int n = t.arity(i);
        if (n == 0) {
            return;
        }
        mv.visitVarInsn(ALOAD, TANGENTS);
        push(mv, i);
        mv.visitInsn(DCONST_0);
        for (int k = 0; k < n; k++) {
            layout.partial(mv, WORK, i, k);
            mv.visitVarInsn(ALOAD, TANGENTS);
            push(mv, t.operand(i, k));
            mv.visitInsn(DALOAD);
            mv.visitMethodInsn(INVOKESTATIC, RULES, "chain", "(DD)D", false);
            mv.visitInsn(DADD);
        }
        mv.visitInsn(DASTORE);
    }
}
