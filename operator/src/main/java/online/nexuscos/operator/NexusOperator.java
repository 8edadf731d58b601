package online.nexuscos.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.Cloner;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.health.Status;
import java.util.Map;
import online.nexuscos.operator.health.HealthSnapshot;
import online.nexuscos.operator.metrics.OperatorMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import online.nexuscos.operator.reconciler.NexusPlatformReconciler;
import online.nexuscos.operator.reconciler.ReconcileCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the JOSDK operator the same way for production, tests and the sandbox; only the
 * client (and so the API server it talks to) differs.
 */
public final class NexusOperator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NexusOperator.class);

  private final Operator operator;
  private final NexusPlatformReconciler reconciler;
  private final AtomicBoolean stopping;
  private final boolean leaderElection;
  private final AtomicBoolean leading;

  private final OperatorMetrics metrics;

  private NexusOperator(Operator operator, NexusPlatformReconciler reconciler, AtomicBoolean stopping,
      boolean leaderElection, AtomicBoolean leading, OperatorMetrics metrics) {
    this.metrics = metrics;
    this.operator = operator;
    this.reconciler = reconciler;
    this.stopping = stopping;
    this.leaderElection = leaderElection;
    this.leading = leading;
  }

  /** How long start waits for an informer's first list before starting the controller anyway. */
  static final java.time.Duration CACHE_SYNC_TIMEOUT = java.time.Duration.ofSeconds(15);

  /** An operator with metrics of its own (a fresh registry), as tests and the sandbox's short-lived ones use. */
  public static NexusOperator create(KubernetesClient client, OperatorSettings settings, Clock clock) {
    return create(client, settings, clock, new OperatorMetrics(new io.prometheus.client.CollectorRegistry()));
  }

  /** An operator counting into {@code metrics} (build its client with {@link OperatorMetrics#countWrites} too). */
  public static NexusOperator create(KubernetesClient client, OperatorSettings settings, Clock clock,
      OperatorMetrics metrics) {
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicBoolean leading = new AtomicBoolean();
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withMetrics(metrics.josdk())
                  .withCloseClientOnStop(false)
                  // Plain create/update/JSON patch: the write path the tests exercise is the one
                  // used on real clusters (see docs/design.md, "Write path").
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withUseSSAToPatchPrimaryResource(false)
                  // A list or watch that fails while starting (a 500 or 429 from a busy API
                  // server) is retried by the informer, not answered with System.exit: the fault
                  // suite (FaultInjectionIT) restarts the operator into such errors. Reconciles
                  // until the caches fill create nothing twice (409) and prune nothing (empty cache).
                  .withStopOnInformerErrorDuringStartup(false)
                  // ... and the controller starts after at most this long even if one has not
                  // listed yet; the reconciler decides nothing until every cache has (ChildCaches.synced).
                  .withCacheSyncTimeout(CACHE_SYNC_TIMEOUT)
                  .withResourceCloner(new Cloner() {
                    @Override
                    public <R extends HasMetadata> R clone(R object) {
                      return keepingReadProblems(client, object);
                    }
                  });
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        settings.leaseName(),
                        settings.leaseNamespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        settings.identity(),
                        leaderCallbacks(settings, stopping, leading),
                        // JOSDK's own exit would call System.exit from operator.stop(), i.e. from
                        // the SIGTERM shutdown hook, where it blocks for ever: handled below.
                        false));
              }
            });
    NexusPlatformReconciler reconciler =
        new NexusPlatformReconciler(client, clock, settings, metrics);
    operator.register(reconciler, c -> c.withReconciliationMaxInterval(settings.resyncPeriod()));
    return new NexusOperator(operator, reconciler, stopping, settings.leaderElection(), leading, metrics);
  }

  /** A copy (as JOSDK makes before each reconcile) that keeps what the reader could not read. */
  static <R extends HasMetadata> R keepingReadProblems(KubernetesClient client, R object) {
    R copy = client.getKubernetesSerialization().clone(object);
    if (object instanceof NexusPlatform original && copy instanceof NexusPlatform platform) {
      platform.setUnreadableFields(original.getUnreadableFields());
    }
    return copy;
  }

  /**
   * A replica that loses its Lease while running exits (status 1), so that its restart rejoins the
   * election instead of idling; one that gives it up because it is stopping just stops.
   */
  private static LeaderCallbacks leaderCallbacks(OperatorSettings settings, AtomicBoolean stopping,
      AtomicBoolean leading) {
    return new LeaderCallbacks(() -> leading.set(true), () -> {
      leading.set(false);
      if (settings.exitOnLostLease() && !stopping.get()) {
        LOG.error("Lost the leader Lease {}/{}; exiting so that a restart rejoins the election",
            settings.leaseNamespace(), settings.leaseName());
        new Thread(() -> System.exit(1), "lost-lease-exit").start();
      }
    }, leader -> LOG.info("Leader is now {}", leader));
  }

  /** What this operator counts; its registry is what {@code /metrics} serves. */
  public OperatorMetrics metrics() {
    return metrics;
  }

  public void start() {
    operator.start();
  }

  /** What {@code /healthz} and {@code /readyz} judge, as of now. */
  public HealthSnapshot health() {
    RuntimeInfo info = operator.getRuntimeInfo();
    HealthSnapshot.Role role = !leaderElection ? HealthSnapshot.Role.SINGLE
        : leading.get() ? HealthSnapshot.Role.LEADER : HealthSnapshot.Role.STANDBY;
    if (!info.isStarted()) {
      return new HealthSnapshot(false, role, List.of());
    }
    List<String> unhealthy = new ArrayList<>();
    for (var sources : info.unhealthyInformerWrappingEventSourceHealthIndicator().values()) {
      for (var source : sources.entrySet()) {
        InformerWrappingEventSourceHealthIndicator<?> indicator = source.getValue();
        for (Map.Entry<String, InformerHealthIndicator> informer : indicator.informerHealthIndicators().entrySet()) {
          InformerHealthIndicator i = informer.getValue();
          if (i.getStatus() != Status.HEALTHY) {
            String namespace = informer.getKey();
            unhealthy.add(source.getKey() + (namespace == null || namespace.isEmpty() ? "" : " in " + namespace)
                + (i.isRunning() ? "" : " stopped") + (i.hasSynced() ? "" : " not synced")
                + (i.isWatching() ? "" : " not watching"));
          }
        }
      }
    }
    return new HealthSnapshot(true, role, unhealthy);
  }

  public ReconcileCounters counters() {
    return reconciler.counters();
  }

  @Override
  public void close() {
    stopping.set(true);
    operator.stop();
  }
}
