package dev.wengert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT to SVG or PNG with Graphviz's {@code dot}, run as a process. The program is
 * {@code dot} on the PATH unless the system property {@code wengert.dot} names another (tests use
 * it to stand for a machine without Graphviz). When it cannot be started the user gets a
 * {@link UserError} naming the package to install — exit code 2, like every request this
 * installation cannot carry out as typed; {@code --format dot} always works.
 */
final class Graphviz {

    private Graphviz() {
    }

    /** @return the dot program to run */
    static String program() {
        return System.getProperty("wengert.dot", "dot");
    }

    /**
     * @param dot the graph
     * @param format {@code svg} or {@code png}
     * @param target the file to write
     * @throws UserError if Graphviz is not installed
     */
    static void render(String dot, String format, Path target) {
        Path input = null;
        try {
            input = Files.createTempFile("wengert", ".dot");
            Files.writeString(input, dot, StandardCharsets.UTF_8);
            Process p;
            try {
                p = new ProcessBuilder(program(), "-T" + format, "-o", target.toString(), input.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UserError("--format " + format + " needs Graphviz's 'dot' program, which was not found ("
                        + program() + "); install the package graphviz (e.g. sudo apt-get install graphviz, "
                        + "brew install graphviz) or use --format dot");
            }
            String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Graphviz dot did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Graphviz dot failed (exit " + p.exitValue() + "): " + messages);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running Graphviz dot", e);
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
