package online.nexuscos.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks the kubeconfig files before a client is built, as kubectl does: a missing or unreadable
 * file and an unknown {@code --context} are errors naming the file and the context, where fabric8
 * would fall back silently to the current context (a failover sent to the wrong cluster).
 */
final class KubeconfigCheck {

  private KubeconfigCheck() {}

  /**
   * @param explicit {@code --kubeconfig}, or null
   * @param kubeconfigEnv {@code $KUBECONFIG}, or null
   * @param home the user's home directory (for ~/.kube/config)
   * @param context {@code --context}, or null
   */
  static void check(Path explicit, String kubeconfigEnv, Path home, String context) {
    List<Path> files = files(explicit, kubeconfigEnv, home);
    Set<String> contexts = new LinkedHashSet<>();
    for (Path file : files) {
      contexts.addAll(contexts(file));
    }
    if (context != null && !contexts.contains(context)) {
      String where = files.isEmpty() ? "no kubeconfig file was found (set --kubeconfig or KUBECONFIG)"
          : "it is not in " + String.join(", ", files.stream().map(Path::toString).toList())
              + (contexts.isEmpty() ? " (no contexts)" : " (contexts: " + String.join(", ", contexts) + ")");
      throw new CliException("context \"" + context + "\" was not found: " + where);
    }
  }

  /** The files kubectl would read: --kubeconfig, else each existing file in $KUBECONFIG, else ~/.kube/config. */
  static List<Path> files(Path explicit, String kubeconfigEnv, Path home) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new CliException("kubeconfig " + explicit + ": no such file; check the --kubeconfig path");
      }
      return List.of(explicit);
    }
    List<Path> files = new ArrayList<>();
    if (kubeconfigEnv != null && !kubeconfigEnv.isBlank()) {
      for (String part : kubeconfigEnv.split(File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          files.add(Path.of(part));
        }
      }
      return files;
    }
    Path fallback = home.resolve(".kube").resolve("config");
    return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
  }

  /** The context names of one kubeconfig file; an error naming the file and line when it cannot be read. */
  static List<String> contexts(Path file) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (MarkedYAMLException e) {
      throw new CliException("kubeconfig " + file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML ("
          + e.getProblem() + "); fix the file or point --kubeconfig elsewhere", Nexusctl.EXIT_INVALID, e);
    } catch (YAMLException | IOException e) {
      throw new CliException("kubeconfig " + file + ": cannot be read (" + firstLine(e) + ")", Nexusctl.EXIT_INVALID, e);
    }
    if (doc == null) {
      return List.of();
    }
    if (!(doc instanceof Map<?, ?> map)) {
      throw new CliException("kubeconfig " + file + ": not a kubeconfig (expected a mapping with clusters, users, contexts)");
    }
    List<String> names = new ArrayList<>();
    if (map.get("contexts") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> entry && entry.get("name") != null) {
          names.add(String.valueOf(entry.get("name")));
        }
      }
    }
    return names;
  }

  /** The first line of an exception's message, or its kind in words when it has none. */
  static String firstLine(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "no details; run with --verbose"
        : message.lines().findFirst().orElse("").strip();
  }
}
