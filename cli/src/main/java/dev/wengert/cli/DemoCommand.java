package dev.wengert.cli;

import picocli.CommandLine.Command;

/** Placeholder until the demo lands. */
@Command(name = "demo", description = "Evaluate the seed's examples with every mode, side by side.")
final class DemoCommand implements Runnable {
    @Override
    public void run() {
    }
}
