package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.core.testing.ExternalData;
import dev.wengert.core.testing.RequiresData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {

    @TempDir
    Path tmp;

    private int files;

    private Path csv(String text) throws IOException {
        Path p = tmp.resolve("data" + files++ + ".csv");
        Files.writeString(p, text);
        return p;
    }

    private Path decay() throws IOException {
        StringBuilder s = new StringBuilder("t, signal\n");
        for (int i = 0; i < 12; i++) {
            double t = 0.5 * i;
            s.append(t).append(", ").append(5 * Math.exp(-0.7 * t) + 1 + 0.01 * Math.sin(5 * i)).append('\n');
        }
        return csv(s.toString());
    }

    @Test
    void fitsAModelToNamedColumnsAndPrintsTheNistStyleTable() throws IOException {
        Cli r = Cli.run("fit", "signal ~ a*exp(-k*t) + c", "--data", decay().toString(), "--start", "a=1,k=1,c=0");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Parameter  Standard Deviation"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+k = +6\\.9\\d+E-01 +\\d\\.\\d+E-0\\d")), r.out());
        assertTrue(r.out().contains("Degrees of Freedom:                           9"), r.out());
        assertTrue(r.out().contains("Stopped:   converged"), r.out());
    }

    @Test
    void jsonAndCsvCarryTheSameEstimates() throws IOException {
        Path data = decay();
        Cli json = Cli.run("fit", "signal ~ a*exp(-k*t) + c", "--data", data.toString(), "--start", "a=1,k=1,c=0", "--format", "json");
        Cli csv = Cli.run("fit", "signal ~ a*exp(-k*t) + c", "--data", data.toString(), "--start", "a=1,k=1,c=0", "--format", "csv");
        assertEquals(0, json.code(), json.toString());
        assertTrue(json.out().contains("\"name\": \"k\", \"estimate\": 0.69"), json.out());
        assertTrue(json.out().contains("\"converged\": true"), json.out());
        assertTrue(csv.out().startsWith("parameter,estimate,standard_deviation\na,"), csv.out());
        assertEquals(4, csv.out().lines().count(), csv.out());
    }

    @Test
    void whitespaceColumnsWithoutAHeaderAreYAndX() throws IOException {
        Cli r = Cli.run("fit", "b1 + b2*x", "--data", csv("3 1\n5.1 2\n6.9 3\n9 4\n").toString(), "--start", "b1=0,b2=0");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+b2 = +[12]\\.\\d+E\\+00 .*")), r.out());
    }

    @Test
    void plotsAreWrittenAsSvgAndPng() throws IOException {
        Path data = decay();
        for (String name : new String[] {"fit.svg", "fit.png"}) {
            Path plot = tmp.resolve(name);
            Cli r = Cli.run("fit", "signal ~ a*exp(-k*t) + c", "--data", data.toString(), "--start", "a=1,k=1,c=0",
                    "--plot", plot.toString());
            assertEquals(0, r.code(), r.toString());
            byte[] bytes = Files.readAllBytes(plot);
            String head = new String(bytes, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(name.endsWith("svg") ? new String(bytes).contains("<svg") : head.startsWith("\u0089PNG"), name);
        }
    }

    @Test
    void userErrorsAreOneLineAndExitTwo() throws IOException {
        Path data = decay();
        String[][] cases = {
            {"fit", "signal ~ a*exp(-k*t) + c", "--data", data.toString(), "--start", "a=1,k=1"},
            {"fit", "signal ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=1,z=2"},
            {"fit", "height ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=1"},
            {"fit", "signal ~ a*exp(-k*t)", "--data", tmp.resolve("missing.csv").toString(), "--start", "a=1,k=1"},
            {"fit", "signal ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=x"},
            {"fit", "signal ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=1", "--plot", tmp.resolve("no/such/dir/p.png").toString()},
            {"fit", "signal ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=1", "--plot", "p.pdf"},
            {"fit", "signal ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=1", "--format", "xml"},
            {"fit", "signal ~ a*exp(-k*t)", "--data", data.toString(), "--start", "a=1,k=1", "--mode", "magic"},
            {"fit", "signal ~ log(a - t)", "--data", data.toString(), "--start", "a=1"},
            {"fit", "signal ~ a*exp(-k*t", "--data", data.toString(), "--start", "a=1,k=1"},
            {"fit", "b1 + b2*x", "--data", csv("1 2\n2 oops\n").toString(), "--start", "b1=0,b2=1"},
            {"fit", "b1*x", "--start", "b1=1"},
            {"fit", "--nist-suite", tmp.toString()},
        };
        String[] expected = {"neither a data column (t, signal) nor given a start value (--start c=...)",
            "--start names 'z', which is not a parameter", "names 'height', which is not a data column",
            "cannot read the data file", "--start k: not a number: 'x'", "cannot write the plot",
            "--plot writes .svg or .png", "unknown format 'xml'", "unknown mode 'magic'",
            "the model must be finite at the start", "cannot parse the expression", "not a number: 'oops'",
            "missing --data FILE", "--nist-suite needs a folder of NIST StRD .dat files"};
        for (int k = 0; k < cases.length; k++) {
            Cli r = Cli.run(cases[k]);
            assertEquals(2, r.code(), String.join(" ", cases[k]) + "\n" + r);
            assertTrue(r.err().contains(expected[k]), expected[k] + "\n" + r);
            assertTrue(r.errLines() == 1 || cases[k][1].contains("a*exp(-k*t") && r.errLines() == 3, r.toString());
            assertTrue(!r.err().contains("\tat "), r.toString());
        }
    }

    @Test
    @RequiresData("nist-strd-nls")
    void theDocumentedNistTranscriptIsWhatTheCommandPrints() {
        String block = Docs.block(Docs.read("least-squares.md"), "fit-mgh09");
        String command = block.lines().findFirst().orElseThrow();
        assertEquals("$ wengert fit --data ../shared/data/nist-strd-nls/MGH09.dat --start 1", command);
        Path file = ExternalData.require("nist-strd-nls").resolve("MGH09.dat");
        Cli r = Cli.run("fit", "--data", file.toString(), "--start", "1");
        assertEquals(0, r.code(), r.toString());
        assertEquals(block.substring(command.length() + 1).strip(), r.out().strip());
    }

    @Test
    @RequiresData("nist-strd-nls")
    void aNistFileBringsItsModelStartsAndCertifiedValues() {
        Path file = ExternalData.require("nist-strd-nls").resolve("Nelson.dat");
        Cli r = Cli.run("fit", "--data", file.toString(), "--start", "2", "--mode", "reverse");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("Model:     log(y) ~ b1 - b2*x1 * exp(-b3*x2)"), r.out());
        assertTrue(r.out().contains("Certified   LRE"), r.out());
        assertTrue(r.out().contains("NIST start 2"), r.out());
        Path dir = tmp.resolve("two");
        try {
            Files.createDirectories(dir);
            Files.copy(file, dir.resolve("Nelson.dat"));
            Files.copy(file.resolveSibling("Misra1a.dat"), dir.resolve("Misra1a.dat"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli suite = Cli.run("fit", "--nist-suite", dir.toString());
        assertEquals(0, suite.code(), suite.toString());
        assertTrue(suite.out().lines().anyMatch(l -> l.matches("passed\\s+\\|\\s+4/4\\s+\\|\\s+4/4\\s+\\|\\s+4/4\\s+\\|.*")),
                suite.out());
    }
}
