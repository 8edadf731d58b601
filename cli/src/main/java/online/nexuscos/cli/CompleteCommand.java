package online.nexuscos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code nexusctl __complete WORD...} (not a picocli subcommand: the words are taken as typed,
 * options included, see {@link Nexusctl#run}): the candidates for the last word, one per line, for
 * the shell scripts of {@code nexusctl completion}: subcommands and options from the command
 * tree, and platform, site, revision, service, namespace and context names from the cluster and
 * kubeconfig the words name. {@value #FILES} asks the shell to complete file names. A cluster that
 * cannot be reached gives no candidates, never an error on the user's terminal.
 */
final class CompleteCommand {

  /** The line that tells the completion script to complete file names instead. */
  static final String FILES = ":files";

  /** The word after which the shell scripts pass what has been typed. */
  static final String NAME = "__complete";

  private CompleteCommand() {}

  /** Prints the candidates for {@code words}, one per line; always exits 0. */
  static int run(PrintWriter out, List<String> words) {
    candidates(Nexusctl.commandLine(), words, new ClusterNames()).forEach(out::println);
    out.flush();
    return 0;
  }

  /** Where names come from: the cluster (and kubeconfig) the typed words point at. */
  static class ClusterNames {
    /** Names of kind {@code what} (platform, site, revision, service, namespace, context), best effort. */
    List<String> names(String what, Path kubeconfig, String context, String platform) {
      try {
        if (what.equals("context")) {
          List<String> contexts = new ArrayList<>();
          for (Path file : KubeconfigCheck.files(kubeconfig, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")))) {
            contexts.addAll(KubeconfigCheck.contexts(file));
          }
          return contexts;
        }
        Nexusctl globals = new Nexusctl();
        globals.kubeconfig = kubeconfig;
        globals.context = context;
        globals.requestTimeout = "2s";
        CommandLine cli = new CommandLine(globals);
        try (KubeOptions kube = new KubeOptions()) {
          kube.command = cli.getCommandSpec();
          List<NexusPlatform> all = kube.client().resources(NexusPlatform.class).list().getItems();
          List<NexusPlatform> chosen = platform == null ? all
              : all.stream().filter(p -> p.getMetadata().getName().equals(platform)).toList();
          TreeSet<String> names = new TreeSet<>();
          for (NexusPlatform p : chosen) {
            switch (what) {
              case "platform" -> names.add(p.getMetadata().getName());
              case "site" -> {
                if (p.getSpec().getFailover() != null && p.getSpec().getFailover().getSites() != null) {
                  p.getSpec().getFailover().getSites().forEach(s -> names.add(s.getName()));
                }
              }
              case "service" -> p.getSpec().getServices().forEach(s -> names.add(s.getName()));
              case "namespace" -> p.getSpec().getNamespaces().forEach(n -> names.add(n.getName()));
              case "revision" -> HistoryCommand.revisions(kube, p.getMetadata().getName())
                  .forEach(r -> names.add(String.valueOf(r.number())));
              default -> { }
            }
          }
          return List.copyOf(names);
        }
      } catch (RuntimeException e) {
        return List.of(); // completion must never print errors into the user's command line
      }
    }
  }

  /** The candidates for the last of {@code words} (the word being completed; may be empty). */
  static List<String> candidates(CommandLine root, List<String> words, ClusterNames names) {
    List<String> typed = words.isEmpty() ? List.of("") : words;
    String current = typed.get(typed.size() - 1);
    String previous = typed.size() > 1 ? typed.get(typed.size() - 2) : null;
    CommandLine command = root;
    Path kubeconfig = null;
    String context = null;
    String platform = null;
    for (int i = 0; i < typed.size() - 1; i++) {
      String w = typed.get(i);
      if (w.equals("--kubeconfig") && i + 1 < typed.size() - 1) {
        kubeconfig = Path.of(typed.get(i + 1));
      } else if (w.equals("--context") && i + 1 < typed.size() - 1) {
        context = typed.get(i + 1);
      } else if (command == root && root.getSubcommands().containsKey(w)) {
        command = root.getSubcommands().get(w);
      } else if (command != root && !w.startsWith("-") && !takesValue(command, typed.get(i - 1)) && platform == null) {
        platform = w;
      }
    }
    List<String> out = new ArrayList<>();
    OptionSpec option = previous == null ? null : command.getCommandSpec().findOption(previous);
    if (option != null && option.arity().min() > 0) {
      String label = option.paramLabel();
      if (option.longestName().equals("--kubeconfig") || option.longestName().equals("--filename")) {
        return List.of(FILES);
      }
      if (option.completionCandidates() != null) {
        option.completionCandidates().forEach(out::add);
      } else if (option.longestName().equals("--context")) {
        out.addAll(names.names("context", kubeconfig, null, null));
      } else if (option.longestName().equals("--namespace")) {
        out.addAll(names.names("namespace", kubeconfig, context, null));
      } else {
        String kind = Map.of("SITE", "site", "N", "revision", "S", "service").get(label);
        if (kind != null) {
          out.addAll(names.names(kind, kubeconfig, context, platform));
        }
      }
    } else if (current.startsWith("-")) {
      command.getCommandSpec().options().stream().filter(o -> !o.hidden())
          .forEach(o -> out.add(o.longestName()));
    } else if (command == root) {
      root.getSubcommands().forEach((name, sub) -> {
        if (!sub.getCommandSpec().usageMessage().hidden()) {
          out.add(name);
        }
      });
    } else if (platform == null && !command.getCommandSpec().positionalParameters().isEmpty()
        && "NAME".equals(command.getCommandSpec().positionalParameters().get(0).paramLabel())) {
      out.addAll(names.names("platform", kubeconfig, context, null));
    }
    return out.stream().filter(c -> c.startsWith(current)).distinct().sorted().toList();
  }

  private static boolean takesValue(CommandLine command, String word) {
    OptionSpec option = command.getCommandSpec().findOption(word);
    return option != null && option.arity().min() > 0;
  }
}
