package dev.wengert.forward;

import dev.wengert.core.internal.Checks;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.RealFieldElement;

/**
 * Pass identities: which forward-mode pass a number's tangents belong to. {@link ForwardMode}
 * seeds the inputs of each pass (each chunk of a Jacobian, each pair of a Hessian, each call)
 * with a fresh non-zero pass, and every operation's result carries the pass of its operands.
 * Pass 0 belongs to no pass: constants, the field's zero and one, and numbers built with the
 * public factories ({@code Dual.variable}, {@code DualVector.of}, …), which the caller seeds
 * and owns. Pass 0 combines with any pass; two different non-zero passes never combine.
 *
 * <p>Why: tangents are only meaningful relative to the seeding of their pass. A number kept from
 * an earlier pass — say by a function that memoises on the point — carries the earlier pass's
 * tangents (another chunk's directions, another Hessian pair), and adding it in would give a
 * wrong derivative silently; the tangent count k alone cannot tell (every full chunk has the
 * same k). Cost: one int per number (it fits the padding of {@link Dual} and {@link HyperDual})
 * and one comparison per binary operation.
 */
final class Pass {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Pass() {
    }

    /** @return a new pass identity, never 0 (unique among the last 2³² − 1 passes) */
    static int next() {
        int p;
        do {
            p = NEXT.incrementAndGet();
        } while (p == 0);
        return p;
    }

    /**
     * @param a the pass of one operand
     * @param b the pass of the other
     * @return the pass of their result: the non-zero one, or 0 if both are 0
     * @throws IllegalArgumentException if both are non-zero and different
     */
    static int join(int a, int b) {
        if (a == b || b == 0) {
            return a;
        }
        if (a == 0) {
            return b;
        }
        throw mixed(a, b);
    }

    private static IllegalArgumentException mixed(int a, int b) {
        return new IllegalArgumentException("numbers of two different forward-mode passes were combined (pass "
                + a + " and pass " + b + "): a number kept from an earlier call, chunk or Hessian pair (a cache"
                + " inside f?) carries that pass's tangents, which mean nothing in this one; compute it from"
                + " this pass's inputs, or keep only its value (getReal()) and make a constant of it");
    }

    /** @return "pass p" or "no pass" */
    static String describe(int pass) {
        return pass == 0 ? "no pass" : "pass " + pass;
    }

    // ---- running f on one pass ---------------------------------------------------------------

    /**
     * Runs a scalar f on one pass's inputs and checks its output: of the pass's type, and of this
     * pass or of none.
     */
    static <T extends RealFieldElement<T>> T value(ScalarFunction f, T[] in, Class<T> type, int pass) {
        Object y;
        try {
            y = f.value(in);
        } catch (ClassCastException e) {
            throw foreign(type, e);
        }
        return type.cast(checked(y, type, pass, "the output"));
    }

    /**
     * Runs a vector f on one pass's inputs and checks its outputs as {@link #value} does.
     *
     * @return the outputs, each an instance of {@code type}
     */
    static <T extends RealFieldElement<T>> Object[] values(VectorFunction f, T[] in, Class<T> type, int pass,
            int expected) {
        Object[] y;
        try {
            y = f.value(in);
        } catch (ClassCastException e) {
            throw foreign(type, e);
        }
        Checks.outputs(y, expected);
        for (int i = 0; i < y.length; i++) {
            checked(y[i], type, pass, "output " + i);
        }
        return y;
    }

    /** Runs a univariate f on one pass's input and checks its output as {@link #value} does. */
    static <T extends RealFieldElement<T>> T value(UnivariateScalarFunction f, T in, Class<T> type, int pass) {
        Object y;
        try {
            y = f.value(in);
        } catch (ClassCastException e) {
            throw foreign(type, e);
        }
        return type.cast(checked(y, type, pass, "the output"));
    }

    private static Object checked(Object y, Class<?> type, int pass, String what) {
        Checks.output(y);
        if (!type.isInstance(y)) {
            throw new IllegalArgumentException(what + " of f is a " + y.getClass().getName() + ", but forward mode"
                    + " ran f on " + type.getSimpleName() + "s: f returned a number of another computation (a"
                    + " reverse-mode recording's Var kept from an earlier call?); compute the outputs from f's arguments");
        }
        int p = y instanceof Dual d ? d.pass() : y instanceof DualVector v ? v.pass() : ((HyperDual) y).pass();
        if (p != 0 && p != pass) {
            throw new IllegalArgumentException(what + " of f belongs to " + describe(p) + ", not to this "
                    + describe(pass) + ": f returned a number kept from an earlier call, chunk or Hessian pair"
                    + " (a cache inside f?), whose tangents mean nothing in this pass");
        }
        return y;
    }

    /** A cast inside f that failed on one of Wengert's numbers: f mixed in a number of another kind. */
    private static RuntimeException foreign(Class<?> type, ClassCastException e) {
        String m = e.getMessage();
        if (m == null || !m.contains("dev.wengert.")) {
            return e; // not ours: the user's own error, unchanged
        }
        return new IllegalArgumentException("f combined forward mode's " + type.getSimpleName() + "s with a number"
                + " of another kind (" + m + "): a number kept from another computation — a reverse-mode"
                + " recording's Var, say — cannot take part in a forward-mode pass", e);
    }
}
