package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A javadoc block tag counts only at the start of a line: {@code /** @param a addend @return this + a}
 * on one line reads as one parameter description and no {@code @return}. doclint reports that on a
 * method of its own but not on an overriding one, so this test looks at every Java source.
 */
class JavadocStyleTest {

    /** A comment opening with text or a tag, followed on the same line by a (further) block tag. */
    static final Pattern TAG_MID_LINE = Pattern.compile("/\\*\\*.*\\S\\s+@(param|return|throws|exception)\\b");

    @Test
    void everyBlockTagStartsItsOwnLine() throws IOException {
        Path root = DocSnippetsTest.repositoryRoot();
        List<String> offenders = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(root)) {
            sources = s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .filter(p -> !p.getFileName().toString().equals("JavadocStyleTest.java"))   // its examples
                    .collect(Collectors.toList());
        }
        assertTrue(sources.size() > 100, "too few sources found under " + root + ": " + sources.size());
        for (Path p : sources) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (TAG_MID_LINE.matcher(lines.get(i)).find()) {
                    offenders.add(root.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offenders, "put each @param/@return/@throws on a line of its own");
    }

    @Test
    void theCheckSeesAOneLineCommentWithTwoTags() {
        assertTrue(TAG_MID_LINE.matcher("    /** @param a addend @return this + a */").find());
        assertTrue(TAG_MID_LINE.matcher("/** The sum. @return it */").find());
        assertTrue(!TAG_MID_LINE.matcher("    /** @return −this */").find());
        assertTrue(!TAG_MID_LINE.matcher("    /** {@inheritDoc} */").find());
    }
}
