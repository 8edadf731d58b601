package online.nexuscos.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nexusctl completion bash|zsh|fish}: a shell completion script that asks nexusctl itself
 * ({@code nexusctl __complete}) for candidates, so platform, site, revision and service names come
 * from the cluster, as kubectl's completion does.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script. Subcommands and options complete from the",
        "command tree; platform, site (--to), revision (--to-revision, --revision), service",
        "(--service), namespace (-n) and context (--context) names from the cluster and kubeconfig.",
        "  bash: source <(nexusctl completion bash)",
        "  zsh:  source <(nexusctl completion zsh)",
        "  fish: nexusctl completion fish | source"})
final class CompletionCommand implements Callable<Integer> {

  /** Supported shells. */
  enum Shell { bash, zsh, fish }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  private static final String BASH = """
      # nexusctl completion for bash: candidates come from `nexusctl __complete WORDS...`.
      _nexusctl() {
        local cur=${COMP_WORDS[COMP_CWORD]} out
        out=$(nexusctl __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
        if [ "$out" = "%1$s" ]; then
          COMPREPLY=($(compgen -f -- "$cur"))
        else
          local IFS=$'\\n'
          COMPREPLY=($(compgen -W "$out" -- "$cur"))
        fi
      }
      complete -o default -F _nexusctl nexusctl
      complete -o default -F _nexusctl kubectl-nexus
      """;

  private static final String FISH = """
      # nexusctl completion for fish: candidates come from `nexusctl __complete WORDS...`.
      function __nexusctl_complete
          set -l words (commandline -opc) (commandline -ct)
          set -l out (nexusctl __complete $words[2..-1] 2>/dev/null)
          if test "$out" = "%1$s"
              __fish_complete_path (commandline -ct)
          else
              printf '%%s\\n' $out
          end
      end
      complete -c nexusctl -f -a '(__nexusctl_complete)'
      """;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    switch (shell) {
      case bash -> out.print(BASH.formatted(CompleteCommand.FILES));
      case zsh -> {
        out.println("autoload -U +X compinit && compinit");
        out.println("autoload -U +X bashcompinit && bashcompinit");
        out.print(BASH.formatted(CompleteCommand.FILES));
      }
      case fish -> out.print(FISH.formatted(CompleteCommand.FILES));
    }
    out.flush();
    return 0;
  }
}
