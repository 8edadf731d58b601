package online.nexuscos.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Generates docs/cli.md from the picocli model, so the reference cannot drift from the code
 * ({@code CliReferenceTest} fails when the committed file differs). Regenerate with
 * {@code java -cp cli/target/nexusctl.jar:sandbox/target/nexus-sandbox.jar online.nexuscos.cli.CliReference > docs/cli.md}
 * (the sandbox's own options come from its jar, which the CLI does not contain).
 */
public final class CliReference {

  private CliReference() {}

  public static void main(String[] args) {
    System.out.print(markdown());
  }

  public static String markdown() {
    CommandLine root = Nexusctl.commandLine();
    StringBuilder md = new StringBuilder();
    md.append("# nexusctl reference\n\n");
    md.append("<!-- Generated from the picocli model by online.nexuscos.cli.CliReference; do not edit.\n");
    md.append("     Regenerate: java -cp cli/target/nexusctl.jar:sandbox/target/nexus-sandbox.jar online.nexuscos.cli.CliReference > docs/cli.md -->\n\n");
    md.append("Exit codes: 0 success (for `status`: Ready; for `diff`: no changes), 1 failure, not Ready, invalid input\n");
    md.append("or (for `diff`) changes, 2 usage error (for `diff`: any error). Errors are one or two lines saying\n");
    md.append("what went wrong and what to do; `--verbose` adds the stack trace.\n\n");
    md.append("Global options, as kubectl has them, go before or after the subcommand (`nexusctl --kubeconfig KC get`\n");
    md.append("and `nexusctl get --kubeconfig KC` are the same): `--kubeconfig`, `--context` (an unknown context is an\n");
    md.append("error listing the file's contexts, never a silent fall-back to the current one), `-n/--namespace` (selects\n");
    md.append("the platform that runs that namespace: NexusPlatforms are cluster-scoped), `--request-timeout`, `-v`.\n");
    md.append("A missing or unreadable kubeconfig is an error naming the file (and the line, for bad YAML).\n");
    md.append("Lists (`get`) print as kubectl does: `-o json|yaml` is a `List` with `items`, `-o name` is\n");
    md.append("`nexusplatform/NAME`, `-o wide` adds columns.\n\n");
    md.append("```\n").append(root.getUsageMessage(Ansi.OFF)).append("```\n");
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      if (sub.getKey().equals("help") || sub.getValue().getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      md.append("\n## nexusctl ").append(sub.getKey()).append("\n\n```\n")
          .append(sub.getValue().getUsageMessage(Ansi.OFF)).append("```\n");
      if (sub.getKey().equals("sandbox")) {
        md.append("\nThe arguments `nexusctl sandbox` passes to nexus-sandbox.jar:\n\n```\n")
            .append(sandboxUsage()).append("```\n");
      }
    }
    return md.toString();
  }

  /** The sandbox's own usage, read from its command class when its jar is on the class path. */
  private static String sandboxUsage() {
    try {
      Class<?> command = Class.forName("online.nexuscos.sandbox.cli.SandboxCommand");
      return new CommandLine(command.getDeclaredConstructor().newInstance()).getUsageMessage(Ansi.OFF);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("put sandbox/target/nexus-sandbox.jar on the class path to generate the reference", e);
    }
  }
}
