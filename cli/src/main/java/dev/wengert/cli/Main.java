package dev.wengert.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code wengert} command. Without a subcommand it runs the demo. */
@Command(name = "wengert", mixinStandardHelpOptions = true, version = "wengert 0.1.0-SNAPSHOT",
        description = {"Automatic differentiation, mode by mode: forward, reverse, mixed, finite differences.",
            "Without a command, runs the demo. 'wengert COMMAND --help' explains each command."},
        subcommands = {DemoCommand.class, DiffCommand.class, TraceCommand.class, GraphCommand.class, PlanCommand.class, BenchCommand.class,
            FitCommand.class, TeachCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    private final boolean[] debug = new boolean[1];

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show the Java stack trace of an error.")
    void setDebug(boolean value) {
        debug[0] = value;
    }

    @Override
    public void run() {
        CommandLine demo = spec.commandLine().getSubcommands().get("demo");
        demo.setOut(spec.commandLine().getOut());
        demo.setErr(spec.commandLine().getErr());
        demo.execute();
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for in-process use and tests */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionExceptionHandler(new Errors(main.debug));
        cl.setParameterExceptionHandler(Errors::handleParameterException);
        // an expression may start with '-' ('-x^2'): what is not an option of the command is its EXPR
        cl.setUnmatchedOptionsArePositionalParams(true);
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "internal error: a bug in Wengert (the stack trace is printed)");
        codes.put("2", "usage: a bad option, expression, variable, number or mode; "
                + "or Graphviz missing for --format svg/png");
        exitCodes(cl, codes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            exitCodes(sub, codes);
        }
        return cl;
    }

    private static void exitCodes(CommandLine cl, Map<String, String> codes) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }
}
