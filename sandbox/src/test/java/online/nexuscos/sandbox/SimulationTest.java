package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated Deployment controller and scheduler, as pure functions. */
class SimulationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DELAY = Duration.ofSeconds(2);

  private static Deployment deployment(String image, int replicas, int deadline) {
    return new DeploymentBuilder().withNewMetadata().withName("api").withGeneration(3L).endMetadata()
        .withNewSpec().withReplicas(replicas).withProgressDeadlineSeconds(deadline)
        .withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage(image).endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  private static String condition(DeploymentSimulation.Outcome o, String type) {
    return o.status().getConditions().stream().filter(c -> c.getType().equals(type))
        .map(c -> c.getStatus() + "/" + c.getReason()).findFirst().orElseThrow();
  }

  @Test
  void healthyRolloutBecomesAvailableAfterTheDelay() {
    Deployment d = deployment("reg:5000/team/api:1.0", 3, 60);
    var early = DeploymentSimulation.simulate(d, T0, false, T0.plusSeconds(1), DELAY, true);
    assertThat(early.status().getAvailableReplicas()).isZero();
    assertThat(early.status().getObservedGeneration()).isEqualTo(3L);
    assertThat(early.nextCheck()).isEqualTo(T0.plus(DELAY));
    assertThat(early.completed()).isFalse();
    var done = DeploymentSimulation.simulate(d, T0, false, T0.plus(DELAY), DELAY, true);
    assertThat(done.status().getAvailableReplicas()).isEqualTo(3);
    assertThat(condition(done, "Available")).isEqualTo("True/MinimumReplicasAvailable");
    assertThat(done.completed()).isTrue();
    assertThat(done.nextCheck()).isNull();
  }

  @Test
  void brokenImageExceedsTheProgressDeadlineExactlyAtTheDeadline() {
    Deployment d = deployment("ghcr.io/x/api:broken-2", 2, 10);
    assertThat(DeploymentSimulation.broken(d)).isTrue();
    assertThat(DeploymentSimulation.broken(deployment("localhost:5000/broken/api:1", 1, 1))).isFalse();
    var before = DeploymentSimulation.simulate(d, T0, false, T0.plusSeconds(9), DELAY, true);
    assertThat(condition(before, "Progressing")).isEqualTo("True/ReplicaSetUpdated");
    assertThat(before.nextCheck()).isEqualTo(T0.plusSeconds(10));
    var at = DeploymentSimulation.simulate(d, T0, false, T0.plusSeconds(10), DELAY, true);
    assertThat(condition(at, "Progressing")).isEqualTo("False/ProgressDeadlineExceeded");
    assertThat(at.status().getUnavailableReplicas()).isEqualTo(2);
  }

  @Test
  void lostNodesAfterACompletedRolloutMakeItUnavailableButNotFailed() {
    Deployment d = deployment("x/api:1", 2, 10);
    var lost = DeploymentSimulation.simulate(d, T0, true, T0.plusSeconds(100), DELAY, false);
    assertThat(lost.status().getAvailableReplicas()).isZero();
    assertThat(condition(lost, "Available")).isEqualTo("False/MinimumReplicasUnavailable");
    assertThat(condition(lost, "Progressing")).isEqualTo("True/NewReplicaSetAvailable");
    var neverScheduled = DeploymentSimulation.simulate(d, T0, false, T0.plusSeconds(10), DELAY, false);
    assertThat(condition(neverScheduled, "Progressing")).isEqualTo("False/ProgressDeadlineExceeded");
  }

  @Test
  void placementHonoursNodeSelectorAndRequiredAffinity() {
    Node zoneA = node("zone-a");
    Node zoneB = node("zone-b");
    PodSpec anywhere = new PodSpec();
    PodSpec selector = new PodSpecBuilder().withNodeSelector(Map.of(SimulatedKubelet.ZONE_LABEL, "zone-a")).build();
    PodSpec notInA = new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
        .withMatchExpressions(new NodeSelectorRequirementBuilder().withKey(SimulatedKubelet.ZONE_LABEL)
            .withOperator("NotIn").withValues("zone-a").build())
        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().build();
    assertThat(NodePlacement.admits(anywhere, zoneA)).isTrue();
    assertThat(NodePlacement.admits(selector, zoneA)).isTrue();
    assertThat(NodePlacement.admits(selector, zoneB)).isFalse();
    assertThat(NodePlacement.admits(notInA, zoneA)).isFalse();
    assertThat(NodePlacement.admits(notInA, zoneB)).isTrue();
  }

  @Test
  void discoveryAnswersWhatKubectlAsks() {
    Discovery discovery = new Discovery("http://localhost:1");
    assertThat(discovery.answer("/version")).get().asString().contains("\"major\":\"1\"");
    assertThat(discovery.answer("/api")).get().asString().contains("\"versions\":[\"v1\"]");
    assertThat(discovery.answer("/apis")).get().asString().contains("platform.nexuscos.online/v1alpha1");
    assertThat(discovery.answer("/apis/platform.nexuscos.online/v1alpha1")).get().asString()
        .contains("\"name\":\"nexusplatforms\"").contains("\"nxp\"").contains("\"namespaced\":false");
    assertThat(discovery.answer("/api/v1")).get().asString().contains("\"name\":\"namespaces\"");
    assertThat(discovery.answer("/apis/apps/v1/deployments")).isEmpty();
    assertThat(discovery.answer("/apis/unknown.io/v1")).isEmpty();
  }

  private static Node node(String zone) {
    return new NodeBuilder().withNewMetadata().withName(zone + "-1")
        .addToLabels(SimulatedKubelet.ZONE_LABEL, zone).endMetadata().build();
  }
}
