package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.core.expr.Expression;
import dev.wengert.forward.ForwardMode;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page of {@code wengert teach} in a real browser (headless Chromium over WebDriver): the
 * seed's examples stepped through by the arrow keys and the buttons, and the numbers the page
 * displays at every step held against {@link ReverseMode}'s gradient, {@link ForwardMode}'s
 * directional derivative and the recording's own tangents and adjoints. Screenshots go to
 * {@code target/teach/}. Without Chromium the tests are skipped with one line; with the
 * environment variable CI set they fail instead.
 */
class TeachBrowserTest {

    static final Path OUT = Path.of("target", "teach");
    static final char RIGHT = '\uE014';
    static final char LEFT = '\uE012';
    static final char HOME = '\uE011';

    static Browser browser;

    @BeforeAll
    static void startChromium() throws Exception {
        Optional<String> missing = Browser.missing();
        if (missing.isPresent()) {
            if (Browser.inCi()) {
                fail("browser tests need Chromium in CI: " + missing.get());
            }
            System.err.println("TeachBrowserTest skipped: " + missing.get());
            Assumptions.abort(missing.get());
        }
        browser = Browser.start(1600, 900);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    record Example(String name, String expr, String at, double[] x) {
    }

    static final List<Example> SEED = List.of(
            new Example("product", "a*b", "a=3,b=4", new double[] {3, 4}),
            new Example("xy", "x*y + x^2", "x=2,y=3", new double[] {2, 3}),
            new Example("two-layer", TeachCommandTest.TWO_LAYER, TeachCommandTest.TWO_LAYER_AT, new double[] {2, 3, 4, 1, 0.5}));

    /** Writes the page with the CLI and opens it. */
    static void open(Example ex, String fragment) throws Exception {
        Path page = OUT.resolve(ex.name() + ".html").toAbsolutePath();
        java.nio.file.Files.createDirectories(OUT);
        Cli r = Cli.run("teach", ex.expr(), "--at", ex.at(), "-o", page.toString());
        assertEquals(0, r.code(), r.toString());
        browser.open("about:blank"); // a new document even where only the fragment differs
        browser.open(page.toUri() + fragment);
    }

    /** @return what the page shows: the counter, the current row, its tangent/adjoint cell, the explanation */
    @SuppressWarnings("unchecked")
    static Map<String, Object> shown() throws Exception {
        return (Map<String, Object>) browser.script(
                "var cur = document.querySelector('#list tr.cur');"
                + "var cells = {};"
                + "document.querySelectorAll('#list tbody tr').forEach(function (tr) {"
                + "  var n = tr.querySelector('td.extra .num'); cells[tr.id] = n ? n.textContent : ''; });"
                + "return {counter: document.getElementById('counter').textContent, row: cur ? cur.id : '',"
                + "  cells: cells, explain: document.getElementById('explain').innerText};");
    }

    static int entry(Map<String, Object> s) {
        String row = (String) s.get("row");
        assertTrue(row.startsWith("row-"), "a current row: " + s);
        return Integer.parseInt(row.substring(4));
    }

    static double cell(Map<String, Object> s, int i) {
        String text = (String) ((Map<?, ?>) s.get("cells")).get("row-" + i);
        assertTrue(text != null && !text.isEmpty(), "row " + i + " shows a number: " + s);
        return Double.parseDouble(text);
    }

    /** The page prints 12 significant digits: |shown − expected| ≤ 1e-11·|expected|. */
    static void assertShown(double expected, double shown, String what) {
        assertTrue(Math.abs(shown - expected) <= 1e-11 * Math.abs(expected),
                what + ": expected " + expected + ", the page shows " + shown);
    }

    @Test
    void theAdjointSweepStepsByArrowKeysToReverseModesGradient() throws Exception {
        for (Example ex : SEED) {
            adjointSweep(ex, 0, ex.name());
        }
    }

    @Test
    void theAdjointSweepOfAnOutputTheReaderPicks() throws Exception {
        Example ex = new Example("plan", "s = x + y + z; sin(s); cos(s); exp(s)", "x=1,y=2,z=3", new double[] {1, 2, 3});
        adjointSweep(ex, 2, "plan-f2");
    }

    private static void adjointSweep(Example ex, int output, String shot) throws Exception {
        open(ex, "");
        Expression e = Expression.parse(ex.expr());
        Recording rec = new ReverseMode().record(e, ex.x());
        TapeView view = rec.view();
        double[] w = new double[e.outputs()];
        w[output] = 1;
        double[] adjoint = rec.adjoints(w);
        double[] gradient = new ReverseMode().vjp(e, ex.x(), w);
        boolean[] drawn = TeachModel.drawn(view);
        int steps = 0;
        for (boolean d : drawn) {
            steps += d ? 1 : 0;
        }
        browser.click("#tab-adjoint");
        if (output != 0) {
            browser.keys("#output", "f" + output);
        }
        browser.click("#restart");
        assertEquals("step 0 / " + steps, shown().get("counter"));
        // what adj(vj) holds so far, accumulated here from the recording's partials and adjoints
        double[] soFar = new double[view.size()];
        soFar[view.outputIndex(output)] = 1;
        int step = 0;
        for (int i = view.size() - 1; i >= 0; i--) {
            if (!drawn[i]) {
                continue;
            }
            browser.key(RIGHT);
            step++;
            Map<String, Object> s = shown();
            assertEquals("step " + step + " / " + steps, s.get("counter"), ex.name());
            assertEquals(i, entry(s), ex.name() + " step " + step + ": the sweep goes last entry first");
            assertShown(adjoint[i], cell(s, i), ex.name() + " adj(v" + i + ")");
            if (view.isInput(i)) {
                assertShown(gradient[view.inputNumber(i)], cell(s, i), ex.name() + " d/d" + e.variables().get(view.inputNumber(i)));
            }
            String explain = (String) s.get("explain");
            for (int k = 0; adjoint[i] != 0 && k < view.arity(i); k++) {
                int j = view.operand(i, k);
                soFar[j] += view.partial(i, k) * adjoint[i];
                String update = "adj(v" + j + ") += " + Fmt.num6(view.partial(i, k)) + " \u00B7 adj(v" + i + ")";
                assertTrue(explain.contains(update), ex.name() + ": '" + update + "' in " + explain);
                assertShown(soFar[j], cell(s, j), ex.name() + " adj(v" + j + ") so far");
            }
            if (step == (steps + 1) / 2) {
                browser.screenshot(OUT.resolve(shot + "-adjoint.png"));
            }
        }
        Map<String, Object> end = shown();
        for (int j = 0; j < e.inputs(); j++) {
            assertShown(gradient[j], cell(end, view.inputIndex(j)), ex.name() + " gradient d/d" + e.variables().get(j));
        }
        browser.key(RIGHT);
        assertEquals("step " + steps + " / " + steps, shown().get("counter"), "no step past the end");
        browser.key(LEFT);
        assertEquals("step " + (steps - 1) + " / " + steps, shown().get("counter"), "left steps back");
        browser.key(HOME);
        assertEquals("step 0 / " + steps, shown().get("counter"), "Home restarts");
    }

    @Test
    void theTangentSweepStepsByButtonsToForwardModesDirectionalDerivative() throws Exception {
        for (Example ex : SEED) {
            double[] seed = new double[ex.x().length];
            seed[0] = 1;
            tangentSweep(ex, seed, false);
        }
    }

    @Test
    void theTangentSweepFollowsASeedTypedIntoThePage() throws Exception {
        tangentSweep(SEED.get(1), new double[] {0.5, -2}, true);
        tangentSweep(SEED.get(2), new double[] {0, 1, 0, 0, 0.25}, true);
    }

    private static void tangentSweep(Example ex, double[] seed, boolean type) throws Exception {
        open(ex, "");
        Expression e = Expression.parse(ex.expr());
        Recording rec = new ReverseMode().record(e, ex.x());
        TapeView view = rec.view();
        double[] tangent = rec.tangents(seed);
        double[] derivative = new ForwardMode().jvp(e, ex.x(), seed);
        boolean[] drawn = TeachModel.drawn(view);
        browser.click("#tab-tangent");
        if (type) {
            for (int j = 0; j < seed.length; j++) {
                browser.type("#seed-" + j, Fmt.num(seed[j]));
            }
        }
        browser.click("#restart");
        int step = 0;
        for (int i = 0; i < view.size(); i++) {
            if (!drawn[i]) {
                continue;
            }
            browser.click("#next");
            step++;
            Map<String, Object> s = shown();
            assertEquals(i, entry(s), ex.name() + " step " + step + ": the sweep goes first entry first");
            assertShown(tangent[i], cell(s, i), ex.name() + " tan(v" + i + ")");
            for (int k = 0; k < view.outputCount(); k++) {
                if (view.outputIndex(k) == i) {
                    assertShown(derivative[k], cell(s, i), ex.name() + " directional derivative of output " + k);
                }
            }
        }
        assertTrue(((String) shown().get("explain")).contains("directional derivative"), "the sweep ends with it");
        if (type) {
            browser.screenshot(OUT.resolve(ex.name() + "-tangent.png"));
        }
    }

    @Test
    void thePlanStepsThroughMixedModesOperationsInOrder() throws Exception {
        Example ex = new Example("plan", "s = x + y + z; sin(s); cos(s); exp(s)", "x=1,y=2,z=3", new double[] {1, 2, 3});
        open(ex, "#plan:0");
        List<String> ops = new dev.wengert.mixed.MixedMode().plan(Expression.parse(ex.expr()), ex.x()).operations();
        assertEquals("step 0 / " + ops.size(), shown().get("counter"));
        for (int k = 0; k < ops.size(); k++) {
            browser.key(RIGHT);
            Map<String, Object> s = shown();
            assertEquals("step " + (k + 1) + " / " + ops.size(), s.get("counter"));
            // HTML shows runs of spaces as one
            String op = ops.get(k).trim().replaceAll("\\s+", " ");
            assertTrue(((String) s.get("explain")).replaceAll("\\s+", " ").contains(op), "operation " + k + ": " + s.get("explain"));
        }
        browser.screenshot(OUT.resolve("plan.png"));
        browser.click("#restart");
        assertEquals("step 0 / " + ops.size(), shown().get("counter"));
    }
}
