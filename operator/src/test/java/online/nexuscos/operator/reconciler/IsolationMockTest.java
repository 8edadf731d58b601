package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import online.nexuscos.operator.testing.OperatorHarness;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A NexusPlatform the Java types cannot read (the mock, like a cluster with a newer CRD, stores
 * it) is reported on that platform alone, and every other platform keeps being reconciled.
 */
class IsolationMockTest {

  @RegisterExtension final OperatorHarness harness = new OperatorHarness();
  private final KubernetesClient client = harness.cluster().client();

  @Test
  void anUnreadablePlatformIsReportedAndTheOthersConverge() {
    String unreadable = Platforms.SMALL.formatted("odd", "odd", "odd", "odd", "odd", "odd", "odd")
        .replace("replicas: 2", "replicas: 99999999999").replace("order: parallel", "order: sideways");
    GenericKubernetesResource raw = client.getKubernetesSerialization().unmarshal(unreadable, GenericKubernetesResource.class);
    client.genericKubernetesResources("platform.nexuscos.online/v1alpha1", "NexusPlatform").resource(raw).create();
    harness.apply(Platforms.small("good"));

    harness.awaitPhase("good", Phase.Progressing);
    harness.awaitReady("good");
    GenericKubernetesResource odd = await().atMost(Duration.ofSeconds(20)).until(
        () -> client.genericKubernetesResources("platform.nexuscos.online/v1alpha1", "NexusPlatform").withName("odd").get(),
        r -> r.getAdditionalProperties().get("status") instanceof Map<?, ?> s && "Invalid".equals(s.get("phase")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conditions = (List<Map<String, Object>>) ((Map<String, Object>) odd.getAdditionalProperties()
        .get("status")).get("conditions");
    assertThat(conditions).anySatisfy(c -> {
      assertThat(c.get("type")).isEqualTo("InvalidSpec");
      assertThat((String) c.get("message")).contains("spec.services[0].replicas").contains("spec.rollout.order")
          .contains("cannot be read by this operator version");
    });
    assertThat(client.apps().deployments().inNamespace("odd-platform").list().getItems())
        .as("nothing applied from a spec read only in part").isEmpty();
  }
}
