package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import online.nexuscos.operator.OperatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two operator processes with leader election on the real control plane: only the Lease holder
 * reconciles; when it is killed (no clean release), the other takes the Lease and carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderElectionE2E {

  static final String NAME = "leader-e2e";
  private static String platform(String version) {
    return E2E.platform(NAME, version, "e2e-leader", """
        services:
          - {name: api, namespace: e2e-leader, port: 3000, replicas: 1}
        """);
  }

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  private String holder() {
    Lease lease = cluster.admin().leases().inNamespace(RealCluster.OPERATOR_NAMESPACE)
        .withName(OperatorSettings.DEFAULT_LEASE_NAME).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void theStandbyNeverReconcilesUntilItTakesTheLeaseOfAKilledLeader() {
    OperatorProcess leader = cluster.operator();
    await().atMost(RealCluster.TIMEOUT).until(() -> leader.identity().equals(holder()));
    OperatorProcess standby = OperatorProcess.start(cluster, "e2e-2", RealCluster.RESYNC);
    try {
      await().atMost(RealCluster.TIMEOUT).until(() -> standby.logLines("New leader with identity") > 0);
      // The Deployment's probes: both replicas are ready with warm caches, and say which leads.
      await().atMost(RealCluster.TIMEOUT).until(() -> standby.http("/readyz").status() == 200);
      assertThat(standby.http("/readyz").body()).isEqualTo("ok (standby)\n");
      assertThat(leader.http("/readyz")).isEqualTo(new OperatorProcess.HttpAnswer(200, "ok (leader)\n"));
      assertThat(standby.http("/healthz")).isEqualTo(new OperatorProcess.HttpAnswer(200, "ok\n"));
      assertThat(leader.http("/metrics").body()).contains("# TYPE jvm_memory_bytes_used gauge");
      cluster.kubectl("apply", "-f", E2E.file(platform("1.0.0"))).ok();
      E2E.awaitReady(cluster, NAME);
      assertThat(standby.reconciles(NAME)).as("the standby reconciles nothing").isZero();
      assertThat(leader.reconciles(NAME)).isPositive();

      leader.kill();
      await().atMost(RealCluster.TIMEOUT).until(() -> "e2e-2".equals(holder()));
      cluster.replaceOperator(standby);
      await().atMost(RealCluster.TIMEOUT).until(() -> standby.http("/readyz").body().equals("ok (leader)\n"));
      cluster.kubectl("apply", "-f", E2E.file(platform("1.1.0"))).ok();
      E2E.awaitPlatform(cluster, NAME, p -> p.getStatus().getStableRevision() != null
          && p.getStatus().getStableRevision() == 2);
      assertThat(standby.reconciles(NAME)).as("the new leader carries on").isPositive();
      assertThat(E2E.image(cluster, "e2e-leader", "api")).endsWith(":1.1.0");
    } catch (RuntimeException | AssertionError e) {
      if (cluster.operator() != standby) {
        cluster.replaceOperator(standby);
      }
      throw e;
    }
  }

  @Test
  void aStandbyStopsPromptlyOnSigterm() {
    OperatorProcess standby = OperatorProcess.start(cluster, "e2e-3", RealCluster.RESYNC);
    await().atMost(RealCluster.TIMEOUT).until(() -> standby.logLines("New leader with identity") > 0);
    // Found on this tier: JOSDK's exit-on-lost-lease called System.exit inside the shutdown hook,
    // so SIGTERM left the JVM hanging until SIGKILL.
    assertThat(standby.terminate(java.time.Duration.ofSeconds(20))).as("exit code after SIGTERM (143), not hanging")
        .isEqualTo(143);
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
  }

}
