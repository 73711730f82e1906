package dev.wengert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The process-level smoke test: runs {@code dev.wengert.cli.Main} in a JVM of its own, as
 * {@code ./wengert} does (that script only builds the shaded jar and runs {@code java -jar} on
 * it; in {@code mvn verify} the jar does not exist yet when tests run, so the test uses this
 * JVM's class path). It checks what only a real process shows: {@code System.exit} codes and the
 * streams.
 */
class ProcessSmokeTest {

    static Cli java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.wengert.cli.Main");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] err = new byte[0];
        byte[] out = p.getInputStream().readAllBytes();
        err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Cli(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void demoRunsAsAProcess() throws Exception {
        Cli r = java();
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("value = 0.9999724643088853"), r.out());
    }

    @Test
    void aUsersMistakeExitsTwoWithoutAStackTrace() throws Exception {
        Cli r = java("diff", "x*", "--at", "x=1");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("wengert: cannot parse the expression"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
