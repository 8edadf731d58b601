package online.nexuscos.operator.metrics;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/**
 * Every metric the operator exports, registered in one {@link CollectorRegistry}: reconciliations
 * (through {@link #josdk()}), per-platform state ({@link #platforms()}), decisions (rollbacks,
 * failovers, invalid specs) and API writes (through {@link #countWrites}). Labels are bounded by
 * code (controller, verb, resource, reason, trigger) or by what the platforms declare (their names
 * and sites); nothing is labelled per child object. docs/observability.md lists them all.
 */
public final class OperatorMetrics {

  final Counter reconcilesStarted;
  final Counter reconcilesSucceeded;
  final Counter reconcilesFailed;
  final Counter retries;
  final Counter events;
  final Histogram reconcileSeconds;
  private final Counter rollbacks;
  private final Counter failovers;
  private final Counter invalidSpecs;
  final Counter apiWrites;
  private final PlatformGauges platforms;
  private final CollectorRegistry registry;

  public OperatorMetrics(CollectorRegistry registry) {
    this.registry = registry;
    reconcilesStarted = Counter.build("nexus_reconciliations_started_total",
        "Reconciliations started, by controller.").labelNames("controller").register(registry);
    reconcilesSucceeded = Counter.build("nexus_reconciliations_succeeded_total",
        "Reconciliations that finished without an exception, by controller.").labelNames("controller").register(registry);
    reconcilesFailed = Counter.build("nexus_reconciliations_failed_total",
        "Reconciliations that threw (JOSDK retries them), by controller and exception class.")
        .labelNames("controller", "exception").register(registry);
    retries = Counter.build("nexus_reconciliation_retries_total",
        "Reconciliations started as a retry of a failed one, by controller.").labelNames("controller").register(registry);
    events = Counter.build("nexus_events_received_total",
        "Events that reached the controller (a change of the platform or of a watched child), by controller and action.")
        .labelNames("controller", "action").register(registry);
    reconcileSeconds = Histogram.build("nexus_reconcile_duration_seconds", "How long one reconciliation took.")
        .labelNames("controller").buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
        .register(registry);
    rollbacks = Counter.build("nexus_rollbacks_total",
        "Rollbacks started: reason RolloutFailed (automatic) or Requested (manual).").labelNames("reason").register(registry);
    failovers = Counter.build("nexus_failovers_total", "Failovers started, by site and trigger.")
        .labelNames("from", "to", "trigger").register(registry);
    invalidSpecs = Counter.build("nexus_invalid_spec_total",
        "Times a platform's spec turned invalid (the operator refused it and applied nothing).").register(registry);
    apiWrites = Counter.build("nexus_api_writes_total",
        "Requests that write to the API server, by resource (plural, /subresource) and verb.")
        .labelNames("kind", "verb").register(registry);
    platforms = new PlatformGauges(registry);
    // Every reason's series from the start, at 0: increase() then counts the first rollback too.
    for (RollbackReason reason : RollbackReason.values()) {
      rollbacks.labels(reason.name());
    }
  }

  public CollectorRegistry registry() {
    return registry;
  }

  /** The JOSDK hooks, for {@code ConfigurationServiceOverrider.withMetrics}. */
  public io.javaoperatorsdk.operator.api.monitoring.Metrics josdk() {
    return new JosdkMetrics(this);
  }

  public PlatformGauges platforms() {
    return platforms;
  }

  /** Counts the writes of the client that {@code builder} builds. */
  public KubernetesClientBuilder countWrites(KubernetesClientBuilder builder) {
    return builder.withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("nexus-write-metrics", new WriteCounter(apiWrites)));
  }

  /** Reasons of {@code nexus_rollbacks_total}. */
  public enum RollbackReason { RolloutFailed, Requested }

  public void rollback(RollbackReason reason) {
    rollbacks.labels(reason.name()).inc();
  }

  public void failover(String from, String to, String trigger) {
    failovers.labels(from, to, trigger).inc();
  }

  public void invalidSpec() {
    invalidSpecs.inc();
  }
}
