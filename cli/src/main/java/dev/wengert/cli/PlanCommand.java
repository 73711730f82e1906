package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import dev.wengert.mixed.JacobianPlan;
import dev.wengert.mixed.MixedMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wengert plan}: mixed mode's Jacobian plan for an expression at a point — the segments
 * with their fan-in, fan-out and sweep mode, the chosen operations in order with their costs,
 * and the predicted cost against pure forward and pure reverse mode ({@link JacobianPlan#explain()}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show mixed mode's Jacobian plan for EXPR at a point: the tape cut into segments "
                + "(fan-in, fan-out, tangent or adjoint sweeps), the operations in order with their costs, "
                + "and the predicted cost against pure forward and pure reverse mode.",
            "Costs are multiply-adds: a sweep over a segment costs its edge count; a product of an "
                    + "m x k by a k x n matrix costs m*k*n."},
        footer = {"", "Examples:", "  wengert plan 'x*y + x^2' --at x=2,y=3",
            "  wengert plan 's = x + y + z; sin(s); cos(s); exp(s)' --at x=1,y=2,z=3",
            "  wengert plan 's = x + y + z; sin(s); cos(s); exp(s)' --at x=1,y=2,z=3 --check", ""})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExpressionArgs args;

    @Option(names = "--check", description = "Also execute the plan and compare its Jacobian with finite differences.")
    boolean check;

    @Override
    public Integer call() {
        Expression e = args.expression();
        double[] x = args.point();
        JacobianPlan plan = new MixedMode().plan(e, x);
        PrintWriter out = spec.commandLine().getOut();
        out.println(args.heading(x));
        out.print(plan.explain());
        if (check) {
            double[][] j = plan.jacobian();
            double[][] ref = Modes.named("fd").jacobian(e, x);
            out.println("executed: " + j.length + " x " + x.length + " Jacobian, max rel. diff vs fd "
                    + Fmt.sci(DiffCommand.maxRelDiff(j, ref)));
        }
        out.flush();
        return 0;
    }
}
