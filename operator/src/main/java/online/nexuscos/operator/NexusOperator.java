package online.nexuscos.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import online.nexuscos.operator.reconciler.NexusPlatformReconciler;
import online.nexuscos.operator.reconciler.ReconcileCounters;

/**
 * Assembles the JOSDK operator the same way for production, tests and the sandbox; only the
 * client (and so the API server it talks to) differs.
 */
public final class NexusOperator implements AutoCloseable {

  private final Operator operator;
  private final NexusPlatformReconciler reconciler;

  private NexusOperator(Operator operator, NexusPlatformReconciler reconciler) {
    this.operator = operator;
    this.reconciler = reconciler;
  }

  public static NexusOperator create(KubernetesClient client, OperatorSettings settings, Clock clock) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  // Plain create/update/JSON patch: the write path the tests exercise is the one
                  // used on real clusters (see docs/design.md, "Write path").
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withStopOnInformerErrorDuringStartup(true);
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        settings.leaseName(),
                        settings.leaseNamespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        settings.identity(),
                        null,
                        settings.exitOnLostLease()));
              }
            });
    NexusPlatformReconciler reconciler =
        new NexusPlatformReconciler(client, clock, settings.watchNamespaces(), settings.resyncPeriod());
    operator.register(reconciler, c -> c.withReconciliationMaxInterval(settings.resyncPeriod()));
    return new NexusOperator(operator, reconciler);
  }

  public void start() {
    operator.start();
  }

  public ReconcileCounters counters() {
    return reconciler.counters();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
