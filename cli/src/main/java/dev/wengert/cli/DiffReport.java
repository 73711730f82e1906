package dev.wengert.cli;

import dev.wengert.core.expr.Expression;
import java.io.PrintWriter;
import java.util.List;

/** Prints the results of {@code wengert diff} as text, JSON or CSV. */
final class DiffReport {

    private final String text;
    private final List<String> vars;
    private final double[] x;
    private final double[] value;
    private final boolean hessian;
    private final List<DiffCommand.Result> results;
    private final int m;
    private final String heading;

    DiffReport(String text, String heading, Expression e, double[] x, double[] value, boolean hessian, List<DiffCommand.Result> results) {
        this.text = text;
        this.vars = e.variables();
        this.x = x;
        this.value = value;
        this.hessian = hessian;
        this.results = results;
        this.m = e.outputs();
        this.heading = heading;
    }

    void print(PrintWriter out, DiffCommand.Format format) {
        switch (format) {
            case json -> out.print(json());
            case csv -> out.print(csv());
            default -> out.print(text());
        }
        out.flush();
    }

    private String output(int i) {
        return m == 1 ? "f" : "f" + i;
    }

    String text() {
        StringBuilder b = new StringBuilder(heading).append('\n');
        for (int i = 0; i < m; i++) {
            b.append("value: ").append(output(i)).append(" = ").append(value[i]).append('\n');
        }
        b.append('\n').append(m == 1 ? "gradient" : "Jacobian (" + m + " x " + x.length + ")").append('\n');
        String[] head = new String[x.length + 2];
        head[0] = "mode";
        head[1] = "output";
        for (int j = 0; j < x.length; j++) {
            head[j + 2] = ">d/d" + vars.get(j);
        }
        Table jt = new Table("  ", head);
        StringBuilder notes = new StringBuilder();
        for (DiffCommand.Result r : results) {
            if (r.error() != null) {
                // the reason below the table, so that it does not widen a column
                jt.row(r.mode(), r.error().startsWith("skipped") ? "skipped" : "failed");
                notes.append("  ").append(r.mode()).append(": ").append(failure(r)).append('\n');
                continue;
            }
            for (int i = 0; i < m; i++) {
                jt.row(cells(i == 0 ? r.mode() : "", output(i), r.jacobian()[i]));
            }
        }
        b.append(jt.render()).append(notes);
        if (hessian) {
            b.append('\n').append("Hessian").append('\n');
            String[] hh = head.clone();
            hh[1] = "row";
            Table ht = new Table("  ", hh);
            for (DiffCommand.Result r : results) {
                if (r.hessian() == null) {
                    continue;
                }
                for (int i = 0; i < x.length; i++) {
                    ht.row(cells(i == 0 ? r.mode() : "", "d/d" + vars.get(i), r.hessian()[i]));
                }
            }
            b.append(ht.render());
        }
        b.append('\n');
        Table st = new Table("  ", "mode", "differentiator", ">max rel. diff vs fd", "sweeps", ">recorded ops", ">time");
        for (DiffCommand.Result r : results) {
            if (r.error() != null) {
                st.row(r.mode(), r.name(), r.error().startsWith("skipped") ? "skipped" : "failed");
                continue;
            }
            st.row(r.mode(), r.name(), r.mode().equals("fd") ? "(reference)"
                    : Double.isNaN(r.maxRelDiff()) && !r.jacobianHasNaN() ? "n/a" : Fmt.sci(r.maxRelDiff()), r.sweeps(),
                    r.recorded(), Double.isNaN(r.nanos()) ? "n/a" : Fmt.time(r.nanos()));
        }
        b.append(st.render());
        return b.toString();
    }

    /** @return "skipped: why" as it is, anything else as "failed: what" */
    private static String failure(DiffCommand.Result r) {
        return r.error().startsWith("skipped") ? r.error() : "failed: " + r.error();
    }

    private static String[] cells(String mode, String row, double[] values) {
        String[] c = new String[values.length + 2];
        c[0] = mode;
        c[1] = row;
        for (int j = 0; j < values.length; j++) {
            c[j + 2] = Fmt.num(values[j]);
        }
        return c;
    }

    String json() {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"expression\": ").append(Fmt.json(text)).append(",\n");
        b.append("  \"variables\": [");
        for (int j = 0; j < vars.size(); j++) {
            b.append(j == 0 ? "" : ", ").append(Fmt.json(vars.get(j)));
        }
        b.append("],\n  \"point\": ").append(array(x)).append(",\n");
        b.append("  \"value\": ").append(array(value)).append(",\n");
        b.append("  \"reference\": \"fd\",\n  \"modes\": [");
        for (int k = 0; k < results.size(); k++) {
            DiffCommand.Result r = results.get(k);
            b.append(k == 0 ? "\n" : ",\n").append("    {\"mode\": ").append(Fmt.json(r.mode()))
                    .append(", \"differentiator\": ").append(Fmt.json(r.name()));
            if (r.error() != null) {
                b.append(", \"error\": ").append(Fmt.json(r.error())).append('}');
                continue;
            }
            b.append(", \"jacobian\": ").append(matrix(r.jacobian()));
            if (r.hessian() != null) {
                b.append(", \"hessian\": ").append(matrix(r.hessian()));
            }
            b.append(", \"maxRelDiffVsFd\": ").append(Fmt.json(r.maxRelDiff()))
                    .append(", \"sweeps\": ").append(Fmt.json(r.sweeps()))
                    .append(", \"recordedOps\": ").append(r.recorded().equals("n/a") ? "null" : r.recorded())
                    .append(", \"timeNanos\": ").append(Double.isNaN(r.nanos()) ? "null" : Fmt.json(Math.rint(r.nanos())))
                    .append('}');
        }
        b.append("\n  ]\n}\n");
        return b.toString();
    }

    private static String array(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < v.length; j++) {
            b.append(j == 0 ? "" : ", ").append(Fmt.json(v[j]));
        }
        return b.append(']').toString();
    }

    private static String matrix(double[][] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ", ").append(array(a[i]));
        }
        return b.append(']').toString();
    }

    String csv() {
        StringBuilder b = new StringBuilder("mode,differentiator,max_rel_diff_vs_fd,sweeps,recorded_ops,time_ns");
        for (int i = 0; i < m; i++) {
            for (String v : vars) {
                b.append(",d").append(output(i)).append("/d").append(v);
            }
        }
        if (hessian) {
            for (String v : vars) {
                for (String w : vars) {
                    b.append(",d2f/d").append(v).append('d').append(w);
                }
            }
        }
        b.append('\n');
        for (DiffCommand.Result r : results) {
            b.append(r.mode()).append(',').append(Fmt.csv(r.name()));
            if (r.error() != null) {
                b.append(",,").append(Fmt.csv(failure(r))).append('\n');
                continue;
            }
            b.append(',').append(r.maxRelDiff()).append(',').append(Fmt.csv(r.sweeps())).append(',')
                    .append(r.recorded().equals("n/a") ? "" : r.recorded()).append(',')
                    .append(Double.isNaN(r.nanos()) ? "" : String.valueOf(Math.round(r.nanos())));
            for (double[] row : r.jacobian()) {
                for (double v : row) {
                    b.append(',').append(v);
                }
            }
            if (r.hessian() != null) {
                for (double[] row : r.hessian()) {
                    for (double v : row) {
                        b.append(',').append(v);
                    }
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
