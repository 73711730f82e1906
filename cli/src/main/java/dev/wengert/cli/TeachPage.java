package dev.wengert.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page of {@code wengert teach}: one self-contained HTML file, its style sheet, its script and
 * its data ({@link TeachModel}) inline, so it opens from disk with no network and no other file.
 * The template, style and script are resources beside this class ({@code teach/page.html},
 * {@code teach/teach.css}, {@code teach/teach.js}).
 */
final class TeachPage {

    private TeachPage() {
    }

    /**
     * @param title the page title (plain text)
     * @param json the page's data, from {@link TeachModel#json}
     * @return the HTML page
     */
    static String html(String title, String json) {
        String page = resource("page.html");
        // literal replacements, data last, so no text of the data is ever read as a placeholder
        return page.replace("{{TITLE}}", escape(title))
                .replace("/*{{STYLE}}*/", resource("teach.css"))
                .replace("/*{{SCRIPT}}*/", resource("teach.js"))
                .replace("{{DATA}}", json);
    }

    private static String resource(String name) {
        try (InputStream in = TeachPage.class.getResourceAsStream("teach/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the resource teach/" + name + " is missing from the wengert jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /**
     * @param s text
     * @return it safe inside HTML text and attribute values
     */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
