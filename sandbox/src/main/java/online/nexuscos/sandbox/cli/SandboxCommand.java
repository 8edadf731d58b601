package online.nexuscos.sandbox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import online.nexuscos.core.Durations;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import online.nexuscos.platform.api.v1alpha1.ServiceStatus;
import online.nexuscos.sandbox.Sandbox;
import online.nexuscos.sandbox.SandboxOptions;
import online.nexuscos.sandbox.SimulatedKubelet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nexus-sandbox} (also started by {@code nexusctl sandbox}): the operator and a whole platform
 * on one machine, no cluster. Starts a stand-in API server (fabric8's mock), simulated cluster
 * controllers and the real operator. It lives in its own jar so the production CLI ships none of it.
 */
@Command(
    name = "nexus-sandbox",
    mixinStandardHelpOptions = true,
    version = "nexus-sandbox (the operator on a stand-in cluster)",
    description = {
      "Run the operator and a whole platform on this machine, no cluster needed.",
      "",
      "Starts a stand-in for a cluster: fabric8's mock API server, simulated",
      "cluster controllers and the real operator. It is not a cluster; no",
      "container runs. The simulation: Nodes in --zones; a Deployment becomes",
      "available --ready-delay after it changes; an image tag starting with",
      "'broken' never does and reports ProgressDeadlineExceeded after its",
      "progress deadline; pods whose placement admits only NotReady Nodes are",
      "unavailable; deleting an owner or a namespace deletes what it holds.",
      "",
      "Applies the files (default: the example nexus-cos platform shipped in",
      "this jar, the same as examples/nexus-cos.yaml), prints progress",
      "(services ready per namespace), writes a kubeconfig for kubectl and",
      "nexusctl, and runs until Ctrl-C. Take a node down from another terminal:",
      "  kubectl --kubeconfig PATH patch node sandbox-zone-a-1 --type=merge \\",
      "    -p '{\"metadata\":{\"labels\":{\"" + SimulatedKubelet.READY_LABEL + "\":\"false\"}}}'",
      "",
      "With --until-ready it exits 0 once every platform is Ready, and 1 on",
      "timeout or when a platform is invalid or degraded. Usage errors exit 2.",
      ""
    })
public final class SandboxCommand implements Callable<Integer> {

  /** Exit code when a platform is invalid, degraded, or not Ready in time (with --until-ready). */
  public static final int EXIT_NOT_READY = 1;
  /** Exit code of a usage error (unknown flag, bad duration), as picocli and kubectl use. */
  public static final int EXIT_USAGE = 2;
  /** The example platform shipped in this jar (copied from examples/ by the build). */
  static final String BUILT_IN_EXAMPLE = "examples/nexus-cos.yaml";

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
      description = "NexusPlatform YAML to apply (repeatable; default: the built-in example nexus-cos).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "PATH",
      description = "Where to write the sandbox's kubeconfig (default: $XDG_CACHE_HOME/nexus-sandbox/kubeconfig,"
          + " else ~/.cache/nexus-sandbox/kubeconfig: one per user).")
  Path kubeconfig;

  @Option(names = {"-v", "--verbose"}, description = "Show the operator's and the libraries' logs (INFO).")
  boolean verbose;

  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "-1",
      description = {"Serve the operator's /metrics, /healthz and /readyz on this port (0: a free one,",
          "printed; default: off), as the operator's --metrics-port does, e.g. for a local Prometheus."})
  int metricsPort;

  @Option(names = "--until-ready", description = "Exit 0 once every platform is Ready (non-zero on timeout).")
  boolean untilReady;

  @Option(names = "--timeout", paramLabel = "DUR", defaultValue = "2m",
      description = "With --until-ready: how long to wait, e.g. 90s, 2m (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--ready-delay", paramLabel = "DUR", defaultValue = "300ms",
      description = "How long a healthy simulated rollout takes to become available (default: ${DEFAULT-VALUE}).")
  String readyDelay;

  @Option(names = "--zones", split = ",", paramLabel = "ZONE", defaultValue = "zone-a,zone-b",
      description = "Zones of the simulated Nodes (default: ${DEFAULT-VALUE}).")
  List<String> zones;

  @Option(names = "--nodes-per-zone", paramLabel = "N", defaultValue = "2",
      description = "Simulated Nodes per zone (default: ${DEFAULT-VALUE}).")
  int nodesPerZone;

  /** Runs the sandbox on the process's streams and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the sandbox with the given streams and returns its exit code (tests call this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new SandboxCommand()).setOut(out).setErr(err);
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println("error: " + e);
      e.printStackTrace(command.getErr());
      return EXIT_NOT_READY;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The per-user default: a path shared by every user of the machine would let one overwrite another's. */
  static Path defaultKubeconfig(Map<String, String> env, String home) {
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(home, ".cache");
    return base.resolve("nexus-sandbox").resolve("kubeconfig");
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    quietLogs(verbose);
    Duration wait;
    SandboxOptions options;
    try {
      wait = Durations.parse(timeout);
      options = new SandboxOptions(zones, nodesPerZone, Durations.parse(readyDelay), Duration.ofSeconds(10));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return EXIT_USAGE;
    }
    List<NexusPlatform> platforms = new ArrayList<>();
    try {
      if (files.isEmpty()) {
        platforms.addAll(PlatformDocuments.parse(BUILT_IN_EXAMPLE + " (built in)", builtInExample()));
      }
      for (Path file : files) {
        platforms.addAll(PlatformDocuments.load(file));
      }
    } catch (PlatformDocuments.InvalidDocumentException e) {
      err.println("error: " + e.getMessage());
      return EXIT_NOT_READY;
    }
    Path config = kubeconfig != null ? kubeconfig : defaultKubeconfig(System.getenv(), System.getProperty("user.home"));

    Instant started = Instant.now();
    Sandbox sandbox = Sandbox.start(options);
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      sandbox.close();
    }, "sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      sandbox.apiServer().writeKubeconfig(config);
      if (metricsPort >= 0) {
        var health = online.nexuscos.operator.health.HealthServer.start(metricsPort, () -> sandbox.operator().health(),
            new online.nexuscos.operator.health.OperatorHealth(java.time.Clock.systemUTC(),
                online.nexuscos.operator.health.OperatorHealth.DEFAULT_STUCK_AFTER),
            sandbox.metrics().registry());
        io.prometheus.client.hotspot.DefaultExports.register(sandbox.metrics().registry());
        out.println("metrics:    http://localhost:" + health.port() + "/metrics (also /healthz, /readyz)");
      }
      out.println("Sandbox (a stand-in for a cluster: fabric8 mock API server + simulated controllers) at "
          + sandbox.apiServer().url());
      out.println("kubeconfig: " + config);
      out.println("try:        kubectl --kubeconfig " + config + " get deploy -A");
      platforms.forEach(sandbox::apply);
      out.println("applied:    " + platforms.stream().map(p -> p.getMetadata().getName()).collect(Collectors.joining(", ")));
      out.flush();
      int code = watch(sandbox, out, err, started, wait, stop);
      if (untilReady) {
        return code;
      }
      return 0;
    } finally {
      if (untilReady) {
        Runtime.getRuntime().removeShutdownHook(hook);
        sandbox.close();
      }
    }
  }

  /** Held so the JUL level of the mock server's logger is not garbage-collected. */
  private static final java.util.logging.Logger MOCK_SERVER = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /** Keeps the operator's and libraries' logs off the terminal (warnings stay) unless --verbose. */
  private static void quietLogs(boolean verbose) {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(verbose ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.fabric8"))
        .setLevel(verbose ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.ERROR);
    MOCK_SERVER.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
  }

  private static String builtInExample() throws IOException {
    try (InputStream in = SandboxCommand.class.getClassLoader().getResourceAsStream(BUILT_IN_EXAMPLE)) {
      if (in == null) {
        throw new IOException(BUILT_IN_EXAMPLE + " is missing from this jar; rebuild it with mvn package, or pass -f FILE");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Prints progress whenever it changes; returns when ready (with --until-ready), on timeout, or on Ctrl-C. */
  private int watch(Sandbox sandbox, PrintWriter out, PrintWriter err, Instant started, Duration wait,
      CountDownLatch stop) throws InterruptedException {
    String last = "";
    boolean announcedReady = false;
    while (true) {
      List<NexusPlatform> live = sandbox.platforms();
      String progress = progress(live);
      if (!progress.equals(last)) {
        out.println(progress);
        out.flush();
        last = progress;
      }
      // Judged from the snapshot just printed (a second read could be newer than the last line shown).
      if (Sandbox.allReady(live) && !announcedReady) {
        out.printf("ready:      every platform is Ready (%.1f s)%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        if (untilReady) {
          out.flush();
          return 0;
        }
        out.println("Running until Ctrl-C.");
        out.flush();
        announcedReady = true;
      }
      if (untilReady) {
        String failure = failure(live);
        if (failure != null) {
          err.println("error: " + failure);
          return EXIT_NOT_READY;
        }
        if (Duration.between(started, Instant.now()).compareTo(wait) > 0) {
          err.println("error: not Ready after " + timeout + ": " + notReady(live)
              + ". Run without --until-ready and inspect with kubectl, or raise --timeout.");
          return EXIT_NOT_READY;
        }
      }
      if (stop.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return 0;
      }
    }
  }

  /** One line per platform: phase, services ready, and n/m per namespace. */
  static String progress(List<NexusPlatform> platforms) {
    StringBuilder sb = new StringBuilder();
    for (NexusPlatform p : platforms) {
      var status = p.getStatus();
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p.getMetadata().getName()).append(": ");
      if (status == null || status.getServices() == null) {
        sb.append(status == null ? "Pending" : status.getPhase());
        continue;
      }
      Map<String, int[]> perNamespace = new TreeMap<>();
      for (ServiceStatus s : status.getServices()) {
        int[] counts = perNamespace.computeIfAbsent(s.getNamespace(), k -> new int[2]);
        counts[1]++;
        if (s.getState() == ServiceState.Available) {
          counts[0]++;
        }
      }
      sb.append(status.getPhase()).append(' ').append(status.getServicesReady()).append(" services ready  (")
          .append(perNamespace.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
              .collect(Collectors.joining(", ")))
          .append(')');
    }
    return sb.toString();
  }

  private static String failure(List<NexusPlatform> platforms) {
    for (NexusPlatform p : platforms) {
      var status = p.getStatus();
      if (status == null || !p.getMetadata().getGeneration().equals(status.getObservedGeneration())) {
        continue;
      }
      if (status.getPhase() == Phase.Invalid || status.getPhase() == Phase.Degraded) {
        String type = status.getPhase() == Phase.Invalid ? "InvalidSpec" : "Degraded";
        return "platform " + p.getMetadata().getName() + " is " + status.getPhase() + ": "
            + Conditions.find(status.getConditions(), type).map(c -> c.getMessage()).orElse("");
      }
    }
    return null;
  }

  private static String notReady(List<NexusPlatform> platforms) {
    return platforms.stream().filter(p -> p.getStatus() == null || p.getStatus().getPhase() != Phase.Ready)
        .map(p -> p.getMetadata().getName() + " is " + (p.getStatus() == null ? "Pending" : p.getStatus().getPhase()
            + " (" + Conditions.find(p.getStatus().getConditions(), "Ready").map(c -> c.getMessage()).orElse("") + ")"))
        .collect(Collectors.joining("; "));
  }
}
