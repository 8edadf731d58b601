package online.nexuscos.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nexusctl}: the command line for Nexus COS platforms. */
@Command(
    name = "nexusctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "See and operate Nexus COS platforms.")
public final class Nexusctl {

  /**
   * The subcommands, in the order help lists them. Registered by {@link #commandLine(String...)}:
   * all of them, or only the one a command line starts with (picocli reads every registered
   * command's annotations up front, a tenth of an offline command's time).
   */
  static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
      GetCommand.class, StatusCommand.class, HistoryCommand.class, RollbackCommand.class,
      FailoverCommand.class, FailbackCommand.class, PauseCommand.Pause.class, PauseCommand.Resume.class,
      RestartCommand.class, ValidateCommand.class, RenderCommand.class, DiffCommand.class,
      SandboxLauncher.class, VersionCommand.class, CompletionCommand.class, CdsTrainingCommand.class,
      CommandLine.HelpCommand.class);

  @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces on errors, and library logs.")
  boolean verbose;

  // Connection options, accepted before or after the subcommand as kubectl accepts them
  // (INHERIT: each subcommand gets a copy that sets these same fields).

  @Option(names = "--kubeconfig", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
      description = "kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
  java.nio.file.Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT,
      description = "kubeconfig context (default: the current one); an unknown one is an error.")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", scope = CommandLine.ScopeType.INHERIT,
      description = "Select the platform that runs namespace NS (platforms are cluster-scoped; "
          + "an unknown namespace is an error).")
  String namespace;

  @Option(names = "--request-timeout", paramLabel = "DUR", defaultValue = "30s", scope = CommandLine.ScopeType.INHERIT,
      description = "How long one API request may take, e.g. 10s (default: ${DEFAULT-VALUE}).")
  String requestTimeout;

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
    if (args.length > 0 && args[0].equals(CompleteCommand.NAME)) {
      Logging.quiet(false);
      return CompleteCommand.run(out, java.util.Arrays.asList(args).subList(1, args.length));
    }
    Nexusctl root = new Nexusctl();
    CommandLine cli = commandLine(root, args).setOut(out).setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println("error: " + message(e));
      if (root.verbose) {
        e.printStackTrace(command.getErr());
      }
      command.getErr().flush();
      return e instanceof CliException c ? c.exitCode() : EXIT_INVALID;
    });
    cli.setExecutionStrategy(parsed -> {
      Logging.quiet(root.verbose);
      return new CommandLine.RunLast().execute(parsed);
    });
    try {
      return cli.execute(args);
    } finally {
      // A command that ends with print (no newline) must not lose its output: nothing is left
      // unflushed, whichever command ran (history's table was lost this way).
      out.flush();
      err.flush();
    }
  }

  /** One or two lines: what went wrong and what to do; never a stack trace unless --verbose. */
  private static String message(Exception e) {
    if (e instanceof CliException) {
      return e.getMessage();
    }
    if (e instanceof io.fabric8.kubernetes.client.KubernetesClientException k) {
      return "the API server refused a request: " + String.valueOf(k.getMessage()).lines().findFirst().orElse("")
          + " (run with --verbose for details)";
    }
    return "unexpected failure: " + KubeconfigCheck.firstLine(e) + " (run with --verbose for the stack trace)";
  }

  /** The whole command tree (the reference documentation, completion). */
  static CommandLine commandLine() {
    return commandLine(new Nexusctl());
  }

  /**
   * The command tree for {@code args}: when the first word names a subcommand (other than help),
   * only that one is registered; otherwise (options first, help, no or an unknown command, so that
   * picocli can list or suggest the others) all of them.
   */
  static CommandLine commandLine(Nexusctl root, String... args) {
    CommandLine cli = new CommandLine(root);
    Class<?> only = args.length == 0 ? null : SUBCOMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class && names(c).contains(args[0])).findFirst().orElse(null);
    for (Class<?> c : SUBCOMMANDS) {
      if (only == null || c == only) {
        cli.addSubcommand(c);
      }
    }
    return cli;
  }

  private static java.util.List<String> names(Class<?> command) {
    Command c = command.getAnnotation(Command.class);
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(c.aliases()));
    names.add(c.name());
    return names;
  }
}
