package online.nexuscos.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operator jar run as users run it outside a pod: a local JVM with a kubeconfig holding its
 * ServiceAccount's token, so the real authorizer judges every call. Logs go to a file the tests
 * read (its DEBUG "Reconciled" lines mark each reconcile).
 */
final class OperatorProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final String RECONCILED = "Reconciled platform ";

  private final String identity;
  private final Process process;
  private final Path log;
  private final int metricsPort;

  private OperatorProcess(String identity, Process process, Path log, int metricsPort) {
    this.identity = identity;
    this.process = process;
    this.log = log;
    this.metricsPort = metricsPort;
  }

  static OperatorProcess start(RealCluster cluster, String identity, String resyncPeriod) {
    // -Dnexus.e2e.operator-jar runs the suites against another build (e.g. an older one, to show a test fails there).
    Path jar = Path.of(System.getProperty("nexus.e2e.operator-jar",
        cluster.repo().resolve("operator/target/nexus-operator.jar").toString()));
    Path log = cluster.dir().resolve("logs/operator-" + identity + ".log");
    int metricsPort = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmFlags(cluster.repo(), jar));
    command.addAll(List.of(
        // sized as in its container: deploy/operator.yaml's memory limit, 512Mi
        "-XX:MaxRAM=512m",
        "-jar", jar.toString(),
        // as shipped, plus the reconciler's DEBUG line per reconcile, which the suites count
        "--log-level", "INFO,online.nexuscos.operator.reconciler=DEBUG",
        "--kubeconfig", cluster.operatorKubeconfig().toString(),
        "--leader-election", "--lease-namespace", RealCluster.OPERATOR_NAMESPACE,
        "--identity", identity,
        "--resync-period", resyncPeriod,
        "--metrics-port", String.valueOf(metricsPort)));
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new OperatorProcess(identity, process, log, metricsPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The operator's JVM flags as shipped (operator/jvm.options), with the class-data archive the
   * build recorded next to {@code jar} when there is one.
   */
  static List<String> jvmFlags(Path repo, Path jar) {
    List<String> flags = new ArrayList<>(List.of("@" + repo.resolve("operator/jvm.options")));
    Path archive = jar.resolveSibling("nexus-operator.jsa");
    if (Files.isRegularFile(archive)) {
      flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    return flags;
  }

  /** Its process id (for jcmd and /proc). */
  long pid() {
    return process.pid();
  }

  String identity() {
    return identity;
  }

  /** The port of its /metrics, /healthz and /readyz. */
  int metricsPort() {
    return metricsPort;
  }

  /** GET of a path of its metrics and health port: status code and body (-1 when it does not answer). */
  HttpAnswer http(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
          .timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return new HttpAnswer(r.statusCode(), r.body());
    } catch (IOException e) {
      return new HttpAnswer(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HttpAnswer(-1, e.toString());
    }
  }

  /** What the health port answered. */
  record HttpAnswer(int status, String body) {}

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Lines of its log that contain {@code text}. */
  long logLines(String text) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reconciles of {@code platform} logged so far. */
  long reconciles(String platform) {
    return logLines(RECONCILED + platform + ":");
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, as the kubelet sends on pod deletion: its exit code, or -1 if it is still running after {@code within}. */
  int terminate(java.time.Duration within) {
    process.destroy();
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL, as a node failure or an OOM kill would: no clean lease release. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  @Override
  public void close() {
    process.destroy();
    waitForExit();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
