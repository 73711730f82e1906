package dev.wengert.mixed;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Executes the steps of a plan ({@link ChainPlanner#steps()}) with a stack of dense matrices.
 * Each sweeping step has one {@link Sweep} over the whole range of segments it sweeps (a
 * {@link DirectSweep} for at most {@link SegmentProgram#NARROW} directions, else a compiled
 * {@link SegmentProgram}), so a push or pull through several segments is one sweep over their
 * entries, and values merely passed through cost nothing:
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
 * run in blocks on the executor ({@link Parallel}). A plan ending in a product writes it straight
 * into the Jacobian's rows ({@link #multiplyInto}).
 */
final class PlanExecutor {

    /** A dense matrix, row-major. */
    record Matrix(int rows, int columns, double[] data) {
    }

    private PlanExecutor() {
    }

    /**
     * Executes the first {@code count} steps.
     *
     * @param steps the plan
     * @param programs the sweep of each sweeping step (null for a product)
     * @param count how many steps to execute
     * @param executor where independent sweeps run
     * @return the stack of matrices they leave, bottom first (F′, |L(N)| × |L(n)|, alone after all steps)
     */
    static Matrix[] execute(List<ChainPlanner.Step> steps, Sweep[] programs, int count, Executor executor) {
        Matrix[] stack = new Matrix[count + 1];
        int top = 0;
        for (int k = 0; k < count; k++) {
            ChainPlanner.Step step = steps.get(k);
            Sweep program = programs[k];
            switch (step.kind()) {
                case TANGENT -> stack[top++] = push(program, identity(program.fanIn()), executor);
                case ADJOINT -> stack[top++] = pull(program, identity(program.fanOut()), executor);
                case MULTIPLY -> {
                    Matrix a = stack[--top];
                    Matrix b = stack[--top];
                    stack[top++] = multiply(a, b, executor);
                }
                case PUSH -> {
                    Matrix b = stack[--top];
                    stack[top++] = push(program, b, executor);
                }
                case PULL -> {
                    Matrix a = stack[--top];
                    stack[top++] = pull(program, a, executor);
                }
                default -> throw new IllegalStateException(step.toString());
            }
        }
        return java.util.Arrays.copyOf(stack, top);
    }

    static Matrix identity(int size) {
        double[] data = new double[size * size];
        for (int d = 0; d < size; d++) {
            data[d * size + d] = 1;
        }
        return new Matrix(size, size, data);
    }

    /** Sweeps the columns of b (fan-in rows) as tangents through the program. */
    static Matrix push(Sweep program, Matrix b, Executor executor) {
        int w = b.columns();
        int rows = program.fanOut();
        double[] result = new double[rows * w];
        Parallel.run(executor, w, program.slots(), (from, to) -> {
            int cw = to - from;
            double[] t;
            if (cw == w) {
                t = program.tangent(b.data(), w);
            } else {
                double[] seeds = new double[b.rows() * cw];
                for (int r = 0; r < b.rows(); r++) {
                    System.arraycopy(b.data(), r * w + from, seeds, r * cw, cw);
                }
                t = program.tangent(seeds, cw);
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(t, r * cw, result, r * w + from, cw);
            }
        });
        return new Matrix(rows, w, result);
    }

    /** Sweeps the rows of a (fan-out columns) as adjoints back through the program. */
    static Matrix pull(Sweep program, Matrix a, Executor executor) {
        int w = a.rows();
        int mk = a.columns();
        int columns = program.fanIn();
        double[] result = new double[w * columns];
        Parallel.run(executor, w, program.slots(), (from, to) -> {
            int cw = to - from;
            double[] t = new double[mk * cw];
            for (int c = 0; c < cw; c++) {
                for (int r = 0; r < mk; r++) {
                    t[r * cw + c] = a.data()[(from + c) * mk + r];
                }
            }
            t = program.adjoint(t, cw);
            for (int c = 0; c < cw; c++) {
                for (int q = 0; q < columns; q++) {
                    result[(from + c) * columns + q] = t[q * cw + c];
                }
            }
        });
        return new Matrix(w, columns, result);
    }

    /**
     * A·B written straight into the rows of a Jacobian: row {@code rowOf[r]} of A·B into
     * {@code jacobian[r]} (left zero where rowOf[r] &lt; 0), its column c at {@code columns[c]} (at c
     * itself when columns is null). The same arithmetic as {@link #multiply}, element by element,
     * without the intermediate matrix and its copy.
     */
    static void multiplyInto(Matrix a, Matrix b, double[][] jacobian, int[] rowOf, int[] columns, Executor executor) {
        int inner = a.columns();
        int width = b.columns();
        if (inner != b.rows()) {
            throw new IllegalStateException("cannot multiply " + a.rows() + "x" + inner + " by " + b.rows() + "x" + width);
        }
        Parallel.run(executor, jacobian.length, width, (from, to) -> {
            double[] scratch = columns == null ? null : new double[width];
            for (int r = from; r < to; r++) {
                int row = rowOf[r];
                if (row < 0) {
                    continue;
                }
                double[] out = scratch == null ? jacobian[r] : scratch;
                if (scratch != null) {
                    java.util.Arrays.fill(scratch, 0);
                }
                accumulateRow(a.data(), row * inner, inner, b.data(), width, out, 0);
                if (scratch != null) {
                    double[] target = jacobian[r];
                    for (int c = 0; c < width; c++) {
                        target[columns[c]] = scratch[c];
                    }
                }
            }
        });
    }

    /**
     * out[at .. at + columns) += A's row {@code a[offset .. offset + inner)} · B. A zero entry of A is
     * skipped; a non-finite one multiplies only the nonzero entries of B's row.
     */
    private static void accumulateRow(double[] a, int offset, int inner, double[] b, int columns, double[] out, int at) {
        for (int q = 0; q < inner; q++) {
            double x = a[offset + q];
            int in = q * columns;
            if (x != 0 && Double.isFinite(x)) {
                // x·0 = ±0 adds nothing to a sum started at +0: the same bits as skipping
                for (int c = 0; c < columns; c++) {
                    out[at + c] += x * b[in + c];
                }
            } else if (x != 0) {
                for (int c = 0; c < columns; c++) {
                    double y = b[in + c];
                    if (y != 0) {
                        out[at + c] += x * y;
                    }
                }
            }
        }
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
                accumulateRow(a.data(), r * inner, inner, b.data(), columns, result, r * columns);
            }
        });
        return new Matrix(rows, columns, result);
    }
}
