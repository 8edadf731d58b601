package online.nexuscos.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Generates docs/cli.md from the picocli model, so the reference cannot drift from the code
 * ({@code CliReferenceTest} fails when the committed file differs). Regenerate with
 * {@code java -cp cli/target/nexusctl.jar online.nexuscos.cli.CliReference > docs/cli.md}.
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
    md.append("     Regenerate: java -cp cli/target/nexusctl.jar online.nexuscos.cli.CliReference > docs/cli.md -->\n\n");
    md.append("Exit codes: 0 success (for `status`: Ready; for `diff`: no changes), 1 failure, not Ready, invalid input\n");
    md.append("or (for `diff`) changes, 2 usage error (for `diff`: any error). Errors are one or two lines saying\n");
    md.append("what went wrong and what to do; `--verbose` adds the stack trace. Online commands take\n");
    md.append("`--kubeconfig`, `--context` and `--request-timeout` like kubectl, and use the current context by default.\n\n");
    md.append("```\n").append(root.getUsageMessage(Ansi.OFF)).append("```\n");
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      md.append("\n## nexusctl ").append(sub.getKey()).append("\n\n```\n")
          .append(sub.getValue().getUsageMessage(Ansi.OFF)).append("```\n");
    }
    return md.toString();
  }
}
