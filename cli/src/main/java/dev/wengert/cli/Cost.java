package dev.wengert.cli;

import java.util.Locale;

/**
 * The cost of a mode on an expression, estimated from its size before it runs, so that {@code diff}
 * can skip what is out of reach (with a note saying why) and report progress on what is slow.
 *
 * <p>Work is counted in elementary operations times directions, W = ops · (directions):
 * <ul>
 *   <li>Jacobian: forward ops·n (n tangents), reverse ops·m (m adjoint sweeps), mixed
 *       ops·min(n, m), finite differences 13·n·ops (13 evaluations per input with the step
 *       halved once), DerivativeStructure ops·(n + 1) (n + 1 coefficients per number);</li>
 *   <li>Hessian: forward (hyper-dual) 4·ops·n(n+1)/2, reverse and mixed 6·ops·n (n tangent and
 *       second-order adjoint sweeps), finite differences 9·ops·n(n+1)/2, DerivativeStructure of
 *       order 2 ops·c·(n + 2) with c = (n+1)(n+2)/2 coefficients per number.</li>
 * </ul>
 * Memory: DerivativeStructure keeps c (order 2) or n + 1 (order 1) doubles for each of the ops
 * values the expression holds, and commons-math3's {@code DSCompiler} caches a compiler for every
 * parameter count up to n, each with an index table of c·p ints: about 4·n³/3 bytes at order 1
 * (10 GB at n = 2000, which is where it ran out of memory) and 4·n⁴/8 at order 2. A mode whose work exceeds {@link #OUT_OF_REACH} (minutes on a
 * laptop) or whose memory exceeds half the heap is out of reach.
 */
final class Cost {

    /** Work beyond which a mode is skipped: about 10¹⁰ operations is minutes of one core. */
    static final double OUT_OF_REACH = 1e10;
    /** Work beyond which progress is reported and the mode is timed once, not repeatedly. */
    static final double SLOW = 5e7;

    final double work;
    final double bytes;
    final String why;

    private Cost(double work, double bytes, String why) {
        this.work = work;
        this.bytes = bytes;
        this.why = why;
    }

    /**
     * @param key a mode's short name (forward, reverse, mixed, fd, ds)
     * @param ops the expression's operations
     * @param n inputs
     * @param m outputs
     * @param hessian whether the Hessian is wanted too
     * @return the estimate
     */
    static Cost of(String key, long ops, int n, int m, boolean hessian) {
        double pairs = 0.5 * n * (n + 1.0);
        double coefficients = hessian ? 0.5 * (n + 1.0) * (n + 2.0) : n + 1.0;
        switch (key) {
            case "forward":
                return hessian ? new Cost(ops * (n + 4 * pairs), 0, String.format(Locale.ROOT,
                        "%s hyper-dual passes over %d operations", count(pairs), ops))
                        : new Cost((double) ops * n, 0, n + " tangents over " + ops + " operations");
            case "reverse":
            case "mixed":
                return new Cost(ops * ((double) Math.min(key.equals("mixed") ? n : m, m) + (hessian ? 6.0 * n : 0)),
                        0, (hessian ? n + " second-order adjoint sweeps" : m + " sweeps") + " over " + ops + " operations");
            case "fd":
                return new Cost(ops * (13.0 * n + (hessian ? 9 * pairs : 0)), 0,
                        hessian ? String.format(Locale.ROOT, "%s stencils of 9 evaluations of %d operations",
                                count(pairs), ops)
                                : String.format(Locale.ROOT, "%s evaluations of %d operations", count(13.0 * n), ops));
            default:
                double work = ops * coefficients * (hessian ? n + 2.0 : 2.0);
                double compilers = hessian ? 0.5 * Math.pow(n, 4) : 4.0 / 3 * Math.pow(n, 3);
                return new Cost(work, 8 * coefficients * ops + compilers, String.format(Locale.ROOT,
                        "%s coefficients per number (order %d), for each of %d operations, and DSCompiler's tables for "
                                + "%d parameters", count(coefficients), hessian ? 2 : 1, ops, n));
        }
    }

    /**
     * @param maxMemory the heap's limit in bytes
     * @return why the mode is out of reach, or null if it is not
     */
    String outOfReach(long maxMemory) {
        if (bytes > maxMemory / 2.0) {
            return String.format(Locale.ROOT, "needs about %s of memory (%s), more than half the heap (%s)",
                    size(bytes), why, size(maxMemory));
        }
        if (work > OUT_OF_REACH) {
            return String.format(Locale.ROOT, "about %.0e operations (%s), minutes or hours", work, why);
        }
        return null;
    }

    private static String count(double c) {
        return c < 1e6 ? String.format(Locale.ROOT, "%,.0f", c) : String.format(Locale.ROOT, "%.1e", c);
    }

    private static String size(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
