package online.nexuscos.e2e;

import static online.nexuscos.e2e.E2E.awaitPlatform;
import static online.nexuscos.e2e.E2E.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A broken release on the real control plane: kwok never makes its pods Ready, the real
 * deployment controller reports ProgressDeadlineExceeded, the operator restores the stable
 * revision as a whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollbackE2E {

  static final String NAME = "rollback-e2e";
  static final String PLATFORM = E2E.platform(NAME, "1.0.0", "e2e-rollback", """
      # Old pods go before new ones are ready: the broken release leaves its critical service
      # with no available replica for longer than the failover grace period.
      rollout: {progressDeadlineSeconds: 10, maxUnavailable: "100%", maxSurge: "0%"}
      services:
        - {name: api, namespace: e2e-rollback, port: 3000, replicas: 1, critical: true}
        - {name: worker, namespace: e2e-rollback, port: 3001, replicas: 1, dependsOn: [api]}
      failover:
        activeSite: primary
        automatic: true
        gracePeriodSeconds: 3
        criticalUnavailableThreshold: 1
      """ + E2E.ZONE_SITES.indent(2));

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  @Test
  void aReleaseThatNeverBecomesReadyIsRolledBackToTheStableRevision() {
    cluster.kubectl("apply", "-f", E2E.file(PLATFORM)).ok();
    NexusPlatform v1 = awaitReady(cluster, NAME);
    assertThat(v1.getStatus().getStableRevision()).isEqualTo(1);

    long mark = cluster.audit().mark();
    cluster.kubectl("patch", "nxp", NAME, "--type=json", "-p",
        "[{\"op\":\"replace\",\"path\":\"/spec/version\",\"value\":\"1.1.0\"},"
            + "{\"op\":\"add\",\"path\":\"/spec/services/0/tag\",\"value\":\"broken-1.1.0\"}]").ok();

    NexusPlatform rolledBack = awaitPlatform(cluster, NAME, p -> p.getStatus().getPhase() == Phase.Ready
        && Conditions.isTrue(p.getStatus().getConditions(), ConditionType.ROLLED_BACK));
    String uid = rolledBack.getMetadata().getUid(); // Events of this platform, not of an earlier one of the same name
    var condition = Conditions.find(rolledBack.getStatus().getConditions(), ConditionType.ROLLED_BACK).orElseThrow();
    assertThat(condition.getMessage()).contains("Revision 2 failed").contains("api").contains("Restored revision 1");
    assertThat(rolledBack.getStatus().getCurrentRevision()).isEqualTo(1);
    assertThat(rolledBack.getStatus().getFailedRevision()).isEqualTo(2);
    assertThat(rolledBack.getSpec().getVersion()).as("the user's spec is untouched").isEqualTo("1.1.0");
    assertThat(E2E.image(cluster, "e2e-rollback", "api")).endsWith(":1.0.0");
    assertThat(E2E.image(cluster, "e2e-rollback", "worker")).endsWith(":1.0.0");

    // The verdict came from the real deployment controller, not from the operator's own clock.
    assertThat(cluster.audit().since(mark, r -> r.user().endsWith("kube-controller-manager")
        && r.resource().equals("deployments/status") && r.name().equals("api"))).isNotEmpty();
    assertThat(cluster.admin().v1().events().inNamespace("default").list().getItems())
        .anyMatch(e -> "RolledBack".equals(e.getReason()) && uid.equals(e.getInvolvedObject().getUid()));
    // A critical service down for longer than the failover grace period, because of its release:
    // a rollout failure, never a site failure.
    assertThat(rolledBack.getStatus().getFailover().getActiveSite()).isEqualTo("primary");
    assertThat(rolledBack.getStatus().getFailover().getHistory()).as("no failover happened").isNullOrEmpty();
    assertThat(cluster.admin().v1().events().inNamespace("default").list().getItems())
        .noneMatch(e -> "FailoverStarted".equals(e.getReason()) && uid.equals(e.getInvolvedObject().getUid()));
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
  }

}
