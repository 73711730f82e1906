package dev.wengert.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link of README.md, docs/*.md and benchmarks/*.md names a file of the repository. */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkInTheDocsNamesAFileThatExists() throws IOException {
        Path root = DocSnippetsTest.repositoryRoot();
        List<Path> docs = new ArrayList<>(DocSnippetsTest.documents(root));
        docs.add(root.resolve("benchmarks/README.md"));
        docs.add(root.resolve("benchmarks/JOURNAL.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;                                  // a web address or an anchor on the page
                }
                String file = target.replaceFirst("#.*$", "");
                checked++;
                if (!Files.exists(doc.getParent().resolve(file).normalize())) {
                    broken.add(root.relativize(doc) + ": " + target);
                }
            }
        }
        assertTrue(checked >= 20, "too few links found: " + checked);
        assertEquals(List.of(), broken, "links to files that do not exist");
    }
}
