package dev.wengert.core.expr;

import dev.wengert.core.BinaryRule;
import dev.wengert.core.ParametricRule;
import dev.wengert.core.UnaryRule;
import dev.wengert.core.expr.Lexer.Token;
import dev.wengert.core.expr.Lexer.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parser: statements one after the other, each expression by operator precedence with two
 * explicit stacks (operands and pending operators, shunting-yard), so no nesting depth can
 * overflow the call stack. Nodes go straight into an {@link Expression.Builder}.
 *
 * <p>An operand remembers whether it is a bare numeric literal, and whether an integer one. A
 * prefix minus reduced onto a bare literal becomes its sign ({@code -2} is the constant −2),
 * once ({@code --2} is −(−2)); since {@code ^} binds tighter, {@code -2^2} is −(2²). A literal
 * exponent or second argument selects the parametric rule: {@code x^3} becomes
 * {@code pow(x, int)}, {@code x^2.5} {@code pow(x, double)}, and {@code x^(3)} or {@code x^y}
 * the binary power.
 */
final class Parser {

    private static final byte NEG = 1;
    private static final byte ADD = 2;
    private static final byte SUB = 3;
    private static final byte MUL = 4;
    private static final byte DIV = 5;
    private static final byte POW = 6;
    private static final byte PAREN = 7;
    private static final byte CALL = 8;
    private static final int[] PRECEDENCE = {0, 3, 1, 1, 2, 2, 4, 0, 0};

    private static final byte NOT_LITERAL = 0;
    private static final byte DOUBLE_LITERAL = 1;
    private static final byte INT_LITERAL = 2;
    private static final byte SIGNED = 4;

    private final Lexer lexer;
    private final List<String> given;
    private Expression.Builder builder;
    private boolean explicit;
    private List<String> declared;
    private Token previous;

    private final Map<String, Integer> bindings = new HashMap<>();
    private final Map<String, Token> bindingSites = new HashMap<>();
    private final Map<String, Token> inputUses = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    // operand stack: node, literal flag, literal value, position
    private int[] vNode = new int[16];
    private byte[] vFlag = new byte[16];
    private double[] vValue = new double[16];
    private int[] vLine = new int[16];
    private int[] vColumn = new int[16];
    private int vTop;

    // operator stack: op, position, argument count and name of a call
    private byte[] oOp = new byte[16];
    private int[] oLine = new int[16];
    private int[] oColumn = new int[16];
    private int[] oArgs = new int[16];
    private String[] oName = new String[16];
    private int oTop;
    private int depth;

    Parser(String text, List<String> given) {
        this.lexer = new Lexer(text);
        this.given = given;
    }

    Expression parse() {
        skipSeparators();
        List<String> header = header();
        if (header != null) {
            builder = new Expression.Builder(header);
            explicit = true;
            declared = header;
        } else if (given != null) {
            builder = new Expression.Builder(given);
            explicit = true;
            declared = given;
        } else {
            builder = new Expression.Builder();
        }
        boolean any = false;
        while (true) {
            skipSeparators();
            Token t = lexer.peek(0);
            if (t.type() == Type.END) {
                break;
            }
            if (t.type() == Type.NAME && lexer.peek(1).type() == Type.EQUALS) {
                assignment();
            } else {
                builder.output(expression());
                any = true;
            }
        }
        Token end = lexer.peek(0);
        if (!any) {
            throw new ParseException("expected at least one output expression but found "
                    + (bindings.isEmpty() ? "none" : "only assignments"), end.line(), end.column(), "an expression");
        }
        if (header == null && given != null) {
            for (String v : given) {
                if (!used.contains(v)) {
                    throw new ParseException("input '" + v + "' of " + given + " is not used by the expression",
                            end.line(), end.column(), "a use of '" + v + "'");
                }
            }
        }
        return builder.build().withWarnings(lexer.warnings);
    }

    private void skipSeparators() {
        while (lexer.peek(0).type() == Type.SEMICOLON || lexer.peek(0).type() == Type.NEWLINE) {
            next();
        }
    }

    private Token next() {
        previous = lexer.next();
        return previous;
    }

    /** {@code input a, b, c} as the first statement, or {@code null}. */
    private List<String> header() {
        Token t = lexer.peek(0);
        if (t.type() != Type.NAME || !t.text().equals("input") || lexer.peek(1).type() != Type.NAME) {
            return null;
        }
        next();
        List<String> names = new ArrayList<>();
        while (true) {
            Token name = next();
            if (name.type() != Type.NAME) {
                throw error("expected an input name after " + previousText(name) + " but found " + name.describe(),
                        name, "an input name");
            }
            if (names.contains(name.text())) {
                throw error("input '" + name.text() + "' is declared twice", name, "a new input name");
            }
            names.add(name.text());
            Token after = lexer.peek(0);
            if (after.type() == Type.COMMA) {
                next();
            } else if (after.type() == Type.SEMICOLON || after.type() == Type.NEWLINE || after.type() == Type.END) {
                break;
            } else {
                throw error("expected ',' or the end of the input header after '" + name.text() + "' but found "
                        + after.describe(), after, "',' or ';'");
            }
        }
        if (given != null && !given.equals(names)) {
            throw error("the input header declares " + names + " but the caller gave " + given, t,
                    "the header " + given);
        }
        return names;
    }

    private String previousText(Token current) {
        return previous == null || previous == current ? "the start" : previous.describe();
    }

    private void assignment() {
        Token name = next();
        next();   // '='
        String n = name.text();
        if (explicit && builder.hasVariable(n)) {
            throw error("cannot assign to '" + n + "': it is an input", name, "a name that is not an input");
        }
        Token site = bindingSites.get(n);
        if (site != null) {
            throw error("'" + n + "' is assigned a second time (first at line " + site.line() + ", column "
                    + site.column() + "); a name is assigned once", name, "a new name");
        }
        int node = expression();
        Token use = inputUses.get(n);
        if (use != null) {
            throw error("'" + n + "' is used before it is assigned (at line " + name.line() + ", column "
                    + name.column() + ")", use, "an assignment before the use");
        }
        bindings.put(n, node);
        bindingSites.put(n, name);
    }

    /** One expression, up to ';', a line feed outside parentheses, or the end. */
    private int expression() {
        boolean operand = true;
        while (true) {
            Token t = lexer.peek(0);
            if (operand) {
                operand = operand(t);
                continue;
            }
            byte op;
            switch (t.type()) {
                case PLUS: op = ADD; break;
                case MINUS: op = SUB; break;
                case STAR: op = MUL; break;
                case SLASH: op = DIV; break;
                case CARET: op = POW; break;
                case COMMA:
                    next();
                    reduceToMarker();
                    if (oTop == 0 || oOp[oTop - 1] != CALL) {
                        throw error("',' outside of a function call", t, "an operator or the end of the statement");
                    }
                    oArgs[oTop - 1]++;
                    operand = true;
                    continue;
                case RPAREN:
                    next();
                    closeParenthesis(t);
                    continue;
                case NEWLINE:
                    if (depth > 0) {
                        lexer.next();   // line breaks inside parentheses are spaces
                        continue;
                    }
                    return endOfStatement(t);
                case SEMICOLON:
                case END:
                    return endOfStatement(t);
                case EQUALS:
                    throw error("'=' may only follow a single name at the start of a statement", t,
                            "an operator or the end of the statement");
                default:
                    throw error("expected an operator or the end of the statement after " + previous.describe()
                            + " but found " + t.describe(), t, "an operator or the end of the statement");
            }
            next();
            int p = PRECEDENCE[op];
            while (oTop > 0 && oOp[oTop - 1] < PAREN
                    && (PRECEDENCE[oOp[oTop - 1]] > p || (PRECEDENCE[oOp[oTop - 1]] == p && op != POW))) {
                reduce();
            }
            pushOperator(op, t, null);
            operand = true;
        }
    }

    /** Reads where an operand is expected; returns whether an operand is still expected. */
    private boolean operand(Token t) {
        switch (t.type()) {
            case NEWLINE:
                lexer.next();   // a line break after an operator continues the statement
                return true;
            case NUMBER:
                next();
                pushLiteral(t.value(), t.integer(), t);
                return false;
            case MINUS:
                next();
                pushOperator(NEG, t, null);
                return true;
            case LPAREN:
                next();
                pushOperator(PAREN, t, null);
                return true;
            case NAME:
                next();
                if (lexer.peek(0).type() == Type.LPAREN) {
                    openCall(t);
                    return true;
                }
                pushOperand(reference(t), NOT_LITERAL, 0, t);
                return false;
            default:
                boolean start = previous == null || previous.type() == Type.SEMICOLON
                        || previous.type() == Type.NEWLINE;
                String after = start ? " at the start of a statement" : " after " + previous.describe();
                throw error("expected an operand" + after + " but found " + t.describe(), t, "an operand");
        }
    }

    private void pushLiteral(double value, boolean integer, Token at) {
        pushOperand(builder.constant(value), integer ? INT_LITERAL : DOUBLE_LITERAL, value, at);
    }

    private int reference(Token name) {
        String n = name.text();
        Integer bound = bindings.get(n);
        if (bound != null) {
            return bound;
        }
        if (explicit) {
            if (!builder.hasVariable(n)) {
                throw error("unknown variable '" + n + "': it is neither an input " + declared
                        + " nor assigned before", name, "an input or an assigned name");
            }
            used.add(n);
        } else {
            inputUses.putIfAbsent(n, name);
        }
        return builder.variable(n);
    }

    private void openCall(Token name) {
        String n = name.text();
        int arity = FunctionNames.arity(n);
        if (arity < 0) {
            String suggestion = FunctionNames.suggest(n);
            throw error("unknown function '" + n + "'" + (suggestion != null ? " (did you mean " + suggestion + "?)"
                    : "; the functions are " + String.join(", ", FunctionNames.ALL)), name, "a function name");
        }
        next();   // '('
        if (lexer.peek(0).type() == Type.RPAREN) {
            throw arity(n, arity, 0, name);
        }
        pushOperator(CALL, name, n);
    }

    private void closeParenthesis(Token t) {
        reduceToMarker();
        if (oTop == 0) {
            throw error("unmatched ')'", t, "an operator or the end of the statement");
        }
        oTop--;
        depth--;
        if (oOp[oTop] == PAREN) {
            vFlag[vTop - 1] = NOT_LITERAL;
            vLine[vTop - 1] = oLine[oTop];
            vColumn[vTop - 1] = oColumn[oTop];
            return;
        }
        String name = oName[oTop];
        int args = oArgs[oTop];
        Token at = new Token(Type.NAME, name, 0, false, oLine[oTop], oColumn[oTop]);
        int arity = FunctionNames.arity(name);
        if (args != arity) {
            throw arity(name, arity, args, at);
        }
        int node;
        if (arity == 1) {
            node = builder.unary(UnaryRule.byName(name), vNode[--vTop]);
        } else {
            vTop -= 2;
            node = call(name, vTop, at);
        }
        pushOperand(node, NOT_LITERAL, 0, at);
    }

    /** The two-argument function {@code name} of the operands at {@code i} and {@code i + 1}. */
    private int call(String name, int i, Token at) {
        int a = vNode[i];
        int b = vNode[i + 1];
        byte flag = vFlag[i + 1];
        double p = vValue[i + 1];
        if (FunctionNames.integerParameter(name)) {
            if (!isInt(flag, p)) {
                Token arg = new Token(Type.NUMBER, "", 0, false, vLine[i + 1], vColumn[i + 1]);
                throw error("the second argument of '" + name + "' must be an integer literal such as 3, but got "
                        + (flag == NOT_LITERAL ? "an expression" : "the number " + p), arg, "an integer literal");
            }
            return builder.parametric(name.equals("rootN") ? ParametricRule.ROOT_N : ParametricRule.SCALB, a, p);
        }
        switch (name) {
            case "pow":
                return power(a, b, flag, p);
            case "remainder":
                return flag == NOT_LITERAL ? builder.binary(BinaryRule.REMAINDER, a, b)
                        : builder.parametric(ParametricRule.REMAINDER, a, p);
            case "copySign":
                return flag == NOT_LITERAL ? builder.binary(BinaryRule.COPY_SIGN, a, b)
                        : builder.parametric(ParametricRule.COPY_SIGN, a, p);
            default:
                return builder.binary(FunctionNames.binary(name), a, b);
        }
    }

    private int power(int a, int b, byte flag, double p) {
        if (isInt(flag, p)) {
            return builder.parametric(ParametricRule.POW_INT, a, p);
        }
        return flag == NOT_LITERAL ? builder.binary(BinaryRule.POW, a, b) : builder.parametric(ParametricRule.POW, a, p);
    }

    private static boolean isInt(byte flag, double p) {
        return (flag & INT_LITERAL) != 0 && p >= Integer.MIN_VALUE && p <= Integer.MAX_VALUE;
    }

    private ParseException arity(String name, int arity, int got, Token at) {
        return error("function '" + name + "' takes " + arity + (arity == 1 ? " argument" : " arguments") + ", got "
                + got, at, arity + (arity == 1 ? " argument" : " arguments"));
    }

    private int endOfStatement(Token t) {
        reduceToMarker();
        if (oTop > 0) {
            String what = oOp[oTop - 1] == CALL ? "the call of '" + oName[oTop - 1] + "'" : "'('";
            throw error("expected ')' to close " + what + " (opened at line " + oLine[oTop - 1] + ", column "
                    + oColumn[oTop - 1] + ") but found " + t.describe(), t, "')'");
        }
        return vNode[--vTop];
    }

    private void reduceToMarker() {
        while (oTop > 0 && oOp[oTop - 1] < PAREN) {
            reduce();
        }
    }

    private void reduce() {
        byte op = oOp[--oTop];
        int node;
        if (op == NEG) {
            vTop--;
            Token minus = new Token(Type.MINUS, "-", 0, false, oLine[oTop], oColumn[oTop]);
            byte flag = vFlag[vTop];
            if (flag == DOUBLE_LITERAL || flag == INT_LITERAL) {
                // a minus right before a bare literal is its sign: -2 is the constant -2, -2^2 is -(2^2)
                double v = -vValue[vTop];
                pushOperand(builder.constant(v), (byte) (flag | SIGNED), v, minus);
            } else {
                pushOperand(builder.unary(UnaryRule.NEGATE, vNode[vTop]), NOT_LITERAL, 0, minus);
            }
            return;
        }
        vTop -= 2;
        int a = vNode[vTop];
        int b = vNode[vTop + 1];
        switch (op) {
            case ADD: node = builder.binary(BinaryRule.ADD, a, b); break;
            case SUB: node = builder.binary(BinaryRule.SUBTRACT, a, b); break;
            case MUL: node = builder.binary(BinaryRule.MULTIPLY, a, b); break;
            case DIV: node = builder.binary(BinaryRule.DIVIDE, a, b); break;
            default: node = power(a, b, vFlag[vTop + 1], vValue[vTop + 1]); break;
        }
        vNode[vTop] = node;
        vFlag[vTop] = NOT_LITERAL;
        vTop++;
    }

    private void pushOperand(int node, byte flag, double value, Token at) {
        if (vTop == vNode.length) {
            int n = vTop * 2;
            vNode = Arrays.copyOf(vNode, n);
            vFlag = Arrays.copyOf(vFlag, n);
            vValue = Arrays.copyOf(vValue, n);
            vLine = Arrays.copyOf(vLine, n);
            vColumn = Arrays.copyOf(vColumn, n);
        }
        vNode[vTop] = node;
        vFlag[vTop] = flag;
        vValue[vTop] = value;
        vLine[vTop] = at.line();
        vColumn[vTop] = at.column();
        vTop++;
    }

    private void pushOperator(byte op, Token at, String name) {
        if (oTop == oOp.length) {
            int n = oTop * 2;
            oOp = Arrays.copyOf(oOp, n);
            oLine = Arrays.copyOf(oLine, n);
            oColumn = Arrays.copyOf(oColumn, n);
            oArgs = Arrays.copyOf(oArgs, n);
            oName = Arrays.copyOf(oName, n);
        }
        oOp[oTop] = op;
        oLine[oTop] = at.line();
        oColumn[oTop] = at.column();
        oArgs[oTop] = 1;
        oName[oTop] = name;
        oTop++;
        if (op >= PAREN) {
            depth++;
        }
    }

    private static ParseException error(String message, Token at, String expected) {
        return new ParseException(message, at.line(), at.column(), expected);
    }
}
