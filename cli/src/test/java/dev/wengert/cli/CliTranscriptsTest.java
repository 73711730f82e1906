package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transcript in README.md and docs/*.md — a fenced block whose first line is
 * {@code $ ./wengert …} — is run again and compared with what the docs show: if this fails, a
 * transcript is stale.
 *
 * <p>A transcript is a series of commands, each {@code $ ./wengert ARGS} followed by what it
 * prints (standard output; standard error too when the exit code is not 0), optionally followed by
 * {@code $ echo $?} and the exit code. Arguments are split as a shell would, with single and double
 * quotes. What changes from run to run is masked on both sides before comparing: durations
 * ({@code 574 us}, {@code 28.5 ms}, JSON {@code timeNanos}, the CSV column {@code time_ns}), every
 * number in {@code bench}'s output, and runs of spaces (column widths follow the widest time).
 * An {@code -o FILE} is written to a temporary folder; a command that needs Graphviz is skipped,
 * with a line saying so, where {@code dot} is not installed.
 *
 * <p>With {@code -Dwengert.docs.update=true} a stale transcript is rewritten in place with this
 * run's output (and an image it writes under docs/ is copied there), for review in the diff.
 */
class CliTranscriptsTest {

    private static final Pattern DURATION = Pattern.compile("\\b\\d+(\\.\\d+)?\\s?(ns|us|µs|ms)\\b");
    private static final Pattern JSON_TIME = Pattern.compile("\"timeNanos\": [-0-9.Ee+]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+([.,]\\d+)*([eE][-+]?\\d+)?");

    record Command(String line, List<String> args, String expected, Integer expectedCode) {
    }

    record Transcript(Path file, int start, int end, List<Command> commands) {
        String where() {
            return file.getFileName() + ":" + (start + 1);
        }
    }

    @Test
    void everyTranscriptInTheDocsIsWhatTheCommandPrints(@TempDir Path tmp) throws IOException {
        Path root = repositoryRoot();
        List<Transcript> transcripts = new ArrayList<>();
        for (Path doc : documents(root)) {
            transcripts.addAll(transcripts(doc));
        }
        assertTrue(transcripts.size() >= 10, "too few transcripts found: " + transcripts.size());
        boolean update = Boolean.getBoolean("wengert.docs.update");
        boolean graphviz = graphvizInstalled();
        List<String> failures = new ArrayList<>();
        List<Transcript> stale = new ArrayList<>();
        List<List<String>> actuals = new ArrayList<>();
        List<List<Integer>> codes = new ArrayList<>();
        int skipped = 0;
        for (Transcript t : transcripts) {
            List<String> outputs = new ArrayList<>();
            List<Integer> exits = new ArrayList<>();
            boolean same = true;
            for (Command c : t.commands()) {
                if (!graphviz && needsGraphviz(c.args())) {
                    System.out.println("CliTranscriptsTest: skipped (Graphviz's dot is not installed): " + c.line());
                    skipped++;
                    outputs.add(c.expected());
                    exits.add(c.expectedCode());
                    continue;
                }
                Cli r = run(c.args(), tmp, update ? root : null);
                String shown = r.code() == 0 ? r.out() : r.out() + r.err();
                outputs.add(shown);
                exits.add(r.code());
                boolean bench = !c.args().isEmpty() && c.args().get(0).equals("bench");
                if (!mask(shown, bench).equals(mask(c.expected(), bench))) {
                    same = false;
                    failures.add(t.where() + ": $ " + c.line() + "\n--- the docs show\n" + c.expected()
                            + "--- the command prints (exit " + r.code() + ")\n" + shown);
                }
                if (c.expectedCode() != null && c.expectedCode() != r.code()) {
                    same = false;
                    failures.add(t.where() + ": $ " + c.line() + ": the docs show exit code " + c.expectedCode()
                            + ", the command returns " + r.code());
                }
            }
            if (!same) {
                stale.add(t);
                actuals.add(outputs);
                codes.add(exits);
            }
        }
        if (update && !stale.isEmpty()) {
            rewrite(stale, actuals, codes);
            return;
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " stale transcript(s)" + (skipped > 0 ? " (" + skipped + " skipped)" : "")
                    + "; regenerate with -Dwengert.docs.update=true\n" + String.join("\n\n", failures));
        }
    }

    @Test
    void aChangedOutputIsCaughtButADifferentTimeIsNot() {
        String doc = "  forward  f  7  2  1.20 us\n  \"timeNanos\": 6150.0,\n";
        String later = "  forward  f  7  2   31.9 ms\n  \"timeNanos\": 12.0,\n";
        assertEquals(mask(doc, false), mask(later, false));
        assertNotEquals(mask(doc, false), mask(doc.replace(" 7 ", " 8 "), false));
        String csv = "mode,time_ns,df/dx\nforward,2470,1.0\n";
        assertEquals(mask(csv, false), mask("mode,time_ns,df/dx\nforward,99,1.0\n", false));
        assertNotEquals(mask(csv, false), mask("mode,time_ns,df/dx\nforward,2470,2.0\n", false));
        assertEquals(List.of("diff", "x*y + x^2", "--at", "x=2,y=3"), split("diff 'x*y + x^2' --at x=2,y=3"));
    }

    static Path repositoryRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Paths.get("").toAbsolutePath());
    }

    static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            docs.addAll(s.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
        }
        return docs;
    }

    static List<Transcript> transcripts(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Transcript> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).trim().equals("```")) {
                end++;
            }
            if (lines.get(i).trim().equals("```") && end > i + 1 && lines.get(i + 1).startsWith("$ ./wengert")) {
                result.add(new Transcript(doc, i, end, commands(lines.subList(i + 1, end))));
            }
            i = end;
        }
        return result;
    }

    private static List<Command> commands(List<String> block) {
        List<Command> commands = new ArrayList<>();
        int i = 0;
        while (i < block.size()) {
            String line = block.get(i).substring(2);
            List<String> words = split(line);
            if (!words.get(0).equals("./wengert")) {
                throw new IllegalStateException("a transcript may only run ./wengert: " + line);
            }
            StringBuilder expected = new StringBuilder();
            i++;
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                expected.append(block.get(i)).append('\n');
                i++;
            }
            Integer code = null;
            if (i < block.size() && block.get(i).equals("$ echo $?")) {
                code = Integer.parseInt(block.get(i + 1).trim());
                i += 2;
            }
            commands.add(new Command(line, words.subList(1, words.size()), expected.toString(), code));
        }
        return commands;
    }

    /** Splits a command line as a shell would: whitespace, single and double quotes. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (c == '|' || c == '>' || c == '<' || c == ';' || c == '&') {
                throw new IllegalStateException("a transcript command cannot use the shell's " + c + ": " + line);
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    private static boolean graphvizInstalled() {
        try {
            Process p = new ProcessBuilder(Graphviz.program(), "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean needsGraphviz(List<String> args) {
        int f = args.indexOf("--format");
        return f >= 0 && f + 1 < args.size() && (args.get(f + 1).equals("svg") || args.get(f + 1).equals("png"));
    }

    /** Runs the command in-process, with an {@code -o FILE} redirected under tmp (and copied to root if given). */
    private static Cli run(List<String> args, Path tmp, Path copyTo) throws IOException {
        List<String> a = new ArrayList<>(args);
        String file = null;
        int o = a.indexOf("-o");
        if (o >= 0 && o + 1 < a.size()) {
            file = a.get(o + 1);
            Path target = tmp.resolve(file);
            Files.createDirectories(target.getParent());
            a.set(o + 1, target.toString());
        }
        Cli r = Cli.run(a.toArray(new String[0]));
        if (file == null) {
            return r;
        }
        String prefix = tmp.toString() + tmp.getFileSystem().getSeparator();
        if (copyTo != null && r.code() == 0 && Files.isRegularFile(tmp.resolve(file))) {
            Files.copy(tmp.resolve(file), copyTo.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Cli(r.code(), r.out().replace(prefix, ""), r.err().replace(prefix, ""));
    }

    /** The text with what changes from run to run replaced by placeholders, and spaces collapsed. */
    static String mask(String text, boolean allNumbers) {
        List<String> lines = text.lines().collect(Collectors.toList());
        int timeColumn = -1;
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            String l = line;
            if (l.contains("time_ns") && l.contains(",")) {
                timeColumn = csvFields(l).indexOf("time_ns");
            } else if (timeColumn >= 0 && l.contains(",")) {
                List<String> fields = csvFields(l);
                if (timeColumn < fields.size()) {
                    fields.set(timeColumn, "<time>");
                    l = String.join(",", fields);
                }
            }
            l = DURATION.matcher(l).replaceAll("<time>");
            l = JSON_TIME.matcher(l).replaceAll("\"timeNanos\": <time>");
            if (allNumbers) {
                l = NUMBER.matcher(l).replaceAll("#");
            }
            b.append(l.trim().replaceAll("\\s+", " ")).append('\n');
        }
        return b.toString().strip();
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                f.append(c);
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }

    /** Rewrites each stale transcript block with this run's outputs (last block first, per file). */
    private static void rewrite(List<Transcript> stale, List<List<String>> actuals, List<List<Integer>> codes)
            throws IOException {
        for (int k = stale.size() - 1; k >= 0; k--) {
            Transcript t = stale.get(k);
            List<String> lines = new ArrayList<>(Files.readAllLines(t.file(), StandardCharsets.UTF_8));
            List<String> block = new ArrayList<>();
            for (int c = 0; c < t.commands().size(); c++) {
                Command cmd = t.commands().get(c);
                block.add("$ " + cmd.line());
                block.addAll(actuals.get(k).get(c).lines().collect(Collectors.toList()));
                if (cmd.expectedCode() != null) {
                    block.add("$ echo $?");
                    block.add(String.valueOf(codes.get(k).get(c)));
                }
            }
            lines.subList(t.start() + 1, t.end()).clear();
            lines.addAll(t.start() + 1, block);
            Files.writeString(t.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
    }
}
