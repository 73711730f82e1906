package dev.wengert.mixed;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * The Jacobian by one pure mode over the whole tape, written straight into the m × n result: the
 * path a plan takes when its predicted cost equals pure forward's (or pure reverse's), so mixed
 * mode then costs what that pure mode costs, with no seed or intermediate matrix.
 * <ul>
 *   <li><b>forward</b>: the live inputs j<sub>0</sub> &lt; j<sub>1</sub> &lt; … are swept in blocks
 *       of w directions, direction c seeded with e<sub>j<sub>c</sub></sub>; output r's tangent in
 *       direction c is J<sub>r, j<sub>c</sub></sub>;</li>
 *   <li><b>reverse</b>: the live outputs are swept back in blocks, direction c seeded with
 *       e<sub>c</sub> on the c-th live output; input j's adjoint is J<sub>r, j</sub> for every
 *       output r that is that entry (an entry may be several outputs).</li>
 * </ul>
 * Inputs no output depends on give zero columns, passive outputs zero rows. Each direction's
 * arithmetic is the same whatever block it falls in and each block writes its own columns (rows),
 * so the result is bit-identical whatever the parallelism.
 */
final class PureSweeps {

    private PureSweeps() {
    }

    /**
     * @param g the graph
     * @param whole the whole tape as one program (live-in: the live inputs; live-out: the live outputs)
     * @param tangent true for tangent sweeps over the inputs, false for adjoint sweeps over the outputs
     * @param executor where blocks of directions run
     * @return the Jacobian, m rows of n columns
     */
    static double[][] jacobian(LinearizedGraph g, SegmentProgram whole, boolean tangent, Executor executor) {
        int m = g.outputs.length;
        double[][] jacobian = new double[m][g.inputs];
        int[] columns = whole.liveIn;
        int[] rows = whole.liveOut;
        int[] position = new int[m];
        for (int r = 0; r < m; r++) {
            position[r] = Arrays.binarySearch(rows, g.outputs[r]);
        }
        if (tangent) {
            int nc = columns.length;
            Parallel.run(executor, nc, whole.slots(), (from, to) -> {
                int w = to - from;
                if (w > SegmentProgram.NARROW) {
                    // unit seeds without a seed matrix; only each output's range of nonzero
                    // directions is written (the rest of the row is already 0)
                    int[] lo = new int[rows.length];
                    int[] hi = new int[rows.length];
                    double[] t = whole.tangentUnit(from, w, lo, hi);
                    for (int r = 0; r < m; r++) {
                        int pos = position[r];
                        if (pos >= 0) {
                            double[] row = jacobian[r];
                            for (int c = lo[pos]; c < hi[pos]; c++) {
                                row[columns[from + c]] = t[pos * w + c];
                            }
                        }
                    }
                    return;
                }
                double[] seeds = new double[nc * w];
                for (int c = 0; c < w; c++) {
                    seeds[(from + c) * w + c] = 1;
                }
                double[] t = whole.tangent(seeds, w);
                for (int r = 0; r < m; r++) {
                    int pos = position[r];
                    if (pos >= 0) {
                        double[] row = jacobian[r];
                        for (int c = 0; c < w; c++) {
                            row[columns[from + c]] = t[pos * w + c];
                        }
                    }
                }
            });
        } else {
            int nr = rows.length;
            int nc = columns.length;
            Parallel.run(executor, nr, whole.slots(), (from, to) -> {
                int w = to - from;
                double[] seeds = new double[nr * w];
                for (int c = 0; c < w; c++) {
                    seeds[(from + c) * w + c] = 1;
                }
                double[] a = whole.adjoint(seeds, w);
                for (int r = 0; r < m; r++) {
                    int pos = position[r];
                    if (pos >= from && pos < to) {
                        double[] row = jacobian[r];
                        int c = pos - from;
                        for (int q = 0; q < nc; q++) {
                            row[columns[q]] = a[q * w + c];
                        }
                    }
                }
            });
        }
        return jacobian;
    }
}
