package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.expr.Expression;
import dev.wengert.reverse.Recording;
import dev.wengert.reverse.ReverseMode;
import dev.wengert.reverse.TapeView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeachCommandTest {

    static final String TWO_LAYER = "input x, w1, b1, w2, b2; sigmoid(w2*relu(w1*x + b1) + b2)";
    static final String TWO_LAYER_AT = "x=2,w1=3,b1=4,w2=1,b2=0.5";

    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPage() throws Exception {
        Path page = dir.resolve("xy.html");
        Cli r = Cli.run("teach", "x*y + x^2", "--at", "x=2,y=3", "-o", page.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("wrote " + page), r.out());
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        // nothing is fetched: no external script, style sheet, image or font; the only URL is SVG's namespace name
        assertFalse(html.contains("<link"), "a <link> element");
        assertFalse(Pattern.compile("\\ssrc\\s*=").matcher(html).find(), "a src attribute");
        assertFalse(html.contains("@import") || html.contains("url(http"), "an external style");
        assertEquals(html.split("https?://", -1).length - 1, html.split("http://www\\.w3\\.org/2000/svg", -1).length - 1,
                "a URL other than the SVG namespace");
        assertFalse(html.contains("{{") || html.contains("/*{{"), "a placeholder left in the template");
        assertTrue(html.contains("\"text\":\"v3 = v0 * v1\""), "the recording's entries");
    }

    @Test
    void withoutAFileThePageGoesToStandardOutput() {
        Cli r = Cli.run("teach", "a*b", "--at", "a=3,b=4");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("<!DOCTYPE html>"));
        assertTrue(r.out().contains("\"value\":12.0"), "c = a*b = 12 in the data");
    }

    @Test
    void theAdjointUpdatesTheSweepShowsAddUpToTheRecordingsAdjoints() {
        // x is used twice in x*y + x^2: its adjoint is a sum
        adjointUpdatesAddUp(Expression.parse("x*y + x^2"), new double[] {2, 3});
        adjointUpdatesAddUp(Expression.parse(TWO_LAYER), new double[] {2, 3, 4, 1, 0.5});
    }

    private static void adjointUpdatesAddUp(Expression e, double[] x) {
        Recording rec = new ReverseMode().record(e, x);
        TapeView view = rec.view();
        TeachModel.Sweep s = TeachModel.adjointSweep(rec, view, 0);
        double[] last = new double[view.size()];
        last[view.outputIndex(0)] = 1;
        for (int i = view.size() - 1; i >= 0; i--) {
            for (int u = 0; u < s.updates()[i].length; u += 3) {
                last[(int) s.updates()[i][u]] = s.updates()[i][u + 2];
            }
        }
        double[] gradient = new ReverseMode().gradient(e.asScalarFunction(), x);
        for (int i = 0; i < view.size(); i++) {
            assertClose(s.adjoint()[i], last[i], "adj(v" + i + ") so far after the sweep");
        }
        for (int j = 0; j < x.length; j++) {
            assertClose(gradient[j], s.adjoint()[view.inputIndex(j)], "d/d" + e.variables().get(j));
        }
    }

    @Test
    void theLayoutOverlapsNoBoxes() throws Exception {
        Path page = dir.resolve("net.html");
        assertEquals(0, Cli.run("teach", TWO_LAYER, "--at", TWO_LAYER_AT, "-o", page.toString()).code());
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Matcher nodes = Pattern.compile("\"nodes\":\\[(.*?)\\],\\s*\"edges\"", Pattern.DOTALL).matcher(html);
        assertTrue(nodes.find());
        Matcher box = Pattern.compile("\\[([-0-9.]+),([-0-9.]+),([-0-9.]+),([-0-9.]+)\\]").matcher(nodes.group(1));
        List<double[]> boxes = new ArrayList<>();
        while (box.find()) {
            boxes.add(new double[] {Double.parseDouble(box.group(1)), Double.parseDouble(box.group(2)),
                Double.parseDouble(box.group(3)), Double.parseDouble(box.group(4))});
        }
        assertEquals(11, boxes.size(), "11 drawn entries: the evaluator's unused zero is not drawn");
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                double[] p = boxes.get(a);
                double[] q = boxes.get(b);
                boolean apart = p[0] + p[2] <= q[0] || q[0] + q[2] <= p[0] || p[1] + p[3] <= q[1] || q[1] + q[3] <= p[1];
                assertTrue(apart, "boxes " + a + " and " + b + " overlap");
            }
        }
    }

    @Test
    void aGraphOfMoreThan200EntriesIsListedNotDrawn() {
        StringBuilder text = new StringBuilder("x");
        for (int k = 1; k <= 120; k++) {
            text.append(" + sin(x*").append(k).append(')');
        }
        Cli r = Cli.run("teach", text.toString(), "--at", "x=0.5");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("\"layout\":null"), "no drawing");
        assertTrue(r.out().contains("the graph is drawn for up to 200"), "the message says why");
    }

    @Test
    void aRecordingBeyondThePagesLimitIsRefusedInOneLine() {
        StringBuilder text = new StringBuilder("x");
        for (int k = 1; k <= 1100; k++) {
            text.append(" + x*").append(k);
        }
        Cli r = Cli.run("teach", text.toString(), "--at", "x=0.5");
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("up to 2000 entries"), r.err());
    }

    @Test
    void severalOutputsBringMixedModesPlan() {
        Cli r = Cli.run("teach", "s = x + y + z; sin(s); cos(s); exp(s)", "--at", "x=1,y=2,z=3");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("\"predicted\":13,\"forward\":21,\"reverse\":21"), "the plan's costs");
        assertTrue(r.out().contains("\"mode\":\"adjoint\"") && r.out().contains("\"mode\":\"tangent\""));
    }

    @Test
    void planOperationsNameTheSegmentsTheyWorkOn() {
        assertEquals("[0]", TeachPlan.segmentsOf("F'0 = 1 adjoint sweep over segment 0 (1 x 3)  cost 4"));
        assertEquals("[1]", TeachPlan.segmentsOf("F'1..0 = push the 3 columns of F'0 as tangents through segment 1  cost 9"));
        assertEquals("[1,2,3]", TeachPlan.segmentsOf("F'3..0 = push the 3 columns of F'0 as tangents through segments 1..3"));
        assertEquals("[0,1,2]", TeachPlan.segmentsOf("F'3..0 = pull the 2 rows of F'3 as adjoints back through segments 2..0"));
        assertEquals("[0,1]", TeachPlan.segmentsOf("F'1..0 = F'1 * F'0 (4 x 1 times 1 x 4)  cost 16"));
    }

    @Test
    void aBadSeedOrOutputIsAUserError() {
        Cli seed = Cli.run("teach", "x*y", "--at", "x=1,y=2", "--seed", "dz=1");
        assertEquals(2, seed.code(), seed.toString());
        assertEquals(1, seed.errLines(), seed.err());
        Cli output = Cli.run("teach", "x*y", "--at", "x=1,y=2", "--output", "1");
        assertEquals(2, output.code(), output.toString());
        assertEquals(1, output.errLines(), output.err());
    }

    @Test
    void theDocsTranscriptIsWhatTheCommandPrints() throws Exception {
        List<String> lines = Files.readAllLines(docs().resolve("teach.md"), StandardCharsets.UTF_8);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("$ ./wengert ")) {
                List<String> args = words(lines.get(i).substring("$ ./wengert ".length()));
                int o = args.indexOf("-o");
                String name = args.get(o + 1);
                args.set(o + 1, dir.resolve(name).toString());
                Cli r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), r.toString());
                assertEquals(lines.get(i + 1), r.out().strip().replace(dir.resolve(name).toString(), name));
                checked++;
            }
        }
        assertTrue(checked > 0, "docs/teach.md shows the command");
        byte[] png = Files.readAllBytes(docs().resolve("teach-two-layer.png"));
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "the screenshot is a PNG");
        assertTrue(png.length < 300_000, "the screenshot is small: " + png.length + " bytes");
    }

    @Test
    void theDemoEndsByPointingToTeach() {
        Cli demo = Cli.run("demo");
        assertEquals(0, demo.code(), demo.toString());
        List<String> lines = demo.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(DemoCommand.TEACH, lines.get(lines.size() - 1));
        List<String> args = words(DemoCommand.TEACH.substring(DemoCommand.TEACH.indexOf("./wengert ") + 10));
        args.set(args.indexOf("-o") + 1, dir.resolve("two-layer.html").toString());
        Cli teach = Cli.run(args.toArray(String[]::new));
        assertEquals(0, teach.code(), "the command the demo shows works: " + teach);
    }

    /** @return the repository's docs folder, found from the working directory up */
    static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs").resolve("teach.md"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/teach.md above " + Path.of("").toAbsolutePath());
    }

    /** @return a command line split into words as a shell would, single quotes kept together */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'' ) {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    /** |a − b| ≤ 1e-13·max(|a|, |b|): the page's numbers are the recording's, up to summation order. */
    static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= 1e-13 * scale, what + ": expected " + expected + ", got " + actual);
    }
}
