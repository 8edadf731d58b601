package online.nexuscos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code nexusctl sandbox ARGS}: starts the sandbox's own jar ({@code nexus-sandbox.jar}) as a
 * child process, so the production CLI carries neither the mock API server nor the operator.
 */
@Command(
    name = "sandbox",
    description = {
      "Run the operator and a whole platform on this machine, no cluster needed.",
      "",
      "Starts nexus-sandbox.jar (the mock API server, simulated controllers and",
      "the operator) with these arguments; see `nexusctl sandbox --help` for them.",
      "The jar is found in $NEXUS_SANDBOX_JAR, next to nexusctl.jar, or in",
      "sandbox/target/ of the repository nexusctl was built in."
    })
final class SandboxLauncher implements Callable<Integer> {

  static final String JAR = "nexus-sandbox.jar";

  @Spec CommandSpec spec;

  @ParentCommand Nexusctl root;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path jar = locate(System.getenv(), codeLocation()).orElseThrow(() -> new CliException(
        JAR + " not found: set NEXUS_SANDBOX_JAR to its path, put it next to nexusctl.jar, or build it with"
            + " `mvn -B -q package -DskipTests` in the repository (it is written to sandbox/target/" + JAR + ")"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(args);
    // Global options nexusctl parsed itself: --kubeconfig is where the sandbox writes its own.
    if (root.kubeconfig != null) {
      command.addAll(List.of("--kubeconfig", root.kubeconfig.toString()));
    }
    if (root.context != null || root.namespace != null) {
      throw new CliException("nexusctl sandbox takes no --context or --namespace: it starts its own API server"
          + " and writes a kubeconfig (--kubeconfig PATH)", Nexusctl.EXIT_USAGE);
    }
    if (root.verbose) {
      command.add("--verbose");
    }
    Process child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
    // Ctrl-C reaches the child too (same process group); a plain kill of nexusctl stops the child here.
    Thread stop = new Thread(() -> {
      child.destroy();
      try {
        child.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sandbox-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    Thread out = copy(child.getInputStream(), spec.commandLine().getOut());
    Thread err = copy(child.getErrorStream(), spec.commandLine().getErr());
    int code = child.waitFor();
    out.join();
    err.join();
    Runtime.getRuntime().removeShutdownHook(stop);
    return code;
  }

  /** Where to look for the sandbox jar, in order; the first that exists wins. */
  static Optional<Path> locate(Map<String, String> env, Path codeLocation) {
    String configured = env.get("NEXUS_SANDBOX_JAR");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isRegularFile(path)) {
        throw new CliException("NEXUS_SANDBOX_JAR=" + configured + " is not a file; point it at " + JAR);
      }
      return Optional.of(path);
    }
    if (codeLocation == null) {
      return Optional.empty();
    }
    // nexusctl.jar's directory (an installation), then up to three levels up for a repository
    // checkout (cli/target/nexusctl.jar or cli/target/classes → sandbox/target/nexus-sandbox.jar).
    Path dir = Files.isDirectory(codeLocation) ? codeLocation : codeLocation.getParent();
    List<Path> candidates = new ArrayList<>();
    candidates.add(dir.resolve(JAR));
    for (Path up = dir; up != null && candidates.size() < 5; up = up.getParent()) {
      candidates.add(up.resolve("sandbox").resolve("target").resolve(JAR));
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst().map(Path::normalize);
  }

  private static Path codeLocation() {
    try {
      var source = SandboxLauncher.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }

  private static Thread copy(InputStream from, PrintWriter to) {
    Thread t = new Thread(() -> {
      char[] buffer = new char[4096];
      try (Reader in = new InputStreamReader(from, StandardCharsets.UTF_8)) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          to.write(buffer, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // The child's stream closed as it exited: nothing left to copy.
      }
    }, "sandbox-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
