package online.nexuscos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nexusctl}: the command line for Nexus COS platforms. */
@Command(
    name = "nexusctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "See and operate Nexus COS platforms.",
    subcommands = {RenderCommand.class, CommandLine.HelpCommand.class})
public final class Nexusctl {

  /** Exit code of a command whose input was invalid. */
  public static final int EXIT_INVALID = 1;
  /** Exit code of a usage error (unknown flag, missing argument), as picocli and kubectl use. */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs nexusctl and returns its exit code (tests call this). */
  public static int run(String... args) {
    return new CommandLine(new Nexusctl()).execute(args);
  }
}
