package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.core.Differentiator;
import dev.wengert.forward.ForwardMode;
import dev.wengert.mixed.MixedMode;
import dev.wengert.reverse.ReverseMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of README.md and docs/*.md, compiled and run: if this fails, the
 * documentation is wrong (or stale).
 *
 * <p>A snippet is a {@code ```java} block. Its {@code import} lines go to the top of a file of
 * its own (with the Wengert packages, commons-math3's {@code RealFieldElement} and
 * {@code MathArrays}, and {@code java.util} imported already); declarations starting at the left
 * margin with {@code static} become members of a class {@code Examples} (so {@code Examples::f}
 * names a function of the snippet); every other line goes into a method the test runs. A block
 * that declares its own top-level types ({@code class}, {@code interface}, {@code record},
 * {@code enum} at the left margin) is compiled as it is, and its {@code main} run if it has one.
 *
 * <p>When a {@code ```output} block follows a snippet (blank lines between are allowed), what the
 * snippet prints must equal it (trailing spaces aside). With {@code -Dwengert.docs.update=true}
 * a stale output block is rewritten in place instead, for review in the diff.
 */
class DocSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^(public\\s+|final\\s+|abstract\\s+)*(class|interface|record|enum)\\s+\\w+", Pattern.MULTILINE);
    private static final String IMPORTS = String.join("\n",
            "import dev.wengert.core.*;",
            "import dev.wengert.core.expr.*;",
            "import dev.wengert.forward.*;",
            "import dev.wengert.reverse.*;",
            "import dev.wengert.mixed.*;",
            "import org.apache.commons.math3.RealFieldElement;",
            "import org.apache.commons.math3.util.MathArrays;",
            "import java.util.*;",
            "");

    /** One fenced java block and the output block after it, if any. */
    record Snippet(Path file, int line, String code, int outputStart, int outputEnd, String expected) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    @Test
    void everyJavaSnippetInTheDocsCompilesRunsAndPrintsWhatTheDocsShow(@TempDir Path dir) throws Exception {
        Path root = repositoryRoot();
        List<Path> docs = documents(root);
        List<Snippet> snippets = new ArrayList<>();
        for (Path doc : docs) {
            snippets.addAll(snippets(doc));
        }
        assertTrue(snippets.size() >= 10, "too few snippets found: " + snippets.size() + " in " + docs);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            sources.addAll(write(dir.resolve("src"), "snippet" + i, snippets.get(i)));
        }
        compile(dir, sources);

        boolean update = Boolean.getBoolean("wengert.docs.update");
        List<String> failures = new ArrayList<>();
        List<Snippet> stale = new ArrayList<>();
        List<String> actuals = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            for (int i = 0; i < snippets.size(); i++) {
                Snippet s = snippets.get(i);
                String out;
                try {
                    out = run(loader, "snippet" + i, s);
                } catch (Throwable e) {
                    failures.add(s.where() + ": threw " + e);
                    continue;
                }
                if (s.expected() != null && !normalize(out).equals(normalize(s.expected()))) {
                    if (update) {
                        stale.add(s);
                        actuals.add(out);
                    } else {
                        failures.add(s.where() + ": the output block says\n" + s.expected() + "but the snippet prints\n" + out);
                    }
                }
            }
        }
        if (update && !stale.isEmpty()) {
            rewrite(stale, actuals);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " stale snippet(s); regenerate output blocks with -Dwengert.docs.update=true\n"
                    + String.join("\n\n", failures));
        }
    }

    @Test
    void aSnippetWhoseOutputDiffersIsCaught(@TempDir Path dir) throws Throwable {
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, "# t\n\n```java\nSystem.out.println(1 + 1);\n```\n\n```output\n3\n```\n");
        List<Snippet> s = snippets(doc);
        assertEquals(1, s.size());
        assertEquals("3\n", s.get(0).expected());
        List<String> sources = write(dir.resolve("src"), "probe", s.get(0));
        compile(dir, sources);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            String out = run(loader, "probe", s.get(0));
            assertEquals("2\n", out);
            assertFalse(normalize(out).equals(normalize(s.get(0).expected())));
        }
    }

    static Path repositoryRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (README.md, docs/, pom.xml) above " + Paths.get("").toAbsolutePath());
    }

    /**
     * Documents whose Java blocks a test of their own compiles and runs, checking that every
     * block appears verbatim in it: ApiDocExamplesTest (api.md), LeastSquaresDocTest
     * (least-squares.md), SafetyDocTest (safety.md), CompiledRecordingsDocTest
     * (compiled-recordings.md).
     */
    static final java.util.Set<String> CHECKED_ELSEWHERE =
            java.util.Set.of("api.md", "least-squares.md", "safety.md", "compiled-recordings.md");

    static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            docs.addAll(s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !CHECKED_ELSEWHERE.contains(p.getFileName().toString())).sorted().collect(Collectors.toList()));
        }
        return docs;
    }

    static List<Snippet> snippets(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Snippet> result = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(1).isEmpty()) {
                i++;
                continue;
            }
            String lang = open.group(1);
            int start = i + 1;
            int end = closing(lines, start, doc);
            if (lang.equals("java")) {
                String code = String.join("\n", lines.subList(start, end)) + "\n";
                int next = end + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                if (next < lines.size() && lines.get(next).trim().equals("```output")) {
                    int outEnd = closing(lines, next + 1, doc);
                    StringBuilder expected = new StringBuilder();
                    for (String l : lines.subList(next + 1, outEnd)) {
                        expected.append(l).append('\n');
                    }
                    result.add(new Snippet(doc, start, code, next + 1, outEnd, expected.toString()));
                    i = outEnd + 1;
                    continue;
                }
                result.add(new Snippet(doc, start, code, -1, -1, null));
            }
            i = end + 1;
        }
        return result;
    }

    private static int closing(List<String> lines, int from, Path doc) {
        for (int j = from; j < lines.size(); j++) {
            if (lines.get(j).trim().equals("```")) {
                return j;
            }
        }
        throw new IllegalStateException(doc + ":" + from + ": a fenced block is not closed");
    }

    /** Writes the snippet's source file(s) in package {@code pkg}; returns their paths. */
    static List<String> write(Path src, String pkg, Snippet s) throws IOException {
        Path dir = src.resolve(pkg);
        Files.createDirectories(dir);
        StringBuilder imports = new StringBuilder();
        StringBuilder members = new StringBuilder();
        StringBuilder body = new StringBuilder();
        String[] lines = s.code().split("\n", -1);
        String header = "// " + s.where() + "\npackage " + pkg + ";\n" + IMPORTS;
        if (TYPE_DECLARATION.matcher(s.code()).find()) {
            // a block of type declarations: one file, top-level types not public (several may share it)
            StringBuilder unit = new StringBuilder();
            for (String l : lines) {
                if (l.startsWith("import ")) {
                    imports.append(l).append('\n');
                } else {
                    unit.append(l.startsWith("public ") ? l.substring("public ".length()) : l).append('\n');
                }
            }
            Path file = dir.resolve("Unit.java");
            Files.writeString(file, header + imports + unit);
            return List.of(file.toString());
        }
        int depth = 0;
        boolean member = false;
        for (String l : lines) {
            if (depth == 0) {
                if (l.startsWith("import ")) {
                    imports.append(l).append('\n');
                    continue;
                }
                member = l.startsWith("static ");
            }
            (member ? members : body).append(l).append('\n');
            depth += depth(l);
        }
        String source = header + imports
                + "public final class Examples {\n"
                + members
                + "    public static void snippet() throws Exception {\n"
                + body
                + "    }\n}\n";
        Path file = dir.resolve("Examples.java");
        Files.writeString(file, source);
        return List.of(file.toString());
    }

    /** Net change of brace depth on a line, ignoring braces in string and char literals and comments. */
    private static int depth(String line) {
        int d = 0;
        boolean string = false;
        boolean chr = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (string || chr) {
                if (c == '\\') {
                    i++;
                } else if (string && c == '"' || chr && c == '\'') {
                    string = false;
                    chr = false;
                }
            } else if (c == '"') {
                string = true;
            } else if (c == '\'') {
                chr = true;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                d++;
            } else if (c == '}') {
                d--;
            }
        }
        return d;
    }

    static void compile(Path dir, List<String> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "no Java compiler: the docs test needs a JDK");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath(),
                "-encoding", "UTF-8", "-proc:none", "-Xlint:none", "-nowarn"));
        args.addAll(sources);
        StringWriter errors = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = javac.run(null, null, err, args.toArray(new String[0]));
        errors.write(err.toString(StandardCharsets.UTF_8));
        if (code != 0) {
            fail("a documentation snippet does not compile (the first line of each file names the document"
                    + " and line):\n" + errors);
        }
    }

    /** The jars or folders of the libraries a snippet may use, from where their classes were loaded. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(Differentiator.class, ForwardMode.class, ReverseMode.class, MixedMode.class,
                RealFieldElement.class)) {
            try {
                entries.add(Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Runs the snippet and returns what it printed on System.out. */
    static String run(ClassLoader loader, String pkg, Snippet s) throws Throwable {
        Method m;
        try {
            m = loader.loadClass(pkg + ".Examples").getMethod("snippet");
        } catch (ClassNotFoundException e) {
            Class<?> main = null;
            for (String name : typeNames(s.code())) {
                try {
                    Class<?> c = loader.loadClass(pkg + "." + name);
                    c.getMethod("main", String[].class);
                    main = c;
                    break;
                } catch (ClassNotFoundException | NoSuchMethodException ignored) {
                    // a type with nothing to run
                }
            }
            if (main == null) {
                return "";
            }
            m = main.getMethod("main", String[].class);
        }
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            if (m.getParameterCount() == 0) {
                m.invoke(null);
            } else {
                m.invoke(null, (Object) new String[0]);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> typeNames(String code) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)",
                Pattern.MULTILINE).matcher(code);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String normalize(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    /** Replaces each stale output block by what its snippet printed (last block first, per file). */
    private static void rewrite(List<Snippet> stale, List<String> actuals) throws IOException {
        for (int k = stale.size() - 1; k >= 0; k--) {
            Snippet s = stale.get(k);
            List<String> lines = new ArrayList<>(Files.readAllLines(s.file(), StandardCharsets.UTF_8));
            List<String> replacement = actuals.get(k).lines().collect(Collectors.toList());
            lines.subList(s.outputStart(), s.outputEnd()).clear();
            lines.addAll(s.outputStart(), replacement);
            Files.writeString(s.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
    }
}
