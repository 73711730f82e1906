package dev.wengert.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The documentation under docs/, read by the tests that check its code and transcripts. */
final class Docs {

    private Docs() {
    }

    /** @return the text of docs/NAME, found by walking up from the working directory */
    static String read(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("docs").resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readString(p).replace("\r", "");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dir = dir.getParent();
        }
        throw new AssertionError("docs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * @param doc a markdown text
     * @param marker the name in an HTML comment {@code <!-- marker -->} right before a fenced block
     * @return the block's content
     */
    static String block(String doc, String marker) {
        int at = doc.indexOf("<!-- " + marker + " -->");
        if (at < 0) {
            throw new AssertionError("no <!-- " + marker + " --> in the document");
        }
        int open = doc.indexOf("```", at);
        int start = doc.indexOf('\n', open) + 1;
        int close = doc.indexOf("\n```", start);
        return doc.substring(start, close + 1);
    }

    /** @return every fenced block of the language (e.g. {@code java}) */
    static List<String> blocks(String doc, String language) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while ((at = doc.indexOf("```" + language + "\n", at)) >= 0) {
            int start = at + language.length() + 4;
            int close = doc.indexOf("\n```", start);
            out.add(doc.substring(start, close + 1));
            at = close + 4;
        }
        return out;
    }
}
