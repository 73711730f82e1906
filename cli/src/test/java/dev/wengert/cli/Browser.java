package dev.wengert.cli;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Headless Chromium driven by WebDriver: chromedriver started on a free local port, spoken to over
 * HTTP with the JDK's own client and a few lines of JSON. Only what the page tests need: open a
 * URL, run a script, press a key, click, type, take a screenshot.
 */
final class Browser implements AutoCloseable {

    /** The environment variable whose presence turns a missing browser into a failure. */
    static final String CI_VARIABLE = "CI";

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final String[] CHROMIUM = {"chromium", "chromium-browser", "google-chrome"};

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Path profile;

    private Browser(Process driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** @return why the browser tests cannot run here (no chromium or no chromedriver on the PATH), if so */
    static Optional<String> missing() {
        if (onPath("chromedriver") == null) {
            return Optional.of("chromedriver not found on the PATH (Debian: apt-get install chromium chromium-driver)");
        }
        if (chromium() == null) {
            return Optional.of("chromium not found on the PATH (Debian: apt-get install chromium chromium-driver)");
        }
        return Optional.empty();
    }

    /** @return true where the environment variable CI is set and not empty */
    static boolean inCi() {
        String ci = System.getenv(CI_VARIABLE);
        return ci != null && !ci.isEmpty();
    }

    private static Path chromium() {
        for (String name : CHROMIUM) {
            Path p = onPath(name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param width the window's width
     * @param height the window's height
     * @return a headless Chromium with a new empty profile, driven by a chromedriver of its own
     * @throws IOException if chromedriver does not start or Chromium refuses the session
     * @throws InterruptedException if interrupted while waiting for chromedriver
     */
    static Browser start(int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder(onPath("chromedriver").toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path profile = Files.createTempDirectory("wengert-chromium");
        Browser b = new Browser(driver, "http://127.0.0.1:" + port, profile);
        try {
            b.waitReady();
            String args = String.join(",", quoted("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--hide-scrollbars"));
            Object r = b.call("POST", "/session", "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\","
                    + "\"goog:chromeOptions\":{\"binary\":" + Json.quote(chromium().toString()) + ",\"args\":[" + args + "]}}}}");
            b.session = (String) ((Map<?, ?>) r).get("sessionId");
            return b;
        } catch (IOException | RuntimeException | InterruptedException x) {
            b.close();
            throw x;
        }
    }

    private String session;

    private static List<String> quoted(String... args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(Json.quote(a));
        }
        return out;
    }

    private void waitReady() throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException x) {
                if (System.nanoTime() > end) {
                    throw new IOException("chromedriver did not answer on " + base + " within 20 s", x);
                }
            }
            if (!driver.isAlive()) {
                throw new IOException("chromedriver exited with code " + driver.exitValue());
            }
            Thread.sleep(100);
        }
    }

    private Object call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder q = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8");
        q = body == null ? q.method(method, HttpRequest.BodyPublishers.noBody())
                : q.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(q.build(), HttpResponse.BodyHandlers.ofString());
        Object value = ((Map<?, ?>) Json.parse(r.body())).get("value");
        if (r.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + ": HTTP " + r.statusCode() + ": " + value);
        }
        return value;
    }

    private String at(String path) {
        return "/session/" + session + path;
    }

    /** @param url the page to open, waiting until it has loaded */
    void open(String url) throws IOException, InterruptedException {
        call("POST", at("/url"), "{\"url\":" + Json.quote(url) + "}");
    }

    /**
     * @param js a function body, as WebDriver's execute/sync runs it ({@code return …;})
     * @return what it returned, as {@link Json#parse} reads it
     */
    Object script(String js) throws IOException, InterruptedException {
        return call("POST", at("/execute/sync"), "{\"script\":" + Json.quote(js) + ",\"args\":[]}");
    }

    /** @param key a key, as a WebDriver code point (U+E014 is the right arrow) or a character */
    void key(char key) throws IOException, InterruptedException {
        String k = Json.quote(String.valueOf(key));
        call("POST", at("/actions"), "{\"actions\":[{\"type\":\"key\",\"id\":\"keyboard\",\"actions\":["
                + "{\"type\":\"keyDown\",\"value\":" + k + "},{\"type\":\"keyUp\",\"value\":" + k + "}]}]}");
    }

    private String find(String css) throws IOException, InterruptedException {
        Object r = call("POST", at("/element"), "{\"using\":\"css selector\",\"value\":" + Json.quote(css) + "}");
        return (String) ((Map<?, ?>) r).get(ELEMENT);
    }

    /** @param css the element to click, by CSS selector */
    void click(String css) throws IOException, InterruptedException {
        call("POST", at("/element/" + find(css) + "/click"), "{}");
    }

    /**
     * @param css an input element, by CSS selector
     * @param text what to type into it, after selecting what it holds; Tab then leaves it
     */
    void type(String css, String text) throws IOException, InterruptedException {
        String id = find(css);
        call("POST", at("/element/" + id + "/click"), "{}");
        call("POST", at("/element/" + id + "/value"), "{\"text\":" + Json.quote("\uE009a\uE009" + text + "\uE004") + "}");
    }

    /**
     * @param css an element, by CSS selector (a select takes the option whose text begins so)
     * @param text keys to send it
     */
    void keys(String css, String text) throws IOException, InterruptedException {
        call("POST", at("/element/" + find(css) + "/value"), "{\"text\":" + Json.quote(text) + "}");
    }

    /** @param file where to write a PNG of the window */
    void screenshot(Path file) throws IOException, InterruptedException {
        String png = (String) call("GET", at("/screenshot"), null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", at(""), null);
            }
        } catch (IOException | RuntimeException x) {
            // the driver goes next anyway
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                driver.waitFor();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        // iterative: files first, deepest paths last in the walk, deleted in reverse
        try (var walk = Files.walk(root)) {
            List<Path> all = new ArrayList<>(walk.toList());
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException x) {
            // a temporary profile left behind is harmless
        }
    }

    /** Just enough JSON for WebDriver's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.i != text.length()) {
                throw new IllegalArgumentException("JSON: trailing text at " + j.i + " in " + text);
            }
            return v;
        }

        static String quote(String v) {
            return Fmt.json(v);
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    String k = string();
                    space();
                    i++; // ':'
                    m.put(k, value());
                    space();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                i++;
                List<Object> a = new ArrayList<>();
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return a;
                }
                while (true) {
                    a.add(value());
                    space();
                    if (s.charAt(i++) == ']') {
                        return a;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "{}[],: \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            switch (word) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return null;
                default:
                    return Double.parseDouble(word);
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }
    }
}
