package dev.wengert.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.Functions;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.RealFieldElement;

/**
 * Test fixture: every {@link RealFieldElement} method of a Wengert number type (and every
 * {@link Functions} helper) with the rule of the ad-core table it must apply — the expectation
 * that each number type's contract test checks bit for bit against the rule's value and partials
 * at {@link #EDGES}. Written here once for {@code Dual}, {@code DualVector}, {@code HyperDual} and
 * {@code Var}; the methods are called by reflection, so a row names a method and the rule it
 * stands for, and nothing else.
 */
public final class RuleMethodTable {

    private RuleMethodTable() {
    }

    /** Values (and derivative parts): signed zeros, subnormals, tiny, ordinary, huge, ±∞, NaN, domain edges. */
    public static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
        1, -1, 0.5, -0.75, 2.5, 1e300, -1e300,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
    };

    /** Integer arguments ({@code pow(int)}, {@code rootN}, {@code scalb}, {@code multiply(int)}). */
    public static final int[] INTS = {0, 1, -1, 2, 3, -2, 1100, -1100};

    /** How a method applies its rule. */
    public enum Kind {
        /** f(x) by a {@link UnaryRule}. */
        UNARY,
        /** f(x, y) by a {@link BinaryRule}, y of the same type. */
        BINARY,
        /** f(x, c) by a {@link BinaryRule}, c a {@code double} or {@code int} constant. */
        CONSTANT,
        /** f(x; p) by a {@link ParametricRule}. */
        PARAMETRIC
    }

    /** One method, and the rule it must apply. */
    public static final class Row {
        /** The method name ({@code Functions.} for a helper). */
        public final String method;
        /** The type of its argument: null, the number type itself ({@code Object} here), double or int. */
        public final Class<?> argument;
        /** How it applies its rule. */
        public final Kind kind;
        /** The rule: a UnaryRule, BinaryRule or ParametricRule. */
        public final Enum<?> rule;

        Row(String method, Class<?> argument, Kind kind, Enum<?> rule) {
            this.method = method;
            this.argument = argument;
            this.kind = kind;
            this.rule = rule;
        }

        /** @return the unary rule of a {@link Kind#UNARY} row */
        public UnaryRule unary() {
            return (UnaryRule) rule;
        }

        /** @return the binary rule of a {@link Kind#BINARY} or {@link Kind#CONSTANT} row */
        public BinaryRule binary() {
            return (BinaryRule) rule;
        }

        /** @return the parametric rule of a {@link Kind#PARAMETRIC} row */
        public ParametricRule parametric() {
            return (ParametricRule) rule;
        }

        /** @return whether the argument is an {@code int} (so the constant is drawn from {@link #INTS}) */
        public boolean intArgument() {
            return argument == int.class;
        }

        /** @return the constants this row is checked at: {@link #EDGES}, or {@link #INTS} for an int */
        public double[] constants() {
            if (!intArgument()) {
                return EDGES;
            }
            double[] c = new double[INTS.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = INTS[i];
            }
            return c;
        }

        /**
         * Calls the method.
         *
         * @param x the receiver
         * @param y the argument of a {@link Kind#BINARY} row (ignored otherwise)
         * @param c the constant of a {@link Kind#CONSTANT} or {@link Kind#PARAMETRIC} row
         * @param <T> the number type
         * @return the method's result
         */
        @SuppressWarnings("unchecked")
        public <T extends RealFieldElement<T>> T call(T x, T y, double c) {
            try {
                if (method.startsWith("Functions.")) {
                    String name = method.substring("Functions.".length());
                    return kind == Kind.UNARY
                            ? (T) Functions.class.getMethod(name, RealFieldElement.class).invoke(null, x)
                            : (T) Functions.class.getMethod(name, RealFieldElement.class, RealFieldElement.class)
                                    .invoke(null, x, y);
                }
                if (argument == null) {
                    return (T) x.getClass().getMethod(method).invoke(x);
                }
                if (argument == Object.class) {
                    return (T) sameTypeArgument(x.getClass()).invoke(x, y);
                }
                if (argument == int.class) {
                    return (T) x.getClass().getMethod(method, int.class).invoke(x, (int) c);
                }
                return (T) x.getClass().getMethod(method, double.class).invoke(x, c);
            } catch (InvocationTargetException e) {
                throw new AssertionError(this + " threw " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(this + ": no such method on " + x.getClass(), e);
            }
        }

        /** The public method of that name whose one argument is the number type (or, inherited, a supertype). */
        private Method sameTypeArgument(Class<?> type) throws NoSuchMethodException {
            for (Method m : type.getMethods()) {
                Class<?>[] p = m.getParameterTypes();
                if (m.getName().equals(method) && p.length == 1 && !p[0].isPrimitive() && !m.isBridge()
                        && p[0].isAssignableFrom(type)) {
                    return m;
                }
            }
            throw new NoSuchMethodException(type.getName() + "." + method + "(" + type.getSimpleName() + ")");
        }

        @Override
        public String toString() {
            String arg = argument == null ? "" : argument == Object.class ? "T" : argument.getSimpleName();
            return method + "(" + arg + ") → " + rule.getDeclaringClass().getSimpleName() + "." + rule;
        }
    }

    /** @return every row: each RealFieldElement method that is a rule, and each Functions helper */
    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (UnaryRule r : UnaryRule.values()) {
            boolean helper = r == UnaryRule.SQUARE || r == UnaryRule.RELU || r == UnaryRule.SIGMOID
                    || r == UnaryRule.SOFTPLUS;
            rows.add(new Row((helper ? "Functions." : "") + r.functionName(), null, Kind.UNARY, r));
        }
        rows.add(new Row("add", Object.class, Kind.BINARY, BinaryRule.ADD));
        rows.add(new Row("subtract", Object.class, Kind.BINARY, BinaryRule.SUBTRACT));
        rows.add(new Row("multiply", Object.class, Kind.BINARY, BinaryRule.MULTIPLY));
        rows.add(new Row("divide", Object.class, Kind.BINARY, BinaryRule.DIVIDE));
        rows.add(new Row("pow", Object.class, Kind.BINARY, BinaryRule.POW));
        rows.add(new Row("atan2", Object.class, Kind.BINARY, BinaryRule.ATAN2));
        rows.add(new Row("hypot", Object.class, Kind.BINARY, BinaryRule.HYPOT));
        rows.add(new Row("remainder", Object.class, Kind.BINARY, BinaryRule.REMAINDER));
        rows.add(new Row("copySign", Object.class, Kind.BINARY, BinaryRule.COPY_SIGN));
        rows.add(new Row("Functions.max", Object.class, Kind.BINARY, BinaryRule.MAX));
        rows.add(new Row("Functions.min", Object.class, Kind.BINARY, BinaryRule.MIN));
        rows.add(new Row("add", double.class, Kind.CONSTANT, BinaryRule.ADD));
        rows.add(new Row("subtract", double.class, Kind.CONSTANT, BinaryRule.SUBTRACT));
        rows.add(new Row("multiply", double.class, Kind.CONSTANT, BinaryRule.MULTIPLY));
        rows.add(new Row("multiply", int.class, Kind.CONSTANT, BinaryRule.MULTIPLY));
        rows.add(new Row("divide", double.class, Kind.CONSTANT, BinaryRule.DIVIDE));
        rows.add(new Row("pow", double.class, Kind.PARAMETRIC, ParametricRule.POW));
        rows.add(new Row("pow", int.class, Kind.PARAMETRIC, ParametricRule.POW_INT));
        rows.add(new Row("rootN", int.class, Kind.PARAMETRIC, ParametricRule.ROOT_N));
        rows.add(new Row("scalb", int.class, Kind.PARAMETRIC, ParametricRule.SCALB));
        rows.add(new Row("remainder", double.class, Kind.PARAMETRIC, ParametricRule.REMAINDER));
        rows.add(new Row("copySign", double.class, Kind.PARAMETRIC, ParametricRule.COPY_SIGN));
        return rows;
    }

    /**
     * Asserts that {@link #rows()} covers every {@link RealFieldElement} method but those that are
     * not rules ({@code getReal}, {@code getField}, {@code round}, the linear combinations), so a
     * method cannot escape the check.
     */
    public static void assertEveryRealFieldElementMethodIsARow() {
        Set<String> expected = new TreeSet<>();
        for (Method m : RealFieldElement.class.getMethods()) {
            String name = m.getName();
            if (name.equals("getReal") || name.equals("getField") || name.equals("round")
                    || name.equals("linearCombination")) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            expected.add(name + "(" + (p.length == 0 ? "" : p[0] == Object.class ? "T" : p[0].getSimpleName()) + ")");
        }
        Set<String> rows = new TreeSet<>();
        for (Row r : rows()) {
            if (!r.method.startsWith("Functions.")) {
                rows.add(r.toString().substring(0, r.toString().indexOf(" →")));
            }
        }
        assertEquals(expected, rows);
    }

    /**
     * @param expected a value
     * @param actual another
     * @return whether they are the same double bit for bit, all NaNs being one NaN (a NaN's sign
     *     and payload are unspecified: the JIT may swap the operands of a sum of two NaNs)
     */
    public static boolean sameBits(double expected, double actual) {
        return Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual);
    }
}
