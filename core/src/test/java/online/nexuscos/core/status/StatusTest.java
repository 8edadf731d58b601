package online.nexuscos.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import org.junit.jupiter.api.Test;

/** Conditions keep their transition time while unchanged; Deployments are read like kubectl does. */
class StatusTest {

  private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Clock T2 = Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);

  @Test
  void lastTransitionTimeChangesOnlyWhenStatusFlips() {
    var first = new Conditions(null, 1, T1).set("Ready", false, "R", "m").build();
    var same = new Conditions(first, 2, T2).set("Ready", false, "R2", "m2").build();
    assertThat(same.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(same.get(0).getObservedGeneration()).isEqualTo(2L);
    var flipped = new Conditions(same, 2, T2).set("Ready", true, "R", "m").build();
    assertThat(flipped.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
  }

  @Test
  void newlyTrueDetectsFlipsAndNewReasonsOnly() {
    var f = List.of(new ConditionBuilder().withType("Degraded").withStatus("False").withReason("a").build());
    var t = List.of(new ConditionBuilder().withType("Degraded").withStatus("True").withReason("a").withMessage("m").build());
    var t2 = List.of(new ConditionBuilder().withType("Degraded").withStatus("True").withReason("b").withMessage("m").build());
    assertThat(Conditions.newlyTrue(f, t, "Degraded")).isTrue();
    assertThat(Conditions.newlyTrue(t, t, "Degraded")).isFalse();
    assertThat(Conditions.newlyTrue(t, t2, "Degraded")).isTrue();
    assertThat(Conditions.newlyTrue(t, f, "Degraded")).isFalse();
    assertThat(Conditions.newlyTrue(null, t, "Degraded")).isTrue();
  }

  @Test
  void deploymentHealthFollowsRolloutStatus() {
    assertThat(DeploymentHealth.of(null).state()).isEqualTo(ServiceState.Pending);
    assertThat(DeploymentHealth.of(deployment(2, 1, 1, 0, 0, 0, null)).state())
        .as("controller has not seen generation 2").isEqualTo(ServiceState.Progressing);
    assertThat(DeploymentHealth.of(deployment(1, 1, 3, 3, 1, 3, null)).message()).isEqualTo("1 of 3 replicas updated");
    assertThat(DeploymentHealth.of(deployment(1, 1, 3, 4, 3, 3, null)).message()).contains("old replicas");
    assertThat(DeploymentHealth.of(deployment(1, 1, 3, 3, 3, 2, null)).message()).isEqualTo("2 of 3 updated replicas available");
    assertThat(DeploymentHealth.of(deployment(1, 1, 3, 3, 3, 3, null)).state()).isEqualTo(ServiceState.Available);
    var failed = DeploymentHealth.of(deployment(1, 1, 3, 3, 3, 0, "ProgressDeadlineExceeded"));
    assertThat(failed.state()).isEqualTo(ServiceState.Failed);
    assertThat(failed.message()).startsWith("ProgressDeadlineExceeded");
  }

  @Test
  void summaryListsAtMostFiveItems() {
    assertThat(StatusBuilder.summary(List.of("a", "b"), ", ")).isEqualTo("a, b");
    assertThat(StatusBuilder.summary(List.of("a", "b", "c", "d", "e", "f", "g"), ", ")).isEqualTo("a, b, c, d, e and 2 more");
  }

  private static Deployment deployment(long generation, long observed, int desired, int replicas, int updated,
      int available, String failedReason) {
    var b = new DeploymentBuilder().withNewMetadata().withName("d").withGeneration(generation).endMetadata()
        .withNewSpec().withReplicas(desired).endSpec()
        .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withUpdatedReplicas(updated)
        .withAvailableReplicas(available).endStatus();
    if (failedReason != null) {
      b.editStatus().addNewCondition().withType("Progressing").withStatus("False").withReason(failedReason)
          .withMessage("deadline").endCondition().endStatus();
    }
    return b.build();
  }
}
