package online.nexuscos.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl completion bash|zsh}: a shell completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script.",
        "  bash: source <(nexusctl completion bash)",
        "  zsh:  source <(nexusctl completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

  /** Supported shells. */
  enum Shell { bash, zsh }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("nexusctl", spec.parent().commandLine());
    var out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    out.print(script);
    out.flush();
    return 0;
  }
}
