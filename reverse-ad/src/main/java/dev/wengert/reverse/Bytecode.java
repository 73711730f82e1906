package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.SIPUSH;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/** Small bytecode emitters for {@link Codegen}: constants with their exact bits, and a size count. */
final class Bytecode {

    private Bytecode() {
    }

    /** Pushes the enum constant {@code owner.constant} (a rule of the ad-core table). */
    static void rule(MethodVisitor mv, String owner, String constant) {
        mv.visitFieldInsn(GETSTATIC, owner, constant, "L" + owner + ";");
    }

    /** Pushes the int n by the shortest instruction. */
    static void push(MethodVisitor mv, int n) {
        if (n >= -1 && n <= 5) {
            mv.visitInsn(ICONST_0 + n);
        } else if (n >= Byte.MIN_VALUE && n <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, n);
        } else if (n >= Short.MIN_VALUE && n <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, n);
        } else {
            mv.visitLdcInsn(n);
        }
    }

    /** Pushes c with its exact bits (−0.0 and NaN payloads included). */
    static void dconst(MethodVisitor mv, double c) {
        long bits = Double.doubleToRawLongBits(c);
        if (bits == 0L) {
            mv.visitInsn(DCONST_0);
        } else if (bits == Double.doubleToRawLongBits(1.0)) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(c);
        }
    }

    /** Counts an upper bound of the bytecode emitted so far (every constant as a wide ldc). */
    static final class Counting extends MethodVisitor {
        int bytes;
        /** Whether a frame declared the local a. */
        boolean framed;

        Counting(MethodVisitor mv) {
            super(org.objectweb.asm.Opcodes.ASM9, mv);
        }

        @Override public void visitInsn(int opcode) { bytes += 1; super.visitInsn(opcode); }
        @Override public void visitIntInsn(int opcode, int operand) { bytes += 3; super.visitIntInsn(opcode, operand); }
        @Override public void visitVarInsn(int opcode, int var) { bytes += 2; super.visitVarInsn(opcode, var); }
        @Override public void visitJumpInsn(int opcode, Label label) { bytes += 3; super.visitJumpInsn(opcode, label); }
        @Override public void visitLdcInsn(Object value) { bytes += 3; super.visitLdcInsn(value); }
        @Override public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            bytes += 3;
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }
        @Override public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            bytes += 3;
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }
    }
}
