package dev.wengert.reverse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.reverse.Recording;
import dev.wengert.reverse.Tape;
import dev.wengert.reverse.TapeView;
import dev.wengert.reverse.Var;
import dev.wengert.reverse.testing.TextbookSweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every form of the tangent and adjoint kernels — scalar and block, on the identity slot map
 * (reverse mode's whole-tape sweeps, mixed mode's direct sweeps) and on a compiled slot map (mixed
 * mode's segment programs: slots read through index arrays parallel to the tape's operand slots) —
 * against the textbook loops written here over the public {@link TapeView}, bit for bit, for
 * w ∈ {1, 2, 3, 7, 64, 130} directions, on recordings with one-operand, two-operand, both kinds of
 * linear-combination, constant-operand and repeated-operand (x·x) entries, and with ±∞ and NaN
 * partials on paths that carry no derivative (the zero rule).
 */
class KernelTextbookTest {

    private static final int[] WIDTHS = {1, 2, 3, 7, 64, 130};

    // ------------------------------------------------------------------ recordings

    /** Every kind of entry, constants among the operands, x·x, and ±∞/NaN partials on zero paths. */
    static Recording allKinds() {
        Tape tape = new Tape();
        Var[] x = tape.inputs(0.7, -1.3, 2.1, 0.4);
        Var three = tape.constant(3.0);
        Var xy = x[0].multiply(x[1]);                       // two operands
        Var xx = x[0].multiply(x[0]);                       // a repeated operand
        Var cx = three.multiply(x[2]);                      // a constant operand
        Var sin = x[1].sin();                               // unary
        Var pow = x[2].pow(2.5);                            // parametric
        Var shifted = xy.add(2.0);                          // binary with a constant
        Var lcVar = xy.linearCombination(new Var[] {xy, xx, cx, three}, new Var[] {sin, pow, x[0], x[3]});
        Var lcFixed = xy.linearCombination(xx, sin, cx, x[3]);
        Var lcConst = xy.linearCombination(new double[] {1.5, -2, 0.25}, new Var[] {shifted, lcVar, xx});
        Var zero = x[0].subtract(x[0]);                     // value 0, tangent 0 in every direction
        Var root = zero.sqrt();                             // partial +∞ on a zero path
        Var ratio = zero.divide(zero);                      // partials ∞ and NaN on a zero path
        Var dead = ratio.multiply(0.0);                     // partial 0: no adjoint reaches ratio
        Var y0 = lcConst.add(root.multiply(0.0)).add(dead);
        Var y1 = lcFixed.multiply(sin).subtract(x[3].multiply(x[3]));
        Var y2 = xx.multiply(xx).add(cx.exp());
        return tape.record(y0, y1, y2, sin);
    }

    /**
     * Zero partials meeting infinite adjoints: √ at 0 sends +∞ back into a linear combination with
     * a zero coefficient, into a product whose other factor is 0, and into one unary entry; the
     * zero rule makes those terms 0 (x₀'s adjoint stays finite).
     */
    static Recording zeroPartials() {
        Tape tape = new Tape();
        Var[] x = tape.inputs(0.7, 0.2);
        Var zero = x[1].subtract(x[1]);
        Var lcArray = x[0].linearCombination(new double[] {0.0, 1.0}, new Var[] {x[0], zero});
        Var lcFixed = x[0].linearCombination(0.0, x[0], 1.0, zero);
        Var product = x[0].multiply(zero);
        Var scaled = x[0].multiply(0.0).add(zero);
        return tape.record(lcArray.sqrt(), lcFixed.sqrt(), product.sqrt(), scaled.sqrt());
    }

    /** A random layered program of 400 entries over 6 inputs, every kind drawn at random. */
    static Recording randomProgram(long seed) {
        Random random = new Random(seed);
        Tape tape = new Tape();
        List<Var> pool = new ArrayList<>(List.of(tape.inputs(0.3, -0.8, 1.1, 0.5, -1.7, 2.2)));
        pool.add(tape.constant(-0.6));
        for (int e = 0; e < 400; e++) {
            Var a = pool.get(pool.size() - 1 - random.nextInt(Math.min(pool.size(), 12)));
            Var b = pool.get(random.nextInt(pool.size()));
            Var v = switch (random.nextInt(8)) {
                case 0 -> a.multiply(b);
                case 1 -> a.add(b).sin();
                case 2 -> a.multiply(a);
                case 3 -> a.linearCombination(new Var[] {a, b}, new Var[] {b, pool.get(random.nextInt(pool.size()))});
                case 4 -> a.linearCombination(new double[] {0.5, -1.25, 2}, new Var[] {a, b, a});
                case 5 -> a.subtract(b).tanh();
                case 6 -> a.multiply(0.9).add(0.1);
                default -> a.hypot(b);
            };
            pool.add(v);
        }
        int m = 5;
        Var[] y = new Var[m];
        for (int r = 0; r < m; r++) {
            y[r] = pool.get(pool.size() - 1 - 37 * r);
        }
        return tape.record(y);
    }

    // ------------------------------------------------------------------ slot maps

    /** A shuffle of the slots 0..size−1. */
    static int[] permutation(int size, Random random) {
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** A compiled map: entry i in slot perm[i], operands read through index arrays. */
    static SlotMap compiled(Entries e, int first, int[] perm) {
        int size = e.size;
        int[] entrySlot = new int[size - first];
        int[] argSlot = new int[2 * (size - first)];
        for (int i = first; i < size; i++) {
            entrySlot[i - first] = perm[i];
            int kind = e.kind(i);
            if (kind == OpCodes.ONE || kind == OpCodes.TWO) {
                argSlot[2 * (i - first)] = perm[e.args[2 * i]];
            }
            if (kind == OpCodes.TWO) {
                argSlot[2 * (i - first) + 1] = perm[e.args[2 * i + 1]];
            }
        }
        int[] narySlot = new int[e.naryArgs.length];
        for (int k = 0; k < narySlot.length; k++) {
            narySlot[k] = perm[e.naryArgs[k]];
        }
        return SlotMap.compiled(first, size, entrySlot, argSlot, narySlot, 0, size);
    }

    // ------------------------------------------------------------------ checks

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + " (" + expected + " vs " + actual + ")");
    }

    /** Seeds with zeros in places (and a direction of all zeros), so the block ranges are exercised. */
    private static double[][] directions(int count, int length, Random random) {
        double[][] d = new double[count][length];
        for (int c = 0; c < count; c++) {
            if (c % 11 == 5) {
                continue;
            }
            for (int j = 0; j < length; j++) {
                d[c][j] = random.nextInt(3) == 0 ? 0 : random.nextGaussian();
            }
        }
        return d;
    }

    private static void checkTangents(Recording rec, String name, Random random) {
        TapeView view = rec.view();
        Entries e = Entries.of(rec);
        int n = view.inputCount();
        SlotMap identity = SlotMap.identity(e, e.leaves, e.size);
        int[] perm = permutation(e.size, random);
        SlotMap compiled = compiled(e, e.leaves, perm);
        for (int w : WIDTHS) {
            double[][] seeds = directions(w, n, random);
            double[][] expected = new double[w][];
            for (int c = 0; c < w; c++) {
                expected[c] = TextbookSweeps.tangents(view, seeds[c]);
            }
            for (boolean shuffle : new boolean[] {false, true}) {
                SlotMap map = shuffle ? compiled : identity;
                String form = name + (shuffle ? ", compiled map" : ", identity map") + ", w = " + w;
                double[] t = new double[e.size * w];
                int[] lo = new int[e.size];
                int[] hi = new int[e.size];
                for (int j = 0; j < n; j++) {
                    int slot = shuffle ? perm[view.inputIndex(j)] : view.inputIndex(j);
                    int a = w;
                    int b = 0;
                    for (int c = 0; c < w; c++) {
                        t[slot * w + c] = seeds[c][j];
                        if (seeds[c][j] != 0) {
                            a = Math.min(a, c);
                            b = c + 1;
                        }
                    }
                    lo[slot] = a < b ? a : 0;
                    hi[slot] = a < b ? b : 0;
                }
                TangentKernel.block(e, map, t, w, lo, hi);
                for (int c = 0; c < w; c++) {
                    double[] one = new double[e.size];
                    for (int j = 0; j < n; j++) {
                        one[shuffle ? perm[view.inputIndex(j)] : view.inputIndex(j)] = seeds[c][j];
                    }
                    TangentKernel.scalar(e, map, one);
                    for (int i = e.leaves; i < e.size; i++) {
                        int slot = shuffle ? perm[i] : i;
                        boolean inRange = c >= lo[slot] && c < hi[slot];
                        double block = inRange ? t[slot * w + c] : 0;
                        assertBits(expected[c][i], one[slot], form + ", scalar, direction " + c + ", v" + i);
                        assertBits(expected[c][i], block, form + ", block, direction " + c + ", v" + i);
                    }
                }
            }
        }
    }

    private static void checkAdjoints(Recording rec, String name, Random random) {
        TapeView view = rec.view();
        Entries e = Entries.of(rec);
        int m = view.outputCount();
        SlotMap identity = SlotMap.identity(e, e.leaves, e.size);
        int[] perm = permutation(e.size, random);
        SlotMap compiled = compiled(e, e.leaves, perm);
        for (int w : WIDTHS) {
            double[][] weights = directions(w, m, random);
            double[][] expected = new double[w][];
            for (int c = 0; c < w; c++) {
                expected[c] = TextbookSweeps.adjoints(view, weights[c]);
            }
            for (boolean shuffle : new boolean[] {false, true}) {
                SlotMap map = shuffle ? compiled : identity;
                String form = name + (shuffle ? ", compiled map" : ", identity map") + ", w = " + w;
                double[] a = new double[e.size * w];
                for (int r = 0; r < m; r++) {
                    int slot = shuffle ? perm[view.outputIndex(r)] : view.outputIndex(r);
                    for (int c = 0; c < w; c++) {
                        a[slot * w + c] += weights[c][r];
                    }
                }
                AdjointKernel.block(e, map, a, w);
                for (int c = 0; c < w; c++) {
                    double[] one = new double[e.size];
                    for (int r = 0; r < m; r++) {
                        one[shuffle ? perm[view.outputIndex(r)] : view.outputIndex(r)] += weights[c][r];
                    }
                    AdjointKernel.scalar(e, map, one, e.size - 1);
                    // a compiled map zeroes each entry's slot once propagated: compare the leaves
                    // there, every entry on the identity map
                    for (int i = 0, to = shuffle ? e.leaves : e.size; i < to; i++) {
                        int slot = shuffle ? perm[i] : i;
                        assertBits(expected[c][i], one[slot], form + ", scalar, direction " + c + ", v" + i);
                        assertBits(expected[c][i], a[slot * w + c], form + ", block, direction " + c + ", v" + i);
                    }
                }
            }
        }
    }

    @Test
    void tangentKernelsEqualTheTextbookLoopBitForBitInEveryFormAndWidth() {
        Random random = new Random(11);
        checkTangents(allKinds(), "allKinds", random);
        checkTangents(zeroPartials(), "zeroPartials", random);
        for (long seed = 1; seed <= 3; seed++) {
            checkTangents(randomProgram(seed), "random program " + seed, random);
        }
    }

    @Test
    void adjointKernelsEqualTheTextbookLoopBitForBitInEveryFormAndWidth() {
        Random random = new Random(12);
        checkAdjoints(allKinds(), "allKinds", random);
        checkAdjoints(zeroPartials(), "zeroPartials", random);
        for (long seed = 1; seed <= 3; seed++) {
            checkAdjoints(randomProgram(seed), "random program " + seed, random);
        }
    }

    @Test
    void infiniteAndNaNPartialsOnZeroPathsContributeNothing() {
        Recording rec = allKinds();
        TapeView view = rec.view();
        boolean infinite = false;
        boolean nan = false;
        for (int i = 0; i < view.size(); i++) {
            for (int k = 0; k < view.arity(i); k++) {
                infinite |= Double.isInfinite(view.partial(i, k));
                nan |= Double.isNaN(view.partial(i, k));
            }
        }
        assertTrue(infinite && nan, "the recording has ±∞ and NaN partials");
        Entries e = Entries.of(rec);
        double[] t = new double[e.size];
        for (int j = 0; j < view.inputCount(); j++) {
            t[view.inputIndex(j)] = 1;
        }
        TangentKernel.scalar(e, SlotMap.identity(e, e.leaves, e.size), t);
        for (int r = 0; r < view.outputCount(); r++) {
            assertTrue(Double.isFinite(t[view.outputIndex(r)]), "output " + r + " tangent " + t[view.outputIndex(r)]);
        }
        double[] a = new double[e.size];
        for (int r = 0; r < view.outputCount(); r++) {
            a[view.outputIndex(r)] = 1;
        }
        AdjointKernel.scalar(e, SlotMap.identity(e, e.leaves, e.size), a, e.size - 1);
        for (int j = 0; j < view.inputCount(); j++) {
            assertTrue(Double.isFinite(a[view.inputIndex(j)]), "input " + j + " adjoint " + a[view.inputIndex(j)]);
        }
    }
}
