package online.nexuscos.operator;

import online.nexuscos.core.KubeConfigs;
import online.nexuscos.core.Durations;
import ch.qos.logback.classic.LoggerContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import online.nexuscos.operator.health.HealthServer;
import online.nexuscos.operator.metrics.OperatorMetrics;
import online.nexuscos.operator.health.OperatorHealth;
import online.nexuscos.operator.logging.LogLevels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Entry point of {@code java -jar operator/target/nexus-operator.jar}. */
@Command(
    name = "nexus-operator",
    mixinStandardHelpOptions = true,
    version = "nexus-operator 0.1.0",
    description = {
      "Reconciles NexusPlatform resources into the Nexus COS platform.",
      "Connects to the current kubeconfig context, or to the in-cluster API server when run in a pod.",
      "Every option can also be set by the environment variable named in its description."
    })
public final class Main implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** Exit code of a bad flag or environment value, as picocli's own usage errors. */
  static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  @Option(names = "--kubeconfig", description = "kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
  Path kubeconfig;

  @Option(names = "--context", description = "kubeconfig context (default: the current context).")
  String context;

  @Option(names = "--watch-namespaces", split = ",", defaultValue = "${env:NEXUS_WATCH_NAMESPACES}",
      description = "Comma-separated namespaces the operator may manage; empty means all (env NEXUS_WATCH_NAMESPACES).")
  Set<String> watchNamespaces = Set.of();

  @Option(names = "--leader-election", negatable = true, defaultValue = "${env:NEXUS_LEADER_ELECTION:-false}",
      description = "Take a Lease before reconciling, so several replicas can run (env NEXUS_LEADER_ELECTION).")
  boolean leaderElection;

  @Option(names = "--lease-namespace", defaultValue = "${env:NEXUS_LEASE_NAMESPACE:-${env:POD_NAMESPACE}}",
      description = "Namespace of the leader Lease (env NEXUS_LEASE_NAMESPACE, else POD_NAMESPACE).")
  String leaseNamespace;

  @Option(names = "--lease-name", defaultValue = "${env:NEXUS_LEASE_NAME:-" + OperatorSettings.DEFAULT_LEASE_NAME + "}",
      description = "Name of the leader Lease (env NEXUS_LEASE_NAME; default ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(names = "--identity", defaultValue = "${env:POD_NAME}",
      description = "This replica's identity in the Lease (env POD_NAME; default: host name).")
  String identity;

  @Option(names = "--resync-period", defaultValue = "${env:NEXUS_RESYNC_PERIOD:-10m}",
      description = "Longest time between two reconciles of a quiet platform, e.g. 30s, 10m (env NEXUS_RESYNC_PERIOD; default ${DEFAULT-VALUE}).")
  String resyncPeriod;

  @Option(names = "--log-level", defaultValue = "${env:NEXUS_LOG_LEVEL:-INFO}",
      description = "TRACE, DEBUG, INFO, WARN or ERROR, then LOGGER=LEVEL for single loggers, comma-separated, e.g. "
          + "INFO,online.nexuscos.operator.reconciler=DEBUG (env NEXUS_LOG_LEVEL; default ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(names = "--metrics-port", defaultValue = "${env:NEXUS_METRICS_PORT:-8080}",
      description = "Port of /metrics, /healthz and /readyz on every interface; 0 turns them off (env NEXUS_METRICS_PORT; default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--cds-training", hidden = true,
      description = "Exercise start-up once without a cluster, for the build's class-data-sharing archive, and exit.")
  boolean cdsTraining;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (cdsTraining) {
      return CdsTraining.run();
    }
    LogLevels levels;
    OperatorSettings settings;
    try {
      levels = logLevels();
      settings = settings();
    } catch (IllegalArgumentException e) {
      // a flag's or environment variable's value: its message names it and the fix; no stack trace
      spec.commandLine().getErr().println("nexus-operator: " + e.getMessage());
      return EXIT_USAGE;
    }
    levels.apply((LoggerContext) LoggerFactory.getILoggerFactory());
    Set<String> namespaces = settings.watchNamespaces();

    OperatorMetrics metrics = new OperatorMetrics(CollectorRegistry.defaultRegistry);
    KubernetesClient client = metrics.countWrites(new io.fabric8.kubernetes.client.KubernetesClientBuilder()
        .withConfig(config()).withKubernetesSerialization(KubeConfigs.lenientSerialization())).build();
    if (!crdInstalled(client)) {
      return 3;
    }
    NexusOperator operator = NexusOperator.create(client, settings, Clock.systemUTC(), metrics);
    HealthServer health = metricsPort == 0 ? null : startHealthServer(operator);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping nexus-operator");
      operator.close();
      if (health != null) {
        health.close();
      }
      client.close();
      stopped.countDown();
    }, "shutdown"));
    operator.start();
    LOG.info("nexus-operator started against {} (namespaces: {}, leader election: {})",
        client.getMasterUrl(), namespaces.isEmpty() ? "all" : namespaces, leaderElection);
    stopped.await();
    return 0;
  }

  private HealthServer startHealthServer(NexusOperator operator) throws IOException {
    DefaultExports.register(operator.metrics().registry());
    HealthServer server = HealthServer.start(metricsPort, operator::health,
        new OperatorHealth(Clock.systemUTC(), OperatorHealth.DEFAULT_STUCK_AFTER), operator.metrics().registry());
    LOG.info("Serving /metrics, /healthz and /readyz on port {}", server.port());
    return server;
  }

  /** The log levels {@code --log-level} asks for. */
  LogLevels logLevels() {
    return LogLevels.parse(logLevel);
  }

  /** The settings the flags and environment variables describe. */
  OperatorSettings settings() {
    Set<String> namespaces = watchNamespaces == null ? Set.of() : watchNamespaces.stream()
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    return new OperatorSettings(namespaces, leaderElection, leaseName, leaseNamespace,
        identity, Durations.parse(resyncPeriod), true);
  }

  private Config config() throws IOException {
    return KubeConfigs.load(kubeconfig, context);
  }

  /** Fails early, with the fix, when the CRD is missing; tolerates clusters that hide CRDs. */
  private static boolean crdInstalled(KubernetesClient client) {
    String crd = "nexusplatforms." + NexusPlatform.GROUP;
    try {
      if (client.apiextensions().v1().customResourceDefinitions().withName(crd).get() == null) {
        System.err.println("nexus-operator: the CustomResourceDefinition " + crd + " is not installed. Install it with:"
            + "\n  kubectl apply -f crds/nexusplatforms.platform.nexuscos.online-v1.yml");
        return false;
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        System.err.println("nexus-operator: cannot reach the API server at " + client.getMasterUrl() + ": "
            + e.getMessage() + "\nCheck --kubeconfig/--context (or KUBECONFIG) and that the cluster is up.");
        return false;
      }
      LOG.warn("Cannot read CustomResourceDefinitions (403); assuming {} is installed", crd);
    }
    return true;
  }

}
