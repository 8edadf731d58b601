package online.nexuscos.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import online.nexuscos.operator.NexusOperator;
import online.nexuscos.operator.metrics.OperatorMetrics;
import online.nexuscos.operator.OperatorSettings;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;

/**
 * A cluster on one laptop, for people and end-to-end tests: the mock API server, the simulated
 * garbage collector and kubelet, and the real operator (same code and configuration path as in
 * production; only its client points here). A stand-in for a cluster, and labelled as one.
 */
public final class Sandbox implements AutoCloseable {

  public static final String OPERATOR_AGENT = "nexus-operator";
  public static final String USER_AGENT = "nexus-sandbox-user";

  private final SandboxApiServer apiServer;
  private final KubernetesClient operatorClient;
  private final KubernetesClient client;
  private final KubernetesClient controllersClient;
  private final GarbageCollector garbageCollector;
  private final SimulatedKubelet kubelet;
  private final SandboxOptions options;
  private NexusOperator operator;
  /** One set of metrics for the sandbox's life: operator incarnations count on where the last one stopped. */
  private final OperatorMetrics metrics = new OperatorMetrics(new io.prometheus.client.CollectorRegistry());
  private KubernetesClient incarnationClient;

  private Sandbox(SandboxOptions options) {
    this.options = options;
    apiServer = new SandboxApiServer();
    client = apiServer.client(USER_AGENT);
    controllersClient = apiServer.client("sandbox-simulated-controllers");
    garbageCollector = new GarbageCollector(controllersClient);
    garbageCollector.start();
    kubelet = new SimulatedKubelet(controllersClient, Clock.systemUTC(), options.readyDelay());
    kubelet.start(options.zones(), options.nodesPerZone());
    operatorClient = apiServer.client(OPERATOR_AGENT, metrics::countWrites);
    startOperator();
  }

  /** Starts a fresh operator (it knows only what the cluster tells it, as after a pod restart). */
  public synchronized void startOperator() {
    start(operatorClient);
  }

  /**
   * Starts a fresh operator on a client of its own, closed when it stops: one simulated operator
   * pod, told apart by {@code userAgent} (e.g. to cut off a "killed" one at the API server).
   */
  public synchronized void startOperator(String userAgent, Consumer<KubernetesClientBuilder> tweak) {
    if (operator != null) {
      throw new IllegalStateException("the operator is running; stop it first");
    }
    incarnationClient = apiServer.client(userAgent, b -> {
      tweak.accept(b);
      metrics.countWrites(b);
    });
    start(incarnationClient);
  }

  private void start(KubernetesClient client) {
    if (operator != null) {
      throw new IllegalStateException("the operator is running; stop it first");
    }
    operator = NexusOperator.create(client,
        OperatorSettings.defaults().withResyncPeriod(options.resyncPeriod()), Clock.systemUTC(), metrics);
    operator.start();
  }

  /**
   * Takes the running operator out of the sandbox without waiting for it to stop, as when its pod
   * is killed: a new one can start at once; the returned handle stops the old one (and closes its
   * own client) whenever the caller gets to it.
   */
  public synchronized AutoCloseable detachOperator() {
    NexusOperator old = operator;
    KubernetesClient oldClient = incarnationClient;
    operator = null;
    incarnationClient = null;
    return () -> {
      try {
        if (old != null) {
          old.close();
        }
      } finally {
        if (oldClient != null) {
          oldClient.close();
        }
      }
    };
  }

  /** Stops the operator, as if its pod died; the cluster and its controllers keep running. */
  public synchronized void stopOperator() {
    try {
      if (operator != null) {
        operator.close();
      }
    } finally {
      operator = null;
      if (incarnationClient != null) {
        incarnationClient.close();
        incarnationClient = null;
      }
    }
  }

  public static Sandbox start(SandboxOptions options) {
    return new Sandbox(options);
  }

  public SandboxApiServer apiServer() {
    return apiServer;
  }

  /** A client acting as a user of the cluster. */
  public KubernetesClient client() {
    return client;
  }

  public SimulatedKubelet kubelet() {
    return kubelet;
  }

  /** The running operator (null while stopped). */
  /** What the sandbox's operator counts (its /metrics, with --metrics-port). */
  public OperatorMetrics metrics() {
    return metrics;
  }

  public synchronized NexusOperator operator() {
    return operator;
  }

  /** Creates the platform, or replaces the spec of the existing one of that name, like kubectl apply. */
  public NexusPlatform apply(NexusPlatform platform) {
    var resource = client.resources(NexusPlatform.class).withName(platform.getMetadata().getName());
    NexusPlatform live = resource.get();
    if (live == null) {
      return client.resource(platform).create();
    }
    live.setSpec(platform.getSpec());
    return client.resource(live).update();
  }

  public List<NexusPlatform> platforms() {
    return client.resources(NexusPlatform.class).list().getItems();
  }

  /** Whether every platform reports phase Ready for its current generation. */
  public boolean allReady() {
    return allReady(platforms());
  }

  /** Whether every platform of this one snapshot is Ready at its current generation. */
  public static boolean allReady(List<NexusPlatform> platforms) {
    return !platforms.isEmpty() && platforms.stream().allMatch(p -> p.getStatus() != null
        && p.getStatus().getPhase() == Phase.Ready
        && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()));
  }

  @Override
  public void close() {
    stopOperator();
    kubelet.close();
    garbageCollector.close();
    operatorClient.close();
    controllersClient.close();
    client.close();
    apiServer.close();
  }
}
