/**
 * The expression language: {@link dev.wengert.core.expr.Expression#parse(String)} turns text
 * such as {@code "x*y + x^2"} into an {@link dev.wengert.core.expr.Expression} — a
 * {@link dev.wengert.core.VectorFunction} that every mode differentiates, prints back to text, and
 * exposes its node list (a Wengert list) to tools. Malformed text throws
 * {@link dev.wengert.core.expr.ParseException} with line, column and what was expected, and
 * never another exception.
 *
 * <h2>Grammar (EBNF)</h2>
 * <pre>
 * program    = { sep } [ header sep ] statement { sep { sep } statement } { sep } ;
 * sep        = ";" | line-feed ;
 * header     = "input" name { "," name } ;           (* only as the first statement *)
 * statement  = name "=" sum                          (* a binding: not an output, not an input *)
 *            | sum ;                                 (* an output, numbered in order *)
 * sum        = product { ( "+" | "-" ) product } ;   (* left-associative *)
 * product    = unary { ( "*" | "/" ) unary } ;       (* left-associative *)
 * unary      = "-" unary | power ;
 * power      = primary [ "^" unary ] ;               (* right-associative; 2^-1 allowed *)
 * primary    = number | name | name "(" sum { "," sum } ")" | "(" sum ")" ;
 * name       = ( letter | "_" ) { letter | digit | "_" } ;   (* not inf, nan *)
 * number     = digits [ "." [ digits ] ] [ exponent ] | "." digits [ exponent ]
 *            | "0x" hex-digits [ "." hex-digits ] ( "p" | "P" ) [ "+" | "-" ] digits
 *            | "inf" | "nan" ;
 * exponent   = ( "e" | "E" ) [ "+" | "-" ] digits ;
 * </pre>
 * Spaces, tabs and carriage returns separate tokens; {@code #} starts a comment to the end of the
 * line. A line feed ends a statement, except inside parentheses and right after an operator,
 * {@code =} or {@code ,}, where the statement continues on the next line.
 *
 * <h2>Precedence, loosest first</h2>
 * <table>
 * <caption>Operators</caption>
 * <tr><th>level</th><th>operators</th><th>associativity</th><th>example</th></tr>
 * <tr><td>1</td><td>{@code +  -} (binary)</td><td>left</td><td>{@code a - b - c = (a - b) - c}</td></tr>
 * <tr><td>2</td><td>{@code *  /}</td><td>left</td><td>{@code a/b*c = (a/b)*c}</td></tr>
 * <tr><td>3</td><td>{@code -} (prefix)</td><td>—</td><td>{@code -a*b = (-a)*b}</td></tr>
 * <tr><td>4</td><td>{@code ^}</td><td>right</td><td>{@code -x^2 = -(x^2)}, {@code a^b^c = a^(b^c)}, {@code 2^-1 = 2^(-1)}</td></tr>
 * <tr><td>5</td><td>numbers, names, calls, {@code ( )}</td><td></td><td></td></tr>
 * </table>
 *
 * <h2>Meaning</h2>
 * <ul>
 * <li><b>Inputs</b> are the names used but not assigned, in order of first appearance — or the
 *     order of an {@code input} header, or of the list given to
 *     {@link dev.wengert.core.expr.Expression#parse(String, java.util.List)}. A name is assigned at
 *     most once, before its first use, and never an input.</li>
 * <li><b>Numbers</b> are Java {@code double} literals ({@code 1}, {@code 2.5}, {@code .5},
 *     {@code 1e-3}, {@code 1.5E+10}, {@code 0x1p3}), plus {@code inf} (+∞) and {@code nan}; no
 *     suffixes or underscores. A prefix minus right before a number is its sign ({@code -2} is
 *     the constant −2, not a negation; {@code --2} is −(−2)) unless the number is the base of
 *     {@code ^} ({@code -2^2} is −(2²)).</li>
 * <li><b>Functions</b>: every {@link dev.wengert.core.UnaryRule} by its name — {@code negate},
 *     {@code reciprocal}, {@code abs}, {@code ceil}, {@code floor}, {@code rint}, {@code signum},
 *     {@code sqrt}, {@code cbrt}, {@code exp}, {@code expm1}, {@code log}, {@code log1p},
 *     {@code sin}, {@code cos}, {@code tan}, {@code asin}, {@code acos}, {@code atan},
 *     {@code sinh}, {@code cosh}, {@code tanh}, {@code asinh}, {@code acosh}, {@code atanh},
 *     {@code square}, {@code relu}, {@code sigmoid}, {@code softplus}; and
 *     {@code atan2(y, x)}, {@code hypot(x, y)}, {@code max(a, b)}, {@code min(a, b)},
 *     {@code pow(x, y)}, {@code remainder(x, y)}, {@code copySign(x, s)}, {@code rootN(x, n)},
 *     {@code scalb(x, n)}. Each is the {@code RealFieldElement} method (or
 *     {@link dev.wengert.core.Functions} helper) of that name.</li>
 * <li><b>Constant second arguments</b>: when the exponent of {@code ^}/{@code pow}, or the second
 *     argument of {@code remainder}/{@code copySign}, is a bare (optionally signed) numeric
 *     literal, the node is the {@link dev.wengert.core.ParametricRule} form — an integer literal
 *     in {@code int} range as exponent gives {@code pow(int)} ({@code x^2}, {@code x^-1}), any
 *     other literal {@code pow(double)} ({@code x^2.0}, {@code x^0.5}). In parentheses
 *     ({@code x^(2)}) or as any other expression it is the binary rule. {@code rootN} and
 *     {@code scalb} require an integer literal.</li>
 * </ul>
 *
 * <h2>Depth</h2>
 * Parsing, evaluation, printing, equality and hashing use explicit stacks or plain loops, never
 * recursion, so nesting depth is limited only by memory: a chain of 10<sup>6</sup> operations or
 * 10<sup>5</sup> nested parentheses parses and evaluates in a thread with a 256 KB stack.
 */
package dev.wengert.core.expr;
