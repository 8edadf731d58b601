package online.nexuscos.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nexusctl}: the command line for Nexus COS platforms. */
@Command(
    name = "nexusctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "See and operate Nexus COS platforms.",
    subcommands = {RenderCommand.class, SandboxCommand.class, CommandLine.HelpCommand.class})
public final class Nexusctl {

  /** Exit code of a command whose input was invalid. */
  public static final int EXIT_INVALID = 1;
  /** Exit code of a usage error (unknown flag, missing argument), as picocli and kubectl use. */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs nexusctl on the process's streams and returns its exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs nexusctl with the given output streams (tests call this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new Nexusctl()).setOut(out).setErr(err).execute(args);
  }
}
