package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End-to-end scenarios: the operator and the simulated cluster together. */
class SandboxScenarioIT {

  @RegisterExtension
  final SandboxExtension sandbox = new SandboxExtension();

  @Test
  void fullPlatformBecomesReadyWithEveryServiceAvailable() {
    sandbox.apply(SandboxExtension.example("nexus-cos.yaml"));
    NexusPlatform ready = sandbox.awaitPhase("nexus-cos", Phase.Ready);
    assertThat(ready.getStatus().getServicesReady()).isEqualTo("22/22");
    assertThat(ready.getStatus().getServices()).allSatisfy(s -> {
      assertThat(s.getState()).isEqualTo(ServiceState.Available);
      assertThat(s.getAvailableReplicas()).isEqualTo(s.getDesiredReplicas());
    });
    assertThat(sandbox.client().nodes().list().getItems()).hasSize(4);
  }

  @Test
  void brokenImageMakesItsDeploymentExceedItsProgressDeadline() {
    NexusPlatform platform = SandboxExtension.example("minimal.yaml");
    RolloutSpec rollout = new RolloutSpec();
    rollout.setProgressDeadlineSeconds(1);
    platform.getSpec().setRollout(rollout);
    platform.getSpec().getServices().get(0).setTag("broken-1.0.1");
    sandbox.apply(platform);

    await().atMost(SandboxExtension.TIMEOUT).until(() -> {
      Deployment d = sandbox.deployment("nexus-demo", "backend-api");
      return d != null && d.getStatus() != null && d.getStatus().getConditions() != null
          && d.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Progressing")
              && c.getStatus().equals("False") && c.getReason().equals("ProgressDeadlineExceeded"));
    });
    NexusPlatform degraded = sandbox.awaitPhase("minimal", Phase.Degraded);
    var condition = Conditions.find(degraded.getStatus().getConditions(), ConditionType.DEGRADED).orElseThrow();
    assertThat(condition.getReason()).as("the first revision has nothing to roll back to")
        .isEqualTo(ConditionType.Reason.ROLLOUT_FAILED);
    assertThat(condition.getMessage()).contains("no earlier stable revision").contains("backend-api")
        .contains("ProgressDeadlineExceeded");
    assertThat(degraded.getStatus().getServices().get(0).getState()).isEqualTo(ServiceState.Failed);
  }

  @Test
  void deploymentsPlacedOnlyOnNotReadyNodesBecomeUnavailable() {
    sandbox.apply(SandboxExtension.example("minimal.yaml"));
    sandbox.awaitPhase("minimal", Phase.Ready);
    // Placement by site arrives with failover; a Deployment of our own is pinned to zone-a here.
    sandbox.client().apps().deployments().inNamespace("nexus-demo").resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
        .withNewMetadata().withName("pinned").endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "pinned").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "pinned").endMetadata()
        .withNewSpec().withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().withMatchExpressions(new NodeSelectorRequirementBuilder()
            .withKey(SimulatedKubelet.ZONE_LABEL).withOperator("In").withValues("zone-a").build()).endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .addNewContainer().withName("c").withImage("ghcr.io/x/pinned:1").endContainer().endSpec()
        .endTemplate().endSpec().build()).create();
    await().atMost(SandboxExtension.TIMEOUT).until(() -> available(sandbox.deployment("nexus-demo", "pinned")) == 2);

    sandbox.sandbox().kubelet().setZoneReady("zone-a", false);
    await().atMost(SandboxExtension.TIMEOUT).until(() -> available(sandbox.deployment("nexus-demo", "pinned")) == 0);
    assertThat(available(sandbox.deployment("nexus-demo", "backend-api"))).as("not pinned: zone-b serves it").isEqualTo(1);

    sandbox.sandbox().kubelet().setZoneReady("zone-a", true);
    await().atMost(SandboxExtension.TIMEOUT).until(() -> available(sandbox.deployment("nexus-demo", "pinned")) == 2);
  }

  @Test
  void deletingThePlatformFollowsDeletionPolicy() {
    NexusPlatform keep = SandboxExtension.example("minimal.yaml");
    sandbox.apply(keep);
    sandbox.awaitPhase("minimal", Phase.Ready);
    sandbox.client().resources(NexusPlatform.class).withName("minimal").delete();
    await().atMost(SandboxExtension.TIMEOUT).until(() -> sandbox.get("minimal") == null);
    assertThat(sandbox.deployment("nexus-demo", "backend-api")).as("Retain").isNotNull();

    NexusPlatform gone = SandboxExtension.example("minimal.yaml");
    gone.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    sandbox.apply(gone);
    sandbox.awaitPhase("minimal", Phase.Ready);
    sandbox.client().resources(NexusPlatform.class).withName("minimal").delete();
    await().atMost(SandboxExtension.TIMEOUT).until(() ->
        sandbox.client().namespaces().withName("nexus-demo").get() == null
            && sandbox.client().apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, "minimal").list().getItems().isEmpty());
  }

  @Test
  void garbageCollectorRemovesChildrenOfADeletedOwnerAndTheContentsOfADeletedNamespace() {
    NexusPlatform platform = sandbox.apply(SandboxExtension.example("minimal.yaml"));
    sandbox.awaitPhase("minimal", Phase.Ready);
    var owned = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("owned")
        .withNamespace("nexus-demo").addNewOwnerReference().withApiVersion(platform.getApiVersion())
        .withKind(platform.getKind()).withName("minimal").withUid(platform.getMetadata().getUid()).endOwnerReference()
        .endMetadata().build();
    sandbox.client().resource(owned).create();
    sandbox.client().resources(NexusPlatform.class).withName("minimal").delete();
    await().atMost(SandboxExtension.TIMEOUT).until(() ->
        sandbox.client().configMaps().inNamespace("nexus-demo").withName("owned").get() == null);

    sandbox.client().namespaces().withName("nexus-demo").delete();
    await().atMost(SandboxExtension.TIMEOUT).until(() ->
        sandbox.client().apps().deployments().inNamespace("nexus-demo").list().getItems().isEmpty());
  }

  private static int available(Deployment d) {
    return d == null || d.getStatus() == null || d.getStatus().getAvailableReplicas() == null
        ? 0 : d.getStatus().getAvailableReplicas();
  }
}
