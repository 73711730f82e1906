package dev.wengert.cli;

import dev.wengert.core.Differentiator;
import dev.wengert.core.ScalarFunction;
import dev.wengert.core.VectorFunction;
import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.ReverseMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.RealFieldElement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wengert diff}: the value and Jacobian (and, for one output, the Hessian) of an expression
 * from every chosen mode, each against the finite-difference reference, with its sweeps, recorded
 * operations and time. Formatting is {@link DiffReport}'s.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Differentiate EXPR at a point with several modes and compare them.",
            "Prints the value, the gradient or Jacobian (and with --hessian the Hessian) from each mode, "
                    + "each mode's largest difference from the finite-difference reference r, "
                    + "relative to the reference's largest entry (max |a - r| / max |r|), its sweeps, its recorded operations (tape size; n/a where nothing is recorded) "
                    + "and its median time."},
        footer = {"", "Examples:", "  wengert diff 'x*y + x^2' --at x=2,y=3",
            "  wengert diff 'x*y; sin(x)' --at x=1,y=2 --modes forward,reverse --format json",
            "  wengert diff 'exp(x)*y' --at x=0,y=1 --hessian --format csv", ""})
final class DiffCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionArgs args;

    @Option(names = "--modes", paramLabel = "LIST", defaultValue = "all",
            description = "Modes to compare, separated by commas: forward, reverse, mixed, fd, ds, or all "
                    + "(default: ${DEFAULT-VALUE}). fd is the reference; ds is commons-math3 DerivativeStructure.")
    String modes;

    @Option(names = "--hessian", description = "Also compute the Hessian (EXPR must have one output).")
    boolean hessian;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--no-time", description = "Do not time the modes (faster; the time column shows n/a).")
    boolean noTime;

    /** What one mode gave. */
    record Result(String mode, String name, double[][] jacobian, double[][] hessian, double maxRelDiff,
                  String sweeps, String recorded, double nanos, String error) {

        /** @return whether a NaN in the result (not a missing reference) made maxRelDiff NaN */
        boolean jacobianHasNaN() {
            for (double[][] a : new double[][][] {jacobian, hessian}) {
                if (a != null) {
                    for (double[] row : a) {
                        for (double v : row) {
                            if (Double.isNaN(v)) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }
    }

    @Override
    public Integer call() {
        Expression e = args.expression();
        double[] x = args.point();
        List<Modes.Mode> chosen = Modes.parse(modes);
        if (hessian && e.outputs() != 1) {
            throw new UserError("--hessian needs an expression with one output, but '" + args.text + "' has " + e.outputs());
        }
        long ops = e.size();
        long start = System.nanoTime();
        double[][] refJ = null;
        double[][] refH = null;
        String noReference = null;
        Cost refCost = Cost.of("fd", ops, x.length, e.outputs(), hessian);
        if (refCost.outOfReach(Runtime.getRuntime().maxMemory()) != null) {
            noReference = "the finite-difference reference is out of reach: " + refCost.outOfReach(Runtime.getRuntime().maxMemory());
        } else {
            progress(start, refCost, "the finite-difference reference");
            try {
                refJ = Modes.named("fd").jacobian(e, x);
                refH = hessian ? Modes.named("fd").hessian(e.asScalarFunction(), x) : null;
            } catch (IllegalArgumentException ex) {
                noReference = "no reference: " + ex.getMessage();
            }
        }
        if (noReference != null) {
            args.warn(noReference + "; the column 'max rel. diff vs fd' is empty");
        }
        List<Result> results = new ArrayList<>();
        for (Modes.Mode mode : chosen) {
            Cost cost = Cost.of(mode.key(), ops, x.length, e.outputs(), hessian);
            String skip = cost.outOfReach(Runtime.getRuntime().maxMemory());
            if (skip != null) {
                results.add(new Result(mode.key(), mode.differentiator().name(), null, null, Double.NaN, "", "",
                        Double.NaN, "skipped: " + skip));
                args.warn(mode.key() + " skipped: " + skip);
                continue;
            }
            progress(start, cost, mode.key());
            results.add(run(mode, e, x, refJ, refH, cost.work > Cost.SLOW));
        }
        new DiffReport(args.text, args.heading(x), e, x, e.value(x), hessian, results).print(spec.commandLine().getOut(), format);
        return 0;
    }

    /**
     * One line on stderr before a step that is estimated to be slow, or once the command has
     * already run for more than two seconds.
     */
    private void progress(long start, Cost cost, String what) {
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (cost.work > Cost.SLOW || seconds > 2) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.printf(java.util.Locale.ROOT, "wengert: %.1f s: running %s (about %.0e operations: %s)...%n",
                    seconds, what, cost.work, cost.why);
            err.flush();
        }
    }

    private Result run(Modes.Mode mode, Expression e, double[] x, double[][] refJ, double[][] refH, boolean slow) {
        Differentiator d = mode.differentiator();
        AtomicLong jCalls = new AtomicLong();
        AtomicLong hCalls = new AtomicLong();
        VectorFunction counted = counting(e, jCalls);
        ScalarFunction countedScalar = hessian ? counting(e.asScalarFunction(), hCalls) : null;
        double[][] jac;
        double[][] hes = null;
        long t0 = System.nanoTime();
        try {
            jac = d.jacobian(counted, x);
            if (hessian) {
                hes = d.hessian(countedScalar, x);
            }
        } catch (RuntimeException ex) {
            return new Result(mode.key(), d.name(), null, null, Double.NaN, "", "", Double.NaN,
                    ex instanceof IllegalArgumentException ? ex.getMessage()
                            : ex.getClass().getSimpleName() + ": " + ex.getMessage());
        } catch (OutOfMemoryError ex) {
            return new Result(mode.key(), d.name(), null, null, Double.NaN, "", "", Double.NaN,
                    "out of memory (raise the heap with java -Xmx, or leave this mode out with --modes)");
        }
        long once = System.nanoTime() - t0;
        double worst = mode.key().equals("fd") ? 0 : refJ == null ? Double.NaN
                : Math.max(maxRelDiff(jac, refJ), hes == null || refH == null ? 0 : maxRelDiff(hes, refH));
        String recorded = "n/a";
        if (mode.key().equals("reverse") || mode.key().equals("mixed")) {
            recorded = String.valueOf(new ReverseMode().record(e, x).size());
        }
        double nanos = Double.NaN;
        if (!noTime && slow) {
            nanos = once;   // one run is the measurement: repeating a slow mode would multiply its time
        } else if (!noTime) {
            ScalarFunction scalar = hessian ? e.asScalarFunction() : null;
            boolean withHessian = hessian;
            nanos = Timing.median(() -> {
                double s = d.jacobian(e, x)[0][0];
                return withHessian ? s + d.hessian(scalar, x)[0][0] : s;
            }, 20_000_000L, 5, 2_000_000L);
        }
        return new Result(mode.key(), d.name(), jac, hes, worst,
                sweeps(mode.key(), d, e, x, jCalls.get(), hCalls.get()), recorded, nanos, null);
    }

    private String sweeps(String key, Differentiator d, Expression e, double[] x, long jCalls, long hCalls) {
        int n = x.length;
        int m = e.outputs();
        String j;
        String h = "";
        switch (key) {
            case "forward":
                int chunk = d instanceof ForwardMode ? Math.min(n, ((ForwardMode) d).chunkSize()) : n;
                j = jCalls + (jCalls == 1 ? " pass" : " passes") + " of " + chunk + (chunk == 1 ? " tangent" : " tangents");
                h = hCalls + " hyper-dual " + (hCalls == 1 ? "pass" : "passes");
                break;
            case "reverse":
                j = m + (m == 1 ? " adjoint sweep" : " adjoint sweeps");
                h = n + " tangent + " + n + " second-order adjoint";
                break;
            case "mixed":
                j = MixedInfo.sweeps(e, x);
                h = "as reverse: " + n + " tangent + " + n + " second-order adjoint";
                break;
            case "fd":
                j = jCalls + " evaluations";
                h = hCalls + " evaluations";
                break;
            default:
                j = "1 pass, " + (n + 1) + " coefficients";
                h = "1 pass, " + ((n + 1) * (n + 2) / 2) + " coefficients";
                break;
        }
        return hessian ? j + "; Hessian: " + h : j;
    }

    /**
     * The largest difference relative to the reference's scale: max |a − r| / max |r| over all
     * entries (max |a − r| when r is all zeros). Scale-invariant, and an entry that is exactly 0
     * in one mode and 1e-14 in the reference does not count as a 100 % difference.
     */
    static double maxRelDiff(double[][] a, double[][] r) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (Double.isNaN(a[i][j]) != Double.isNaN(r[i][j])) {
                    return Double.NaN;
                }
                if (a[i][j] != r[i][j] && !Double.isNaN(a[i][j])) {
                    diff = Math.max(diff, Math.abs(a[i][j] - r[i][j]));
                }
                if (Double.isFinite(r[i][j])) {
                    scale = Math.max(scale, Math.abs(r[i][j]));
                }
            }
        }
        return scale == 0 ? diff : diff / scale;
    }

    static VectorFunction counting(VectorFunction f, AtomicLong calls) {
        return new VectorFunction() {
            @Override
            public <T extends RealFieldElement<T>> T[] value(T[] x) {
                calls.incrementAndGet();
                return f.value(x);
            }
        };
    }

    static ScalarFunction counting(ScalarFunction f, AtomicLong calls) {
        return new ScalarFunction() {
            @Override
            public <T extends RealFieldElement<T>> T value(T[] x) {
                calls.incrementAndGet();
                return f.value(x);
            }
        };
    }
}
