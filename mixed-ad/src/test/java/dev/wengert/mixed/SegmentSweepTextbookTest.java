package dev.wengert.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.Families;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.Tape;
import dev.wengert.reverse.TapeView;
import dev.wengert.reverse.Var;
import dev.wengert.reverse.testing.TextbookSweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mixed mode's sweeps — compiled segment programs (slots allocated by live intervals, passive
 * operands in a zero slot, dead code skipped) and direct sweeps (the identity slot map) — chained
 * through the segments of a cut recording, against the textbook tangent and adjoint loops over the
 * public {@link TapeView}, bit for bit, for w ∈ {1, 2, 3, 7, 64, 130}. The adjoint chain adds each
 * value's contributions in decreasing entry order, segment after segment, as the textbook loop
 * does, so even the sums agree to the last bit.
 */
class SegmentSweepTextbookTest {

    private static final int[] WIDTHS = {1, 2, 3, 7, 64, 130};

    /** A random program with constants among the operands, x·x, linear combinations and dead code. */
    static Recording randomProgram(long seed) {
        Random random = new Random(seed);
        Tape tape = new Tape();
        List<Var> pool = new ArrayList<>(List.of(tape.inputs(0.3, -0.8, 1.1, 0.5, -1.7, 2.2, 0.9, -0.4)));
        Var c = tape.constant(1.25);
        for (int e = 0; e < 600; e++) {
            Var a = pool.get(pool.size() - 1 - random.nextInt(Math.min(pool.size(), 9)));
            Var b = pool.get(random.nextInt(pool.size()));
            Var v = switch (random.nextInt(8)) {
                case 0 -> a.multiply(b);
                case 1 -> a.add(b).sin();
                case 2 -> a.multiply(a);
                case 3 -> c.multiply(a).add(b);
                case 4 -> a.linearCombination(new double[] {0.5, -1.25, 2}, new Var[] {a, b, c});
                case 5 -> a.linearCombination(new Var[] {a, c}, new Var[] {b, a});
                case 6 -> a.subtract(b).tanh();
                default -> a.multiply(0.9).add(0.1);
            };
            pool.add(v);
            if (random.nextInt(10) == 0) {
                b.exp();                                   // dead code
            }
        }
        Var[] y = new Var[6];
        for (int r = 0; r < y.length; r++) {
            y[r] = pool.get(pool.size() - 1 - 53 * r);
        }
        return tape.record(y);
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + " (" + expected + " vs " + actual + ")");
    }

    private static Sweep sweep(LinearizedGraph g, Cutter.Chain chain, int s, boolean direct) {
        int[] b = chain.bounds();
        int[][] live = chain.liveSets();
        return direct ? new DirectSweep(g, b[s], b[s + 1], live[s], live[s + 1])
                : new SegmentProgram(g, b[s], b[s + 1], live[s], live[s + 1], new int[g.size()]);
    }

    private static void check(Recording rec, String name, Random random) {
        TapeView view = rec.view();
        LinearizedGraph g = Recordings.linearize(rec);
        int[] cuts = Cutter.chooseCuts(g.live, g.inputs, 4);
        Cutter.Chain chain = Cutter.chain(g, Cutter.lastUse(g), cuts);
        int segments = chain.length();
        assertTrue(segments >= 2, name + ": " + segments + " segments");
        int n = view.inputCount();
        int m = view.outputCount();
        int[] first = chain.liveSets()[0];
        int[] last = chain.liveSets()[segments];
        for (int w : WIDTHS) {
            double[][] seeds = new double[w][n];
            double[][] weights = new double[w][m];
            for (int c = 0; c < w; c++) {
                for (int j = 0; j < n; j++) {
                    seeds[c][j] = random.nextInt(4) == 0 ? 0 : random.nextGaussian();
                }
                for (int r = 0; r < m; r++) {
                    weights[c][r] = random.nextInt(4) == 0 ? 0 : random.nextGaussian();
                }
            }
            double[][] tangents = new double[w][];
            double[][] adjoints = new double[w][];
            for (int c = 0; c < w; c++) {
                tangents[c] = TextbookSweeps.tangents(view, seeds[c]);
                adjoints[c] = TextbookSweeps.adjoints(view, weights[c]);
            }
            for (boolean direct : new boolean[] {false, true}) {
                String form = name + (direct ? ", direct" : ", compiled") + ", w = " + w;
                // tangents: L(n) seeded from the inputs, pushed through every segment
                double[] t = new double[first.length * w];
                for (int s = 0; s < first.length; s++) {
                    for (int c = 0; c < w; c++) {
                        t[s * w + c] = seeds[c][first[s]];
                    }
                }
                for (int s = 0; s < segments; s++) {
                    t = sweep(g, chain, s, direct).tangent(t, w);
                }
                for (int r = 0; r < last.length; r++) {
                    for (int c = 0; c < w; c++) {
                        assertBits(tangents[c][last[r]], t[r * w + c], form + ", tangent of v" + last[r] + ", direction " + c);
                    }
                }
                // adjoints: L(N) seeded with the output weights, pulled back through every segment
                double[] a = new double[last.length * w];
                for (int r = 0; r < m; r++) {
                    int pos = java.util.Arrays.binarySearch(last, view.outputIndex(r));
                    for (int c = 0; c < w && pos >= 0; c++) {
                        a[pos * w + c] += weights[c][r];
                    }
                }
                for (int s = segments - 1; s >= 0; s--) {
                    a = sweep(g, chain, s, direct).adjoint(a, w);
                }
                for (int q = 0; q < first.length; q++) {
                    for (int c = 0; c < w; c++) {
                        assertBits(adjoints[c][first[q]], a[q * w + c], form + ", adjoint of v" + first[q] + ", direction " + c);
                    }
                }
            }
        }
    }

    @Test
    void segmentSweepsChainedThroughACutRecordingEqualTheTextbookLoopsBitForBit() {
        Random random = new Random(21);
        ReverseMode reverse = new ReverseMode();
        check(reverse.record(Families.bottleneck(2), Families.point(40, 1)), "bottleneck", random);
        for (long seed = 1; seed <= 3; seed++) {
            check(randomProgram(seed), "random program " + seed, random);
        }
    }
}
