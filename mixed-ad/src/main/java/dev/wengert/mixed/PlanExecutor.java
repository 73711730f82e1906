package dev.wengert.mixed;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Executes the steps of a plan ({@link ChainPlanner#steps()}) with a stack of dense matrices:
 * <ul>
 *   <li>TANGENT s: F′<sub>s</sub> by n<sub>s</sub> tangent sweeps (identity seeds);</li>
 *   <li>ADJOINT s: F′<sub>s</sub> by m<sub>s</sub> adjoint sweeps;</li>
 *   <li>MULTIPLY: pops A = F′<sub>j..k+1</sub> and B = F′<sub>k..i</sub>, pushes A·B;</li>
 *   <li>PUSH: pops B = F′<sub>k..i</sub>, sweeps its columns as tangents through segments
 *       k+1..j, pushes F′<sub>j..i</sub>;</li>
 *   <li>PULL: pops A = F′<sub>j..k+1</sub>, sweeps its rows as adjoints back through segments
 *       k..i, pushes F′<sub>j..i</sub>.</li>
 * </ul>
 * Independent directions (columns of a tangent step, rows of an adjoint step, rows of a product)
 * run in blocks on the executor ({@link Parallel}).
 */
final class PlanExecutor {

    /** A dense matrix, row-major. */
    record Matrix(int rows, int columns, double[] data) {
    }

    private PlanExecutor() {
    }

    /**
     * @param segments the chain
     * @param steps the plan
     * @param executor where independent sweeps run
     * @return F′, |L(N)| × |L(n)|
     */
    static Matrix execute(List<SegmentProgram> segments, List<ChainPlanner.Step> steps, Executor executor) {
        Matrix[] stack = new Matrix[steps.size() + 1];
        int top = 0;
        for (ChainPlanner.Step step : steps) {
            switch (step.kind()) {
                case TANGENT -> {
                    SegmentProgram s = segments.get(step.i());
                    stack[top++] = push(segments, step.i(), step.i() - 1, identity(s.fanIn()), executor);
                }
                case ADJOINT -> {
                    SegmentProgram s = segments.get(step.i());
                    stack[top++] = pull(segments, step.i(), step.i(), identity(s.fanOut()), executor);
                }
                case MULTIPLY -> {
                    Matrix a = stack[--top];
                    Matrix b = stack[--top];
                    stack[top++] = multiply(a, b, executor);
                }
                case PUSH -> {
                    Matrix b = stack[--top];
                    stack[top++] = push(segments, step.j(), step.k(), b, executor);
                }
                case PULL -> {
                    Matrix a = stack[--top];
                    stack[top++] = pull(segments, step.i(), step.k(), a, executor);
                }
                default -> throw new IllegalStateException(step.toString());
            }
        }
        if (top != 1) {
            throw new IllegalStateException("a plan must leave one matrix, but left " + top);
        }
        return stack[0];
    }

    static Matrix identity(int size) {
        double[] data = new double[size * size];
        for (int d = 0; d < size; d++) {
            data[d * size + d] = 1;
        }
        return new Matrix(size, size, data);
    }

    /** Sweeps the columns of b as tangents through segments k+1..j; b has m<sub>k</sub> rows. */
    static Matrix push(List<SegmentProgram> segments, int j, int k, Matrix b, Executor executor) {
        int w = b.columns();
        int rows = segments.get(j).fanOut();
        double[] result = new double[rows * w];
        long slots = 0;
        for (int s = k + 1; s <= j; s++) {
            slots = Math.max(slots, (long) segments.get(s).fanIn() + segments.get(s).ops());
        }
        Parallel.run(executor, w, slots, (from, to) -> {
            int cw = to - from;
            double[] t = new double[b.rows() * cw];
            for (int r = 0; r < b.rows(); r++) {
                System.arraycopy(b.data(), r * w + from, t, r * cw, cw);
            }
            for (int s = k + 1; s <= j; s++) {
                t = segments.get(s).tangent(t, cw);
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(t, r * cw, result, r * w + from, cw);
            }
        });
        return new Matrix(rows, w, result);
    }

    /** Sweeps the rows of a as adjoints back through segments k..i; a has m<sub>k</sub> columns. */
    static Matrix pull(List<SegmentProgram> segments, int i, int k, Matrix a, Executor executor) {
        int w = a.rows();
        int mk = a.columns();
        int columns = segments.get(i).fanIn();
        double[] result = new double[w * columns];
        long slots = 0;
        for (int s = i; s <= k; s++) {
            slots = Math.max(slots, (long) segments.get(s).fanIn() + segments.get(s).ops());
        }
        Parallel.run(executor, w, slots, (from, to) -> {
            int cw = to - from;
            double[] t = new double[mk * cw];
            for (int c = 0; c < cw; c++) {
                for (int r = 0; r < mk; r++) {
                    t[r * cw + c] = a.data()[(from + c) * mk + r];
                }
            }
            for (int s = k; s >= i; s--) {
                t = segments.get(s).adjoint(t, cw);
            }
            for (int c = 0; c < cw; c++) {
                for (int q = 0; q < columns; q++) {
                    result[(from + c) * columns + q] = t[q * cw + c];
                }
            }
        });
        return new Matrix(w, columns, result);
    }

    /** A·B, rows of A in blocks; a zero entry of A or B is skipped, never multiplied. */
    static Matrix multiply(Matrix a, Matrix b, Executor executor) {
        int rows = a.rows();
        int inner = a.columns();
        int columns = b.columns();
        if (inner != b.rows()) {
            throw new IllegalStateException("cannot multiply " + rows + "x" + inner + " by " + b.rows() + "x" + columns);
        }
        double[] result = new double[rows * columns];
        Parallel.run(executor, rows, columns, (from, to) -> {
            for (int r = from; r < to; r++) {
                int out = r * columns;
                for (int q = 0; q < inner; q++) {
                    double x = a.data()[r * inner + q];
                    if (x != 0) {
                        int in = q * columns;
                        for (int c = 0; c < columns; c++) {
                            double y = b.data()[in + c];
                            if (y != 0) {
                                result[out + c] += x * y;
                            }
                        }
                    }
                }
            }
        });
        return new Matrix(rows, columns, result);
    }
}
