package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import online.nexuscos.core.model.Labels;
import online.nexuscos.operator.testing.OperatorHarness;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting a platform follows its deletionPolicy. */
class DeletionMockTest {

  @RegisterExtension final OperatorHarness harness = new OperatorHarness();
  private final KubernetesClient client = harness.cluster().client();

  @Test
  void retainLeavesEverythingRunningAndReapplyAdoptsItBack() {
    harness.apply(Platforms.small("keep"));
    harness.awaitPhase("keep", Phase.Progressing);
    harness.markAllAvailable();
    harness.awaitPhase("keep", Phase.Ready);

    client.resources(NexusPlatform.class).withName("keep").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("keep") == null);

    assertThat(client.namespaces().withLabel(Labels.INSTANCE, "keep").list().getItems()).hasSize(2);
    assertThat(client.apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, "keep").list().getItems()).hasSize(3);
    assertThat(client.services().inAnyNamespace().withLabel(Labels.INSTANCE, "keep").list().getItems()).hasSize(3);

    int mark = harness.cluster().log().mark();
    harness.apply(Platforms.small("keep"));
    NexusPlatform back = harness.awaitPhase("keep", Phase.Ready);
    assertThat(back.getStatus().getServicesReady()).isEqualTo("3/3");
    assertThat(harness.operatorWritesSince(mark))
        .as("adoption rewrites no workload: only finalizer, status, the Ready event and the revision history")
        .allMatch(e -> e.path().contains("/nexusplatforms/keep") || e.path().contains("/events")
            || e.path().contains("/controllerrevisions/"));
  }

  @Test
  void deleteRemovesWhatThePlatformCreatedButNothingElseNorANamespaceHoldingSomeoneElsesObject() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("gone-auth")
        .addToAnnotations(Labels.OPEN_TO, "gone").endMetadata().build()).create();
    NexusPlatform platform = Platforms.small("gone");
    platform.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    harness.apply(platform);
    harness.awaitPhase("gone", Phase.Progressing);
    client.configMaps().inNamespace("gone-platform").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("not-ours").endMetadata().addToData("k", "v").build()).create();

    client.resources(NexusPlatform.class).withName("gone").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.get("gone") == null);

    assertThat(client.apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, "gone").list().getItems()).isEmpty();
    assertThat(client.services().inAnyNamespace().withLabel(Labels.INSTANCE, "gone").list().getItems()).isEmpty();
    assertThat(client.network().v1().networkPolicies().inAnyNamespace().withLabel(Labels.INSTANCE, "gone").list().getItems()).isEmpty();
    var holding = client.namespaces().withName("gone-platform").get();
    assertThat(holding).as("created by the platform, but it holds a ConfigMap someone else made: released").isNotNull();
    assertThat(holding.getMetadata().getLabels()).doesNotContainKey(Labels.INSTANCE).doesNotContainKey(Labels.MANAGED_BY);
    assertThat(client.configMaps().inNamespace("gone-platform").withName("not-ours").get()).isNotNull();
    var adopted = client.namespaces().withName("gone-auth").get();
    assertThat(adopted).as("adopted, not created: kept").isNotNull();
    assertThat(adopted.getMetadata().getLabels()).doesNotContainKey(Labels.INSTANCE).doesNotContainKey(Labels.MANAGED_BY);
  }
}
