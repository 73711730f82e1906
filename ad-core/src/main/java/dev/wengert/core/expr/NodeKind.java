package dev.wengert.core.expr;

/**
 * The kind of a node of an {@link Expression}: what it computes and how many operands it has.
 *
 * <table>
 * <caption>Node kinds</caption>
 * <tr><th>kind</th><th>operands</th><th>payload</th><th>example</th></tr>
 * <tr><td>{@link #INPUT}</td><td>0</td><td>the input's index, {@link Expression#input(int)}</td><td>{@code x}</td></tr>
 * <tr><td>{@link #CONSTANT}</td><td>0</td><td>its value, {@link Expression#number(int)}</td><td>{@code 2.5}</td></tr>
 * <tr><td>{@link #UNARY}</td><td>1</td><td>a {@link dev.wengert.core.UnaryRule}</td><td>{@code sin(x)}, {@code -x}</td></tr>
 * <tr><td>{@link #BINARY}</td><td>2</td><td>a {@link dev.wengert.core.BinaryRule}</td><td>{@code x*y}, {@code atan2(y, x)}</td></tr>
 * <tr><td>{@link #PARAMETRIC}</td><td>1</td><td>a {@link dev.wengert.core.ParametricRule} and its constant
 *     parameter, {@link Expression#number(int)}</td><td>{@code x^3}, {@code rootN(x, 4)}</td></tr>
 * </table>
 */
public enum NodeKind {

    /** An input variable; no operands. */
    INPUT(0),
    /** A numeric constant; no operands. */
    CONSTANT(0),
    /** A unary elementary function of its one operand. */
    UNARY(1),
    /** A binary elementary function or arithmetic operator of its two operands. */
    BINARY(2),
    /** A unary elementary function of its one operand with a constant parameter. */
    PARAMETRIC(1);

    private final int arity;

    NodeKind(int arity) {
        this.arity = arity;
    }

    /** @return the number of operands a node of this kind has: 0, 1 or 2 */
    public int arity() {
        return arity;
    }
}
