package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.F_SAME;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import static dev.wengert.reverse.Bytecode.push;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Turns a recording into {@link CompiledKernel}s: straight-line JVM bytecode, one statement per
 * entry, operand indices and constants inline. The statements are written by {@link ValueCode}
 * (values and local partials), {@link TangentCode} and {@link AdjointCode}; this class cuts them
 * into methods and classes and defines the classes.
 *
 * <p><b>Chunking.</b> A recording of N entries is cut into <em>groups</em> of consecutive entries
 * [lo, hi) of at most {@link #GROUP_WEIGHT} operands (plus one per entry) each, so that a group's
 * class file — its constant pool above all — stays within the class-file limits; each group is one
 * hidden class. Inside a class, each sweep's statements are cut into static methods of at most
 * {@link #CHUNK_BYTES} bytes of bytecode: HotSpot never JIT-compiles a method above 8000 bytes,
 * and C2's time grows faster than a method's size. Values and tangents run their chunks in
 * ascending entry order; the adjoint sweep runs them descending and skips a chunk whose entries
 * all lie above the sweep's first seeded entry (their adjoints are all zero). A statement is
 * started in the current method only if its worst-case size still fits; the first statement of a
 * method always goes in, which bounds a method by {@code CHUNK_BYTES} plus one statement (a
 * linear combination of at most {@link #MAX_TERMS} operands).
 *
 * <p><b>Two kinds of kernel.</b> {@link #kernel} writes the values, adjoint and tangent code of a
 * {@link CompiledRecording}, on its work array; {@link #replayKernel} writes only the value code,
 * in the tape's own layout, for a compiled {@link Recording#replay}.
 *
 * <p>The classes are defined with {@link MethodHandles.Lookup#defineHiddenClass} and are not
 * strongly linked to their loader: each is unloaded once its kernel is unreachable.
 */
final class Codegen {

    /** Largest bytecode size of a generated method (before its last statement). */
    static final int CHUNK_BYTES = 3000;
    /** Most operands (plus one per entry) in one generated class. */
    static final int GROUP_WEIGHT = 12_000;
    /** Most operands of a linear combination that is compiled (one entry must fit a method). */
    static final int MAX_TERMS = 128;

    private static final String KERNEL = "dev/wengert/reverse/CompiledKernel";
    private static final String NAME = "dev/wengert/reverse/Compiled";
    private static final String SWEEP = "([D[D)V";
    /** Operand-stack bound of every generated method (words; the deepest is a 4-term linear combination). */
    private static final int MAX_STACK = 24;

    private final TapeView t;
    private final int size;
    private final WorkLayout layout;
    private final ValueCode values;
    private final ValueCode replay;
    private final AdjointCode adjoint;
    private final TangentCode tangent;

    /**
     * @param recording a recording, on its owner thread
     */
    Codegen(Recording recording) {
        this.t = recording.view();
        this.size = t.size();
        this.layout = new WorkLayout(t);
        this.values = new ValueCode(t, layout, recording.tape, false);
        this.replay = new ValueCode(t, layout, recording.tape, true);
        this.adjoint = new AdjointCode(t, layout);
        this.tangent = new TangentCode(t, layout);
    }

    /** @return the length of the work array of the {@link #kernel} code */
    int workLength() {
        return layout.length();
    }

    /**
     * @param maxEntries the largest recording compiled
     * @return why this recording is not compiled, or null if it is: more than {@code maxEntries}
     *         entries, or a linear combination of more than {@link #MAX_TERMS} operands (it would
     *         not fit one method)
     */
    String obstacle(int maxEntries) {
        if (size > maxEntries) {
            return size + " entries, more than the " + maxEntries + " that are compiled";
        }
        for (int i = 0; i < size; i++) {
            if (t.kind(i) == TapeView.Kind.LINEAR_COMBINATION && t.arity(i) > MAX_TERMS) {
                return "entry v" + i + " is a linear combination of " + t.arity(i) + " operands (at most "
                        + MAX_TERMS + " are compiled)";
            }
        }
        return null;
    }

    /** @return the groups' first entries, ascending, each group of at most {@link #GROUP_WEIGHT} operands */
    int[] groups() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int weight = 0;
        for (int i = 0; i < size; i++) {
            int w = 1 + t.arity(i);
            if (weight + w > GROUP_WEIGHT && weight > 0) {
                starts.add(i);
                weight = 0;
            }
            weight += w;
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The values, adjoint and tangent code of entries [lo, hi), on the work array.
     *
     * @param lo the group's first entry
     * @param hi one past its last entry
     * @return the kernel, an instance of a new hidden class
     */
    CompiledKernel kernel(int lo, int hi) {
        ClassWriter cw = kernelClass();
        int valueChunks = ascending(cw, "v", values.descriptor(), values.maxLocals(), lo, hi, values::statement,
                values::worstBytes);
        int tangentChunks = ascending(cw, "t", SWEEP, 2, lo, hi, tangent::statement, values::worstBytes);
        List<Integer> adjointChunks = new ArrayList<>();   // descending, each with its lowest entry
        int i = hi - 1;
        while (i >= lo) {
            MethodVisitor mv = chunk(cw, "a" + adjointChunks.size(), SWEEP);
            do {
                adjoint.statement(mv, i--);
            } while (i >= lo && fits(mv, values.worstBytes(i)));
            adjointChunks.add(i + 1);
            end(mv, 4);
        }
        dispatch(cw, "values", values.descriptor(), "v", valueChunks, 2);
        dispatch(cw, "tangent", SWEEP, "t", tangentChunks, 2);
        MethodVisitor mv = cw.visitMethod(0, "adjoint", "([D[DI)V", null, null);
        mv.visitCode();
        for (int c = 0; c < adjointChunks.size(); c++) {
            Label skip = new Label();   // if (from < lowest entry of the chunk) its adjoints are all 0
            mv.visitVarInsn(ILOAD, 3);
            push(mv, adjointChunks.get(c));
            mv.visitJumpInsn(IF_ICMPLT, skip);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "a" + c, SWEEP, false);
            mv.visitLabel(skip);
            mv.visitFrame(F_SAME, 0, null, 0, null);
        }
        end(mv, 4);
        return define(cw, lo, hi);
    }

    /**
     * The replay code of entries [lo, hi): values and partials written into the tape's arrays,
     * in the tape's layout, as {@code Sweeps.replay} writes them.
     *
     * @param lo the group's first entry
     * @param hi one past its last entry
     * @return the kernel, an instance of a new hidden class
     */
    CompiledKernel replayKernel(int lo, int hi) {
        ClassWriter cw = kernelClass();
        int chunks = ascending(cw, "r", replay.descriptor(), replay.maxLocals(), lo, hi, replay::statement,
                replay::worstBytes);
        dispatch(cw, "replay", replay.descriptor(), "r", chunks, 4);
        return define(cw, lo, hi);
    }

    /** A statement writer: entry i's statement into a method. */
    private interface Statement {
        void write(MethodVisitor mv, int i);
    }

    /** A statement size bound: an upper bound of entry i's statement in bytes. */
    private interface Worst {
        int bytes(int i);
    }

    /**
     * Writes the statements of entries [lo, hi) ascending into chunk methods prefix0, prefix1, …
     *
     * @return the number of chunk methods
     */
    private static int ascending(ClassWriter cw, String prefix, String descriptor, int maxLocals, int lo, int hi,
            Statement statement, Worst worst) {
        int chunks = 0;
        int i = lo;
        while (i < hi) {
            MethodVisitor mv = chunk(cw, prefix + chunks++, descriptor);
            do {
                statement.write(mv, i++);
            } while (i < hi && fits(mv, worst.bytes(i)));
            end(mv, maxLocals);
        }
        return chunks;
    }

    /** The kernel method {@code name} that calls chunks prefix0 … prefix(count − 1) in order with its arguments. */
    private static void dispatch(ClassWriter cw, String name, String descriptor, String prefix, int count, int args) {
        MethodVisitor mv = cw.visitMethod(0, name, descriptor, null, null);
        mv.visitCode();
        for (int c = 0; c < count; c++) {
            for (int a = 1; a <= args; a++) {
                mv.visitVarInsn(ALOAD, a);
            }
            mv.visitMethodInsn(INVOKESTATIC, NAME, prefix + c, descriptor, false);
        }
        end(mv, args + 1);
    }

    private static ClassWriter kernelClass() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, KERNEL, null);
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, KERNEL, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        return cw;
    }

    private static CompiledKernel define(ClassWriter cw, int lo, int hi) {
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (CompiledKernel) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("could not define the compiled code of entries v" + lo + " to v"
                    + (hi - 1) + ": " + e, e);
        }
    }

    private static MethodVisitor chunk(ClassWriter cw, String name, String descriptor) {
        MethodVisitor mv = new Bytecode.Counting(cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, descriptor, null, null));
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv, int maxLocals) {
        mv.visitInsn(RETURN);
        mv.visitMaxs(MAX_STACK, maxLocals);
        mv.visitEnd();
    }

    /** @return whether a statement of at most {@code worst} bytes surely fits the current method */
    private static boolean fits(MethodVisitor mv, int worst) {
        return ((Bytecode.Counting) mv).bytes + worst <= CHUNK_BYTES;
    }
}
