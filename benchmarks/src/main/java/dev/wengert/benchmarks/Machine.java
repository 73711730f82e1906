package dev.wengert.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;

/** The machine a run happened on, for the header of the ratio table. */
final class Machine {

    private Machine() {
    }

    /**
     * @param started when the run started
     * @param settings the JMH settings used
     * @param loadBefore load average before the run
     * @param loadAfter load average after it
     * @return a few Markdown lines: CPU, cores, JVM, OS, date, settings, load
     */
    static String describe(Instant started, String settings, String loadBefore, String loadAfter) {
        return "- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores available to the JVM\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.vendor") + ")\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch") + "\n"
                + "- Date: " + started + " (run start, UTC)\n"
                + "- JMH settings: " + settings + "; heap -Xms2g -Xmx2g -XX:+AlwaysPreTouch\n"
                + "- Load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter + "\n";
    }

    /** @return the first "model name" of /proc/cpuinfo, or the OS architecture */
    static String cpuModel() {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            // fall through: the model is informative only
        }
        return "unknown CPU (" + System.getProperty("os.arch") + ")";
    }

    /** @return the first three fields of /proc/loadavg, or "n/a" */
    static String loadAverage() {
        try {
            List<String> lines = Files.readAllLines(Paths.get("/proc/loadavg"));
            String[] f = lines.get(0).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
