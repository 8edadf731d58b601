package online.nexuscos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden {@code nexusctl cds-training}: the run the kubectl-nexus launcher records its
 * class-data-sharing archive from, so every later command starts with the classes of render,
 * validation and the API client already mapped (docs/performance.md). Builds the whole command
 * tree, renders and validates the example built into the jar and tries one API request against a
 * closed local port; prints nothing.
 */
@Command(name = "cds-training", hidden = true,
    description = "Exercise render and the API client once, for the launcher's class-data-sharing archive.")
final class CdsTrainingCommand implements Callable<Integer> {

  static final String EXAMPLE = "examples/nexus-cos.yaml";

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("nexusctl-cds");
    try {
      Path example = dir.resolve("nexus-cos.yaml");
      try (InputStream in = CdsTrainingCommand.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
        if (in == null) {
          throw new CliException(EXAMPLE + " is missing from nexusctl.jar; rebuild it");
        }
        Files.copy(in, example);
      }
      Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
          apiVersion: v1
          kind: Config
          clusters: [{name: closed, cluster: {server: "http://127.0.0.1:9"}}]
          users: [{name: nobody, user: {token: none}}]
          contexts: [{name: closed, context: {cluster: closed, user: nobody}}]
          current-context: closed
          """);
      PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
      // Each command registers only itself (Nexusctl.commandLine): the whole tree once, for help and the rest.
      Nexusctl.commandLine();
      int rendered = Nexusctl.run(quiet, quiet, "render", "-f", example.toString());
      Nexusctl.run(quiet, quiet, "validate", "-f", example.toString());
      Nexusctl.run(quiet, quiet, "status", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "1s");
      return rendered;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
