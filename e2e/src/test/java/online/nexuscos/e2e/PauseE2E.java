package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** spec.paused on the real control plane: nothing of the platform is written until it is resumed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PauseE2E {

  static final String NAME = "pause-e2e";
  static final String PLATFORM = E2E.platform(NAME, "1.0.0", "e2e-pause", """
      services:
        - {name: api, namespace: e2e-pause, port: 3000, replicas: 1}
      """);

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  @Test
  void aPausedPlatformIsNotWrittenAndResumingRepairsIt() {
    cluster.kubectl("apply", "-f", E2E.file(PLATFORM)).ok();
    E2E.awaitReady(cluster, NAME);
    String image = E2E.image(cluster, "e2e-pause", "api");

    cluster.kubectl("patch", "nxp", NAME, "--type=merge", "-p", "{\"spec\":{\"paused\":true}}").ok();
    E2E.awaitPlatform(cluster, NAME, p -> p.getStatus().getPhase() == Phase.Paused);
    long mark = cluster.audit().mark();
    long reconciles = cluster.operator().reconciles(NAME);
    cluster.kubectl("patch", "deployment", "api", "-n", "e2e-pause", "--type=json", "-p",
        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"example.org/hotfix:1\"}]").ok();
    // The edit is an event for the operator; wait until it has reconciled it (and a resync) without writing.
    await().atMost(RealCluster.TIMEOUT).until(() -> cluster.operator().reconciles(NAME) >= reconciles + 2);
    assertThat(E2E.image(cluster, "e2e-pause", "api")).isEqualTo("example.org/hotfix:1");
    assertThat(cluster.operatorWrites(mark)).noneMatch(r -> r.resource().equals("deployments"));

    cluster.kubectl("patch", "nxp", NAME, "--type=merge", "-p", "{\"spec\":{\"paused\":false}}").ok();
    E2E.awaitReady(cluster, NAME);
    await().atMost(RealCluster.TIMEOUT).until(() -> E2E.image(cluster, "e2e-pause", "api").equals(image));
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
  }
}
