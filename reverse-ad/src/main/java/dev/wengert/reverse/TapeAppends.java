package dev.wengert.reverse;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.internal.Checks;

/**
 * Appending an operation to a {@link Tape}: entry i gets its op code, its value f and its local
 * partials from the ad-core rule table, in the layout of {@link Tape}'s javadoc —
 *
 * <pre>
 * unary          f = rule(x)       args[2i] = x     partials[2i] = f′(x)
 * parametric     f = rule(x; p)    args[2i] = x     partials[2i] = ∂f/∂x,   partials[2i+1] = p
 * binary         f = rule(x, y)    args[2i] = x,    partials[2i] = ∂f/∂x,
 *                                  args[2i+1] = y   partials[2i+1] = ∂f/∂y
 * binaryConstant f = rule(x, c)    args[2i] = x     partials[2i] = ∂f/∂x,   partials[2i+1] = c
 * </pre>
 *
 * and returns the new entry's {@link Var}. An operation whose operands are all constants is
 * folded: its entry is a constant (op {@code const}), so it never counts as an escape.
 *
 * <p>Every append checks the thread once and each operand once (its tape, and its stamp against
 * {@link Tape#openStamp}, which no stamp matches once the tape is closed), takes the operands'
 * values from the Vars, computes the value and the partials from the rule table in one go and
 * writes them; anything unusual is sorted out off the fast path, in {@link TapeGuards}. One push
 * (one allocation site) per method, the constant case chosen by selects rather than a second
 * return: a Var that goes no further than the next operations is then scalar-replaced by the
 * JIT's escape analysis instead of allocated. The partials are written even for a folded
 * constant (no reader looks at a constant's partial slots), which spares a select per partial on
 * the common path; the rules are pure double functions, so computing one never throws.
 */
final class TapeAppends {

    private TapeAppends() {
    }

    /** f = rule(a), ∂f/∂a = rule.first. */
    static Var unary(Tape t, UnaryRule rule, Var a) {
        TapeGuards.confined(t);
        int i = TapeGuards.use(t, a);
        double x = a.value;
        double f = rule.value(x);
        boolean fold = a.isConstant();
        return push1(t, fold ? OpCode.CONSTANT : OpCode.unary(rule), i, f, rule.first(x, f), fold);
    }

    /** f = rule(a; p), ∂f/∂a = rule.first; p kept as the entry's parameter. */
    static Var parametric(Tape t, ParametricRule rule, Var a, double p) {
        TapeGuards.confined(t);
        int i = TapeGuards.use(t, a);
        double x = a.value;
        double f = rule.value(x, p);
        boolean fold = a.isConstant();
        return push1(t, fold ? OpCode.CONSTANT : OpCode.parametric(rule), i, f, rule.first(x, p, f), p,
                fold);
    }

    /** f = rule(a, b), partials rule.dx and rule.dy. */
    static Var binary(Tape t, BinaryRule rule, Var a, Var b) {
        TapeGuards.confined(t);
        int i = TapeGuards.use(t, a);
        int j = TapeGuards.use(t, Checks.notNull("operand", b));
        double x = a.value;
        double y = b.value;
        double f = rule.value(x, y);
        boolean fold = a.isConstant() & b.isConstant();
        return push2(t, fold ? OpCode.CONSTANT : OpCode.binary(rule), i, j, f,
                rule.dx(x, y, f), rule.dy(x, y, f), fold);
    }

    /** f = rule(a, c) for a constant c, ∂f/∂a = rule.dx; c kept as the entry's parameter. */
    static Var binaryConstant(Tape t, BinaryRule rule, Var a, double c) {
        TapeGuards.confined(t);
        int i = TapeGuards.use(t, a);
        double x = a.value;
        double f = rule.value(x, c);
        boolean fold = a.isConstant();
        return push1(t, fold ? OpCode.CONSTANT : OpCode.binaryConstant(rule), i, f, rule.dx(x, c, f), c,
                fold);
    }

    /** The index of a new entry, growing the arrays if they are full. */
    private static int next(Tape t) {
        int i = t.size;
        if (i == t.op.length) {
            TapeArrays.grow(t);
        }
        t.size = i + 1;
        return i;
    }

    /** A constant: op and value only. */
    static Var push0(Tape t, int code, double v) {
        int i = next(t);
        t.op[i] = (byte) code;
        t.value[i] = v;
        return new Var(t, i, t.openStamp, v);
    }

    /** An entry with one operand (or an input, whose slot holds its input number). */
    static Var push1(Tape t, int code, int a0, double v, double p0, boolean constant) {
        int i = next(t);
        t.op[i] = (byte) code;
        t.value[i] = v;
        t.args[2 * i] = a0;
        t.partials[2 * i] = p0;
        return new Var(t, i, constant ? t.openStamp : t.openStamp - 1, v);
    }

    /** An entry with one operand and a constant parameter, kept in the second partial slot. */
    private static Var push1(Tape t, int code, int a0, double v, double p0, double parameter,
            boolean constant) {
        int i = next(t);
        t.op[i] = (byte) code;
        t.value[i] = v;
        t.args[2 * i] = a0;
        t.partials[2 * i] = p0;
        t.partials[2 * i + 1] = parameter;
        return new Var(t, i, constant ? t.openStamp : t.openStamp - 1, v);
    }

    /** An entry with two operands. */
    private static Var push2(Tape t, int code, int a0, int a1, double v, double p0, double p1,
            boolean constant) {
        int i = next(t);
        t.op[i] = (byte) code;
        t.value[i] = v;
        t.args[2 * i] = a0;
        t.args[2 * i + 1] = a1;
        t.partials[2 * i] = p0;
        t.partials[2 * i + 1] = p1;
        return new Var(t, i, constant ? t.openStamp : t.openStamp - 1, v);
    }

    /** A linear combination: its operands and partials are in the side arrays, from offset on. */
    static Var pushNary(Tape t, int code, int offset, int count, double v) {
        int i = next(t);
        t.op[i] = (byte) code;
        t.value[i] = v;
        t.args[2 * i] = offset;
        t.args[2 * i + 1] = count;
        return new Var(t, i, t.openStamp - 1, v);
    }
}
