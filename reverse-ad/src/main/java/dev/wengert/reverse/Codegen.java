package dev.wengert.reverse;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.F_APPEND;
import static org.objectweb.asm.Opcodes.DOUBLE;
import static org.objectweb.asm.Opcodes.F_SAME;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_DOUBLE;
import static org.objectweb.asm.Opcodes.V17;

import static dev.wengert.reverse.Bytecode.dconst;
import static dev.wengert.reverse.Bytecode.push;
import static dev.wengert.reverse.Bytecode.rule;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Generates a {@link CompiledKernel} for a group of entries of a recording: JVM bytecode with
 * one statement per entry, operand indices and constants inline, and the value and partial of
 * every entry computed by the very rule method ({@link UnaryRule#value}, {@link BinaryRule#dx}, …)
 * or the very {@code double} operator that {@link Sweeps#replay} applies, so a compiled recording
 * is bit-identical to replay. For entry {@code v7 = sin(v3)} the value code is, in Java terms,
 *
 * <pre>
 * double x = w[3];  double f = UnaryRule.SIN.value(x);  w[7] = f;  w[s] = UnaryRule.SIN.first(x, f);
 * </pre>
 *
 * (s its partial's slot), the adjoint code {@code a = adj[7]; if (a != 0) { adj[7] = 0; adj[3] += Sweeps.term(w[s], a); }}
 * (resetting what it read, so the adjoint array is left all zero for the next call) and
 * the tangent code {@code tan[7] = 0.0 + Rules.chain(w[s], tan[3]);} — the statements of
 * {@link Sweeps#adjoint} and {@link Sweeps#tangent} with the loop unrolled. A partial that is a
 * constant (the 1 and −1 of a sum or difference, the c of {@code x·c}) is inlined; one that is
 * another entry's value (the y of {@code x·y}) is read from that entry's slot.
 *
 * <p>The statements are cut into static methods of at most {@link #CHUNK_BYTES} bytes of bytecode,
 * below HotSpot's 8000-byte limit above which a method is never JIT-compiled; a group is
 * limited to {@link #GROUP_WEIGHT} operands so that its constant pool stays below the class-file
 * limit. The class is defined with {@link MethodHandles.Lookup#defineHiddenClass} and not
 * strongly linked to its loader: it is unloaded once its kernel is unreachable.
 *
 * <p>Reads the recording through {@link TapeView} only (op codes, operands, parameters, the
 * constants' values, the linear-combination coefficients).
 */
final class Codegen {

    /**
     * Largest bytecode size of a generated method: HotSpot compiles none above 8000 bytes, and
     * smaller methods cost the JIT less in all (C2's time grows faster than a method's size).
     */
    static final int CHUNK_BYTES = 3000;
    /** Most operands (plus one per entry) in one generated class. */
    static final int GROUP_WEIGHT = 12_000;
    /** Most operands of a linear combination that is compiled (one entry must fit a method). */
    static final int MAX_TERMS = 128;

    private static final String KERNEL = "dev/wengert/reverse/CompiledKernel";
    private static final String NAME = "dev/wengert/reverse/Compiled";
    private static final String CHUNK = "([D[D)V";
    private static final String UNARY = "dev/wengert/core/UnaryRule";
    private static final String PARAMETRIC = "dev/wengert/core/ParametricRule";
    private static final String BINARY = "dev/wengert/core/BinaryRule";
    private static final String RULES = "dev/wengert/core/Rules";
    private static final String ARRAYS = "org/apache/commons/math3/util/MathArrays";

    // locals of the generated chunk methods
    private static final int X = 2;
    private static final int Y = 4;
    private static final int F = 6;
    private static final int A = 2;
    /** Bounds of every generated method's operand stack and locals (words; the deepest is a 4-term linear combination). */
    private static final int MAX_STACK = 24;
    private static final int MAX_LOCALS = 8;

    private final TapeView t;
    private final int size;
    /** The first partial slot (an index into the work array) of each entry, or −1. */
    private final int[] slot;
    private final int workLength;

    /** Where the current method keeps the work array. */
    private int wLocal;

    /**
     * @param view the recording's entries
     */
    Codegen(TapeView view) {
        this.t = view;
        this.size = view.size();
        this.slot = new int[size];
        int next = size;
        for (int i = 0; i < size; i++) {
            int stored = storedPartials(i);
            slot[i] = stored == 0 ? -1 : next;
            next += stored;
        }
        this.workLength = next;
    }

    /** @return the length of the work array: the values, then the stored partials */
    int workLength() {
        return workLength;
    }

    /**
     * @return why this recording cannot be compiled, or null if it can: a linear combination with
     *         more than {@link #MAX_TERMS} operands would not fit one method
     */
    String obstacle() {
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
     * Generates and defines the kernel of entries [lo, hi).
     *
     * @param lo the group's first entry
     * @param hi one past its last entry
     * @return the kernel, an instance of a new hidden class
     */
    CompiledKernel kernel(int lo, int hi) {
        byte[] bytes = classBytes(lo, hi);
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (CompiledKernel) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("could not define the compiled code of entries v" + lo + " to v"
                    + (hi - 1) + ": " + e, e);
        }
    }

    byte[] classBytes(int lo, int hi) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, KERNEL, null);
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, KERNEL, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();

        // values: chunks ascending
        List<Integer> valueChunks = new ArrayList<>();
        wLocal = 1;
        int i = lo;
        while (i < hi) {
            MethodVisitor mv = chunk(cw, "v" + valueChunks.size());
            valueChunks.add(i);
            do {
                value(mv, i++);
            } while (i < hi && fits(mv, i));
            end(mv);
        }
        // adjoint: chunks descending, each remembering its lowest entry
        List<Integer> adjointChunks = new ArrayList<>();
        wLocal = 0;
        i = hi - 1;
        while (i >= lo) {
            MethodVisitor mv = chunk(cw, "a" + adjointChunks.size());
            do {
                adjoint(mv, i--);
            } while (i >= lo && fits(mv, i));
            adjointChunks.add(i + 1);
            end(mv);
        }
        // tangent: chunks ascending
        int tangentChunks = 0;
        i = lo;
        while (i < hi) {
            MethodVisitor mv = chunk(cw, "t" + tangentChunks++);
            do {
                tangent(mv, i++);
            } while (i < hi && fits(mv, i));
            end(mv);
        }

        MethodVisitor mv = cw.visitMethod(0, "values", CHUNK, null, null);
        mv.visitCode();
        for (int c = 0; c < valueChunks.size(); c++) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "v" + c, CHUNK, false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(MAX_STACK, MAX_LOCALS);
        mv.visitEnd();

        mv = cw.visitMethod(0, "adjoint", "([D[DI)V", null, null);
        mv.visitCode();
        for (int c = 0; c < adjointChunks.size(); c++) {
            Label skip = new Label();   // if (from < lowest entry of the chunk) its adjoints are all 0
            mv.visitVarInsn(ILOAD, 3);
            push(mv, adjointChunks.get(c));
            mv.visitJumpInsn(IF_ICMPLT, skip);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "a" + c, CHUNK, false);
            mv.visitLabel(skip);
            mv.visitFrame(F_SAME, 0, null, 0, null);   // the only branches of the class
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(MAX_STACK, MAX_LOCALS);
        mv.visitEnd();

        mv = cw.visitMethod(0, "tangent", CHUNK, null, null);
        mv.visitCode();
        for (int c = 0; c < tangentChunks; c++) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "t" + c, CHUNK, false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(MAX_STACK, MAX_LOCALS);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static MethodVisitor chunk(ClassWriter cw, String name) {
        MethodVisitor mv = new Bytecode.Counting(cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, CHUNK, null, null));
        mv.visitCode();
        return mv;
    }

    private static void end(MethodVisitor mv) {
        mv.visitInsn(RETURN);
        mv.visitMaxs(MAX_STACK, MAX_LOCALS);
        mv.visitEnd();
    }

    /** @return whether entry i's statement surely fits the current method */
    private boolean fits(MethodVisitor mv, int i) {
        int worst = 96 + 24 * t.arity(i);
        return ((Bytecode.Counting) mv).bytes + worst <= CHUNK_BYTES;
    }

    // ------------------------------------------------------------------ the three statements

    /** w[i] = vᵢ and its stored partials, as Sweeps.replay computes them. */
    private void value(MethodVisitor mv, int i) {
        switch (t.kind(i)) {
            case INPUT -> {
                mv.visitVarInsn(ALOAD, 1);
                push(mv, i);
                mv.visitVarInsn(ALOAD, 0);
                push(mv, t.inputNumber(i));
                mv.visitInsn(DALOAD);
                mv.visitInsn(DASTORE);
            }
            case CONSTANT -> {
                mv.visitVarInsn(ALOAD, 1);
                push(mv, i);
                dconst(mv, t.value(i));
                mv.visitInsn(DASTORE);
            }
            case UNARY -> unaryValue(mv, i, t.unaryRule(i));
            case PARAMETRIC -> {
                ParametricRule r = t.parametricRule(i);
                double p = t.parameter(i);
                load(mv, t.operand(i, 0));
                mv.visitVarInsn(DSTORE, X);
                rule(mv, PARAMETRIC, r.name());
                mv.visitVarInsn(DLOAD, X);
                dconst(mv, p);
                mv.visitMethodInsn(INVOKEVIRTUAL, PARAMETRIC, "value", "(DD)D", false);
                storeValue(mv, i);
                startStore(mv, slot[i]);
                rule(mv, PARAMETRIC, r.name());
                mv.visitVarInsn(DLOAD, X);
                dconst(mv, p);
                mv.visitVarInsn(DLOAD, F);
                mv.visitMethodInsn(INVOKEVIRTUAL, PARAMETRIC, "first", "(DDD)D", false);
                mv.visitInsn(DASTORE);
            }
            case BINARY_CONSTANT -> {
                BinaryRule r = t.binaryRule(i);
                double c = t.parameter(i);
                load(mv, t.operand(i, 0));
                mv.visitVarInsn(DSTORE, X);
                if (arithmetic(r)) {
                    mv.visitVarInsn(DLOAD, X);
                    dconst(mv, c);
                    mv.visitInsn(opcode(r));
                } else {
                    rule(mv, BINARY, r.name());
                    mv.visitVarInsn(DLOAD, X);
                    dconst(mv, c);
                    mv.visitMethodInsn(INVOKEVIRTUAL, BINARY, "value", "(DD)D", false);
                }
                storeValue(mv, i);
                if (slot[i] >= 0) {
                    binaryPartial(mv, slot[i], r, "dx", () -> dconst(mv, c));
                }
            }
            case BINARY -> {
                BinaryRule r = t.binaryRule(i);
                load(mv, t.operand(i, 0));
                mv.visitVarInsn(DSTORE, X);
                load(mv, t.operand(i, 1));
                mv.visitVarInsn(DSTORE, Y);
                if (arithmetic(r)) {
                    mv.visitVarInsn(DLOAD, X);
                    mv.visitVarInsn(DLOAD, Y);
                    mv.visitInsn(opcode(r));
                } else {
                    rule(mv, BINARY, r.name());
                    mv.visitVarInsn(DLOAD, X);
                    mv.visitVarInsn(DLOAD, Y);
                    mv.visitMethodInsn(INVOKEVIRTUAL, BINARY, "value", "(DD)D", false);
                }
                storeValue(mv, i);
                if (slot[i] >= 0) {
                    binaryPartial(mv, slot[i], r, "dx", () -> mv.visitVarInsn(DLOAD, Y));
                    binaryPartial(mv, slot[i] + 1, r, "dy", () -> mv.visitVarInsn(DLOAD, Y));
                }
            }
            case LINEAR_COMBINATION -> linearCombination(mv, i);
            default -> throw new IllegalStateException("unknown entry kind of v" + i);
        }
    }

    private void unaryValue(MethodVisitor mv, int i, UnaryRule r) {
        load(mv, t.operand(i, 0));
        mv.visitVarInsn(DSTORE, X);
        if (r == UnaryRule.NEGATE) {            // value −x, partial −1 (inlined)
            mv.visitVarInsn(DLOAD, X);
            mv.visitInsn(DNEG);
            storeValue(mv, i);
            return;
        }
        if (r == UnaryRule.SQUARE) {            // value x·x, partial 2·x: UnaryRule.SQUARE's formulas
            mv.visitVarInsn(DLOAD, X);
            mv.visitVarInsn(DLOAD, X);
            mv.visitInsn(DMUL);
            storeValue(mv, i);
            startStore(mv, slot[i]);
            dconst(mv, 2.0);
            mv.visitVarInsn(DLOAD, X);
            mv.visitInsn(DMUL);
            mv.visitInsn(DASTORE);
            return;
        }
        rule(mv, UNARY, r.name());
        mv.visitVarInsn(DLOAD, X);
        mv.visitMethodInsn(INVOKEVIRTUAL, UNARY, "value", "(D)D", false);
        storeValue(mv, i);
        startStore(mv, slot[i]);
        rule(mv, UNARY, r.name());
        mv.visitVarInsn(DLOAD, X);
        mv.visitVarInsn(DLOAD, F);
        mv.visitMethodInsn(INVOKEVIRTUAL, UNARY, "first", "(DD)D", false);
        mv.visitInsn(DASTORE);
    }

    /** w[s] = r.d?(x, y, f), y pushed by {@code second}. */
    private void binaryPartial(MethodVisitor mv, int s, BinaryRule r, String which, Runnable second) {
        startStore(mv, s);
        rule(mv, BINARY, r.name());
        mv.visitVarInsn(DLOAD, X);
        second.run();
        mv.visitVarInsn(DLOAD, F);
        mv.visitMethodInsn(INVOKEVIRTUAL, BINARY, which, "(DDD)D", false);
        mv.visitInsn(DASTORE);
    }

    /** Σ aₖ·bₖ by the same {@code MathArrays.linearCombination} overload as {@code Tape.combine}. */
    private void linearCombination(MethodVisitor mv, int i) {
        int code = t.opCode(i);
        boolean constants = code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED;
        boolean fixed = code == OpCode.LC_VAR_FIXED || code == OpCode.LC_CONST_FIXED;
        int terms = constants ? t.arity(i) : t.arity(i) / 2;
        mv.visitVarInsn(ALOAD, 1);
        push(mv, i);
        if (fixed) {
            for (int k = 0; k < terms; k++) {
                factor(mv, i, k, constants, true);
                factor(mv, i, k, constants, false);
            }
            mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "linearCombination",
                    "(" + "DD".repeat(terms) + ")D", false);
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

    /** Pushes aₖ (first) or bₖ of term k. */
    private void factor(MethodVisitor mv, int i, int k, boolean constants, boolean first) {
        if (constants) {
            if (first) {
                dconst(mv, t.partial(i, k));
            } else {
                load(mv, t.operand(i, k));
            }
        } else {
            load(mv, t.operand(i, 2 * k + (first ? 0 : 1)));
        }
    }

    /**
     * a = adj[i]; if (a != 0) { adj[operand] += partial · a; … }, the statement of
     * {@link Sweeps#adjoint}. The frame at each skip label is the same (the work array, the
     * adjoints and a), written here rather than computed by ASM.
     */
    private void adjoint(MethodVisitor mv, int i) {
        int n = t.arity(i);
        if (n == 0) {
            return;
        }
        Label skip = new Label();
        mv.visitVarInsn(ALOAD, 1);
        push(mv, i);
        mv.visitInsn(DALOAD);
        mv.visitVarInsn(DSTORE, A);
        mv.visitVarInsn(DLOAD, A);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFEQ, skip);
        mv.visitVarInsn(ALOAD, 1);              // adj[i] = 0: read once, so the array is left all zero
        push(mv, i);
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DASTORE);
        for (int k = 0; k < n; k++) {
            mv.visitVarInsn(ALOAD, 1);
            push(mv, t.operand(i, k));
            mv.visitInsn(DUP2);
            mv.visitInsn(DALOAD);
            partial(mv, i, k);
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

    /** tan[i] = 0 + Σ Rules.chain(partial, tan[operand]), the sum started at +0 as in the tangent kernel. */
    private void tangent(MethodVisitor mv, int i) {
        int n = t.arity(i);
        if (n == 0) {
            return;
        }
        mv.visitVarInsn(ALOAD, 1);
        push(mv, i);
        mv.visitInsn(DCONST_0);
        for (int k = 0; k < n; k++) {
            partial(mv, i, k);
            mv.visitVarInsn(ALOAD, 1);
            push(mv, t.operand(i, k));
            mv.visitInsn(DALOAD);
            mv.visitMethodInsn(INVOKESTATIC, RULES, "chain", "(DD)D", false);
            mv.visitInsn(DADD);
        }
        mv.visitInsn(DASTORE);
    }

    // ------------------------------------------------------------------ partials

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

    /** Pushes ∂vᵢ/∂v<sub>operand(i, k)</sub> at the current point, exactly as replay stores it. */
    private void partial(MethodVisitor mv, int i, int k) {
        switch (t.kind(i)) {
            case UNARY -> {
                if (t.unaryRule(i) == UnaryRule.NEGATE) {
                    dconst(mv, -1.0);                           // NEGATE.first
                } else {
                    stored(mv, slot[i]);
                }
            }
            case PARAMETRIC -> stored(mv, slot[i]);
            case BINARY_CONSTANT -> {
                BinaryRule r = t.binaryRule(i);
                double c = t.parameter(i);
                switch (r) {
                    case ADD, SUBTRACT -> dconst(mv, 1.0);      // ADD.dx, SUBTRACT.dx
                    case MULTIPLY -> dconst(mv, c);             // MULTIPLY.dx(x, c, f) = c
                    case DIVIDE -> dconst(mv, 1.0 / c);         // DIVIDE.dx(x, c, f) = 1.0 / c
                    default -> stored(mv, slot[i]);
                }
            }
            case BINARY -> {
                BinaryRule r = t.binaryRule(i);
                switch (r) {
                    case ADD -> dconst(mv, 1.0);
                    case SUBTRACT -> dconst(mv, k == 0 ? 1.0 : -1.0);
                    case MULTIPLY -> load(mv, t.operand(i, 1 - k));   // dx = y, dy = x
                    default -> stored(mv, slot[i] + k);
                }
            }
            case LINEAR_COMBINATION -> {
                int code = t.opCode(i);
                if (code == OpCode.LC_CONST_ARRAY || code == OpCode.LC_CONST_FIXED) {
                    dconst(mv, t.partial(i, k));                // MULTIPLY.dy(c, b, c·b) = c
                } else {
                    load(mv, t.operand(i, k ^ 1));              // the other factor of the pair
                }
            }
            default -> throw new IllegalStateException("v" + i + " has no operands");
        }
    }

    private static boolean arithmetic(BinaryRule r) {
        return r == BinaryRule.ADD || r == BinaryRule.SUBTRACT || r == BinaryRule.MULTIPLY || r == BinaryRule.DIVIDE;
    }

    private static int opcode(BinaryRule r) {
        switch (r) {
            case ADD: return DADD;
            case SUBTRACT: return DSUB;
            case MULTIPLY: return DMUL;
            default: return DDIV;
        }
    }

    // ------------------------------------------------------------------ small emitters

    /** Pushes vⱼ: its constant value if it is a constant entry, else w[j]. */
    private void load(MethodVisitor mv, int j) {
        if (t.kind(j) == TapeView.Kind.CONSTANT) {
            dconst(mv, t.value(j));
        } else {
            stored(mv, j);
        }
    }

    private void stored(MethodVisitor mv, int index) {
        mv.visitVarInsn(ALOAD, wLocal);
        push(mv, index);
        mv.visitInsn(DALOAD);
    }

    /** f (on the stack) → local F and w[i]. */
    private void storeValue(MethodVisitor mv, int i) {
        mv.visitVarInsn(DSTORE, F);
        mv.visitVarInsn(ALOAD, 1);
        push(mv, i);
        mv.visitVarInsn(DLOAD, F);
        mv.visitInsn(DASTORE);
    }

    private void startStore(MethodVisitor mv, int index) {
        mv.visitVarInsn(ALOAD, 1);
        push(mv, index);
    }
}
