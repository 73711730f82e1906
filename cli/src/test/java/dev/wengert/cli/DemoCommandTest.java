package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    static String run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void demoPrintsTheSeedValuesAndEveryMode() {
        String text = run("demo");
        assertTrue(text.contains("value = 12.0"), text);
        assertTrue(text.contains("value = 10.0"), text);
        assertTrue(text.contains("value = 0.9999724643088853"), text);
        assertTrue(text.contains("0.9999724626541138"), text);
        assertTrue(text.contains("finite-differences"), text);
    }

    @Test
    void noSubcommandRunsTheDemo() {
        assertTrue(run().contains("value = 0.9999724643088853"));
    }
}
