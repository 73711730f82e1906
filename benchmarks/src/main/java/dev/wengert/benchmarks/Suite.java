package dev.wengert.benchmarks;

import dev.wengert.benchmarks.adbench.AdbenchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks through JMH's {@link Runner} API, writes JMH's JSON and puts the
 * {@link RatioTable} into {@code benchmarks/README.md} between {@code <!-- results:start -->}
 * and {@code <!-- results:end -->}. Started by {@code benchmarks/run.sh} from the repository
 * root:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.Suite [--quick | --full]
 *      [--include REGEX]... [--param NAME=V1,V2]... [--json FILE] [--readme FILE | --no-readme]
 * </pre>
 *
 * <ul>
 *   <li>{@code --quick} (default): 1 fork, 3 warm-up and 5 measured iterations of 1 s;</li>
 *   <li>{@code --full}: 3 forks, 5 warm-up and 10 measured iterations of 2 s;</li>
 *   <li>{@code --include}: JMH's benchmark regex (default: every benchmark in
 *       {@code dev.wengert.benchmarks});</li>
 *   <li>{@code --param}: overrides an {@code @Param} in every benchmark that has it;</li>
 *   <li>{@code --json}: default {@code benchmarks/results/latest.json};</li>
 *   <li>{@code --readme}: default {@code benchmarks/README.md}.</li>
 * </ul>
 *
 * <p>A {@code -Dwengert.data=…} given to this JVM is passed on to the forked benchmark JVMs.
 */
public final class Suite {

    private Suite() {
    }

    /**
     * @param args see the class comment
     * @throws RunnerException if JMH fails or a benchmark throws
     * @throws IOException if the results folder cannot be created
     */
    public static void main(String[] args) throws RunnerException, IOException {
        boolean full = false;
        List<String> includes = new ArrayList<>();
        List<String[]> params = new ArrayList<>();
        Path json = Paths.get("benchmarks", "results", "latest.json");
        Path readme = Paths.get("benchmarks", "README.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> full = false;
                case "--full" -> full = true;
                case "--include" -> includes.add(value(args, ++i));
                case "--param" -> {
                    String spec = value(args, ++i);
                    int eq = spec.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--param must be NAME=V1,V2,..., but is " + spec);
                    }
                    params.add(new String[] {spec.substring(0, eq), spec.substring(eq + 1)});
                }
                case "--json" -> json = Paths.get(value(args, ++i));
                case "--readme" -> readme = Paths.get(value(args, ++i));
                case "--no-readme" -> readme = null;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --quick, --full, --include REGEX, --param NAME=V1,V2, --json FILE,"
                        + " --readme FILE or --no-readme");
            }
        }
        if (includes.isEmpty()) {
            includes.add("dev\\.wengert\\.benchmarks\\.");
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(true);
        // the heap is touched before the benchmark starts: without it a fresh fork page-faults through
        // eden during warm-up and the first measured iterations (forward mode measured 150-260 us
        // per call instead of 5 us in two of four quick runs); it costs ~1.5 s per fork
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"));
        String data = System.getProperty(AdbenchData.PROPERTY);
        if (data != null) {
            jvmArgs.add("-D" + AdbenchData.PROPERTY + "=" + Paths.get(data).toAbsolutePath());
        }
        options.jvmArgsAppend(jvmArgs.toArray(new String[0]));
        includes.forEach(options::include);
        for (String[] p : params) {
            options.param(p[0], p[1].split(","));
        }
        String settings;
        if (full) {
            options.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(2));
            settings = "--full: 3 forks, 5 warm-up + 10 measured iterations of 2 s";
        } else {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
            settings = "--quick: 1 fork, 3 warm-up + 5 measured iterations of 1 s";
        }
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        String loadBefore = Machine.loadAverage();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Collection<RunResult> results = new Runner(options.build()).run();
        String machine = Machine.describe(started, settings + "; include " + includes
                + (params.isEmpty() ? "" : "; params " + paramText(params)), loadBefore, Machine.loadAverage());
        String table = RatioTable.ofRuns(results).markdown(machine);
        System.out.println();
        System.out.println(table);
        System.out.println("JMH JSON: " + json);
        if (readme != null) {
            RatioTable.writeInto(readme, table);
            System.out.println("table written into " + readme);
        }
    }

    private static String paramText(List<String[]> params) {
        List<String> parts = new ArrayList<>();
        params.forEach(p -> parts.add(p[0] + "=" + p[1]));
        return String.join(" ", parts);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
