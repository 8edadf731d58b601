package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerImageBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caches keep what the operator reads and nothing it does not. */
class CacheTrimTest {

  @Test
  void aPodKeepsOnlyWhatFencingReads() {
    Pod pod = new PodBuilder().withNewMetadata().withName("api-1").withNamespace("ns").withUid("u").withResourceVersion("7")
        .withLabels(Map.of("app.kubernetes.io/instance", "p")).withDeletionTimestamp("2026-12-03T12:00:00Z")
        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubelet").build()).endMetadata()
        .withNewSpec().withNodeName("kwok-zone-a-1").addNewContainer().withName("c").withImage("x").endContainer().endSpec()
        .withNewStatus().withPhase("Running").endStatus().build();
    Pod kept = CacheTrim.trim(pod);
    assertThat(kept.getMetadata().getName()).isEqualTo("api-1");
    assertThat(kept.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(kept.getMetadata().getUid()).isEqualTo("u");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(kept.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "p");
    assertThat(kept.getMetadata().getDeletionTimestamp()).isEqualTo("2026-12-03T12:00:00Z");
    assertThat(kept.getSpec().getNodeName()).isEqualTo("kwok-zone-a-1");
    assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(kept.getSpec().getContainers()).isNullOrEmpty();
    assertThat(kept.getStatus()).isNull();
  }

  @Test
  void otherObjectsLoseManagedFieldsAndNodesTheirImages() {
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("api").withResourceVersion("3")
        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("nexus-operator").build()).endMetadata()
        .withNewSpec().withReplicas(2).endSpec().build();
    Deployment kept = CacheTrim.trim(d);
    assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(kept.getSpec().getReplicas()).isEqualTo(2);
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("3");

    Node node = new NodeBuilder().withNewMetadata().withName("n").addToLabels("topology.kubernetes.io/zone", "zone-a")
        .endMetadata().withNewStatus().withImages(new ContainerImageBuilder().withNames("big").build())
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build();
    Node trimmed = CacheTrim.trim(node);
    assertThat(trimmed.getStatus().getImages()).isNullOrEmpty();
    assertThat(trimmed.getStatus().getConditions()).hasSize(1);
    assertThat(trimmed.getMetadata().getLabels()).containsEntry("topology.kubernetes.io/zone", "zone-a");
  }

  @Test
  void servicesAutoscalersAndDisruptionBudgetsLoseTheirStatusOnly() {
    var service = new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("api").endMetadata()
        .withNewSpec().withClusterIP("10.0.0.7").endSpec().withNewStatus().withNewLoadBalancer().endLoadBalancer()
        .endStatus().build();
    assertThat(CacheTrim.trim(service).getStatus()).isNull();
    assertThat(service.getSpec().getClusterIP()).isEqualTo("10.0.0.7");
    var hpa = new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder().withNewMetadata()
        .withName("api").endMetadata().withNewSpec().withMaxReplicas(5).endSpec().withNewStatus().withCurrentReplicas(3)
        .endStatus().build();
    assertThat(CacheTrim.trim(hpa).getStatus()).isNull();
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    var pdb = new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder().withNewMetadata().withName("api")
        .endMetadata().withNewSpec().withNewMaxUnavailable(1).endSpec().withNewStatus().withDisruptionsAllowed(1)
        .endStatus().build();
    assertThat(CacheTrim.trim(pdb).getStatus()).isNull();
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
  }
}
