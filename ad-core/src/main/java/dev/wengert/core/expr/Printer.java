package dev.wengert.core.expr;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Prints an {@link Expression} as text that parses back to an equal expression, without
 * recursion: an explicit stack of pending pieces (a node with the least precedence it may have
 * without parentheses, or a piece of text).
 *
 * <p>A node used more than once (not an input or constant) becomes a binding {@code t1 = …;},
 * printed before its first use, so a DAG prints in size proportional to its node count. If the
 * inputs' order of first appearance in the printed text is not {@link Expression#variables()},
 * or an input is unused, an {@code input} header comes first. Parentheses are minimal for the
 * precedence table, with three additions that keep the parse exact: a negative constant is
 * parenthesised as the base of {@code ^}; a negated constant prints as {@code -(2.0)} (since
 * {@code -2.0} is the constant −2); and a constant second operand of the binary {@code ^},
 * {@code remainder} or {@code copySign} prints in parentheses (since a bare literal there selects
 * the {@link ParametricRule} form).
 */
final class Printer {

    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;
    private static final int FORCE = 6;

    private static final UnaryRule[] UNARY_RULES = UnaryRule.values();
    private static final BinaryRule[] BINARY_RULES = BinaryRule.values();
    private static final ParametricRule[] PARAMETRIC_RULES = ParametricRule.values();

    private final Expression e;
    private final StringBuilder out = new StringBuilder();
    private final String[] names;
    private final boolean[] appeared;
    private int appearedCount;
    private boolean inOrder = true;

    private Object[] stack = new Object[32];
    private int[] minimum = new int[32];
    private int top;

    private Printer(Expression e) {
        this.e = e;
        int n = e.size();
        int[] uses = new int[n];
        for (int i = 0; i < n; i++) {
            int arity = NodeTable.kind(e.kinds[i]).arity();
            if (arity >= 1) {
                uses[e.lefts[i]]++;
            }
            if (arity == 2) {
                uses[e.rights[i]]++;
            }
        }
        for (int o : e.outputs) {
            uses[o]++;
        }
        names = new String[n];
        Set<String> taken = new HashSet<>(e.variables());
        int next = 1;
        for (int i = 0; i < n; i++) {
            if (uses[i] >= 2 && e.kinds[i] != NodeTable.INPUT && e.kinds[i] != NodeTable.CONSTANT) {
                String name;
                do {
                    name = "t" + next++;
                } while (taken.contains(name));
                names[i] = name;
            }
        }
        appeared = new boolean[e.inputs()];
    }

    static String print(Expression e) {
        Printer p = new Printer(e);
        String body = p.body();
        if (p.inOrder && p.appearedCount == e.inputs()) {
            return body;
        }
        return "input " + String.join(", ", e.variables()) + "; " + body;
    }

    private String body() {
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                out.append(names[i]).append(" = ");
                statement(i);
                out.append("; ");
            }
        }
        for (int k = 0; k < e.outputs.length; k++) {
            if (k > 0) {
                out.append("; ");
            }
            int o = e.outputs[k];
            if (names[o] != null) {
                out.append(names[o]);
            } else {
                statement(o);
            }
        }
        return out.toString();
    }

    /** Prints the definition of {@code root}, with bound operands by name. */
    private void statement(int root) {
        top = 0;
        expand(root, 0);
        while (top > 0) {
            top--;
            Object piece = stack[top];
            if (piece instanceof String) {
                out.append((String) piece);
            } else {
                int node = (Integer) piece;
                if (names[node] != null) {
                    out.append(names[node]);
                } else {
                    expand(node, minimum[top]);
                }
            }
        }
    }

    /** Appends what comes before the node's first operand; pushes the rest, last piece first. */
    private void expand(int i, int min) {
        int l = e.lefts[i];
        int r = e.rights[i];
        switch (e.kinds[i]) {
            case NodeTable.INPUT:
                input(e.codes[i]);
                return;
            case NodeTable.CONSTANT: {
                String c = number(e.numbers[i]);
                boolean negative = c.charAt(0) == '-';
                out.append((negative ? UNARY : ATOM) < min ? "(" + c + ")" : c);
                return;
            }
            case NodeTable.UNARY: {
                UnaryRule rule = UNARY_RULES[e.codes[i]];
                if (rule == UnaryRule.NEGATE) {
                    boolean parens = open(UNARY, min);
                    out.append('-');
                    close(parens);
                    push(l, e.kinds[l] == NodeTable.CONSTANT ? FORCE : UNARY);
                } else {
                    out.append(rule.functionName()).append('(');
                    push(")");
                    push(l, 0);
                }
                return;
            }
            case NodeTable.BINARY: {
                BinaryRule rule = BINARY_RULES[e.codes[i]];
                boolean constantRight = e.kinds[r] == NodeTable.CONSTANT;
                switch (rule) {
                    case ADD: infix(SUM, min, l, " + ", r, SUM, PRODUCT); return;
                    case SUBTRACT: infix(SUM, min, l, " - ", r, SUM, PRODUCT); return;
                    case MULTIPLY: infix(PRODUCT, min, l, "*", r, PRODUCT, UNARY); return;
                    case DIVIDE: infix(PRODUCT, min, l, "/", r, PRODUCT, UNARY); return;
                    case POW: infix(POWER, min, l, "^", r, ATOM, constantRight ? FORCE : UNARY); return;
                    default:
                        boolean ambiguous = constantRight && (rule == BinaryRule.REMAINDER || rule == BinaryRule.COPY_SIGN);
                        out.append(rule.symbol()).append('(');
                        push(")");
                        push(r, ambiguous ? FORCE : 0);
                        push(", ");
                        push(l, 0);
                        return;
                }
            }
            default: {
                ParametricRule rule = PARAMETRIC_RULES[e.codes[i]];
                double p = e.numbers[i];
                if (rule == ParametricRule.POW || rule == ParametricRule.POW_INT) {
                    boolean parens = open(POWER, min);
                    close(parens);
                    push("^" + (rule == ParametricRule.POW ? number(p) : Integer.toString((int) p)));
                    push(l, ATOM);
                } else {
                    boolean integer = rule == ParametricRule.ROOT_N || rule == ParametricRule.SCALB;
                    out.append(rule.functionName()).append('(');
                    push(", " + (integer ? Integer.toString((int) p) : number(p)) + ")");
                    push(l, 0);
                }
            }
        }
    }

    private void infix(int precedence, int min, int l, String op, int r, int leftMin, int rightMin) {
        boolean parens = open(precedence, min);
        close(parens);
        push(r, rightMin);
        push(op);
        push(l, leftMin);
    }

    /** Opens a parenthesis if needed. */
    private boolean open(int precedence, int min) {
        if (precedence < min) {
            out.append('(');
            return true;
        }
        return false;
    }

    /** Pushes the closing parenthesis, so it comes after everything pushed later. */
    private void close(boolean parens) {
        if (parens) {
            push(")");
        }
    }

    private void input(int index) {
        out.append(e.variables().get(index));
        if (!appeared[index]) {
            appeared[index] = true;
            inOrder &= index == appearedCount;
            appearedCount++;
        }
    }

    private void push(String text) {
        grow();
        stack[top++] = text;
    }

    private void push(int node, int min) {
        grow();
        minimum[top] = min;
        stack[top++] = node;
    }

    private void grow() {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
            minimum = Arrays.copyOf(minimum, top * 2);
        }
    }

    /** @return a constant as the lexer reads it back exactly: {@code inf}, {@code -inf}, {@code nan} or a Java literal */
    static String number(double c) {
        if (Double.isNaN(c)) {
            return "nan";
        }
        if (Double.isInfinite(c)) {
            return c > 0 ? "inf" : "-inf";
        }
        return Double.toString(c);
    }

    static String label(Expression e, int i) {
        switch (e.kinds[i]) {
            case NodeTable.INPUT: return e.variables().get(e.codes[i]);
            case NodeTable.CONSTANT: return number(e.numbers[i]);
            case NodeTable.UNARY: {
                UnaryRule rule = UNARY_RULES[e.codes[i]];
                return rule == UnaryRule.NEGATE ? "-" : rule.functionName();
            }
            case NodeTable.BINARY: return BINARY_RULES[e.codes[i]].symbol().equals("pow") ? "^"
                    : BINARY_RULES[e.codes[i]].symbol();
            default: {
                ParametricRule rule = PARAMETRIC_RULES[e.codes[i]];
                double p = e.numbers[i];
                switch (rule) {
                    case POW_INT: return "^" + (int) p;
                    case POW: return "^" + number(p);
                    case ROOT_N:
                    case SCALB: return rule.functionName() + "(·, " + (int) p + ")";
                    default: return rule.functionName() + "(·, " + number(p) + ")";
                }
            }
        }
    }
}
