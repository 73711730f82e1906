package dev.wengert.core.expr;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.internal.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node-adding half of {@link Expression.Builder}: inputs by name, constants and rule
 * applications go into a hash-consed {@link NodeTable} (building the same node twice returns the
 * same index), each returning the index of its node. The outputs and {@code build()} are
 * {@link Expression.Builder}'s.
 */
abstract class NodeBuilder {

    final NodeTable table = new NodeTable();
    final List<String> variables = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean fixed;
    int[] outs = new int[4];
    int outCount;

    NodeBuilder() {
        fixed = false;
    }

    NodeBuilder(List<String> variables) {
        Checks.notNull("variables", variables);
        for (String v : variables) {
            checkName(v);
            if (index.containsKey(v)) {
                throw new IllegalArgumentException("variable '" + v + "' is listed twice in " + variables);
            }
            index.put(v, this.variables.size());
            this.variables.add(v);
        }
        fixed = true;
    }

    /**
     * @param name an input name, {@code [A-Za-z_][A-Za-z0-9_]*}, not {@code inf} or {@code nan}
     * @return the node of that input
     * @throws IllegalArgumentException if the name is invalid, or not one of the builder's
     *         explicit variables
     */
    public int variable(String name) {
        Integer i = index.get(name);
        if (i == null) {
            checkName(name);
            if (fixed) {
                throw new IllegalArgumentException("unknown variable '" + name + "'; the inputs are " + variables);
            }
            i = variables.size();
            index.put(name, i);
            variables.add(name);
        }
        return table.add(NodeTable.INPUT, i, -1, -1, 0);
    }

    /**
     * @param value any double, NaN and ±∞ included
     * @return the node of that constant
     */
    public int constant(double value) {
        return table.add(NodeTable.CONSTANT, 0, -1, -1, value);
    }

    /**
     * @param rule the function
     * @param operand its argument's node
     * @return the node rule(operand)
     */
    public int unary(UnaryRule rule, int operand) {
        Checks.notNull("rule", rule);
        return table.add(NodeTable.UNARY, rule.ordinal(), operand(operand), -1, 0);
    }

    /**
     * @param rule the operator or function
     * @param left its first argument's node (the receiver, e.g. y in atan2(y, x))
     * @param right its second argument's node
     * @return the node rule(left, right)
     */
    public int binary(BinaryRule rule, int left, int right) {
        Checks.notNull("rule", rule);
        return table.add(NodeTable.BINARY, rule.ordinal(), operand(left), operand(right), 0);
    }

    /**
     * @param rule the function
     * @param operand its argument's node
     * @param parameter the constant parameter; an integer for POW_INT, ROOT_N and SCALB
     * @return the node rule(operand; parameter)
     * @throws IllegalArgumentException if the rule needs an integer and the parameter is not one
     */
    public int parametric(ParametricRule rule, int operand, double parameter) {
        Checks.notNull("rule", rule);
        boolean integer = rule == ParametricRule.POW_INT || rule == ParametricRule.ROOT_N
                || rule == ParametricRule.SCALB;
        if (integer && !(parameter == (int) parameter)) {
            throw new IllegalArgumentException("the parameter of " + rule + " must be an int, but is " + parameter);
        }
        return table.add(NodeTable.PARAMETRIC, rule.ordinal(), operand(operand), -1,
                integer ? (int) parameter : parameter);
    }

    /** @return the number of nodes built so far */
    public int size() {
        return table.size;
    }

    boolean hasVariable(String name) {
        return index.containsKey(name);
    }

    int operand(int node) {
        if (node < 0 || node >= table.size) {
            throw new IllegalArgumentException("node " + node + " does not exist; this builder has nodes [0, "
                    + table.size + ")");
        }
        return node;
    }

    static void checkName(String name) {
        Checks.notNull("variable name", name);
        if (!Lexer.isName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a variable name; expected [A-Za-z_][A-Za-z0-9_]*"
                    + " other than inf and nan");
        }
    }
}
