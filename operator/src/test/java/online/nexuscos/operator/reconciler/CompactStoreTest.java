package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.Platforms;
import org.junit.jupiter.api.Test;

/** The compact cache gives back what it was given (trimmed), as fresh copies. */
class CompactStoreTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void givesBackEachRenderedDeploymentEqualToWhatItStoredTrimmed() {
    List<Deployment> deployments = deploymentsOfTheExample();
    CompactStore<Deployment> store = new CompactStore<>(Deployment.class, JSON);
    for (Deployment d : deployments) {
      d.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("m").build()));
      assertThat(store.put(store.getKey(d), d)).isNull();
    }
    assertThat(store.size()).isEqualTo(deployments.size());
    for (Deployment d : deployments) {
      Deployment back = store.get(store.getKey(d));
      assertThat(back).isNotSameAs(d);
      assertThat(JSON.asJson(back)).isEqualTo(JSON.asJson(CacheTrim.trim(d)));
      assertThat(back.getMetadata().getManagedFields()).isNullOrEmpty();
    }
    assertThat(store.values().map(JSON::asJson).toList())
        .containsExactlyInAnyOrderElementsOf(deployments.stream().map(JSON::asJson).toList());
  }

  @Test
  void eachReadIsAFreshCopySoNoReaderCanAlterTheCache() {
    CompactStore<Deployment> store = new CompactStore<>(Deployment.class, JSON);
    Deployment d = deploymentsOfTheExample().get(0);
    String key = store.getKey(d);
    store.put(key, d);
    store.get(key).getSpec().setReplicas(99);
    assertThat(store.get(key).getSpec().getReplicas()).isNotEqualTo(99);
  }

  @Test
  void putAndRemoveAnswerWithThePreviousObject() {
    CompactStore<Pod> store = new CompactStore<>(Pod.class, JSON);
    Pod first = pod("1");
    String key = store.getKey(first);
    assertThat(key).isEqualTo("ns/api-1");
    store.put(key, first);
    Pod previous = store.put(key, pod("2"));
    assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("1");
    assertThat(store.keySet().toList()).containsExactly("ns/api-1");
    assertThat(store.remove(key).getMetadata().getResourceVersion()).isEqualTo("2");
    assertThat(store.get(key)).isNull();
    assertThat(store.size()).isZero();
  }

  @Test
  void keepsEachDeploymentCompressedToLessThanHalfItsJson() {
    CompactStore<Deployment> store = new CompactStore<>(Deployment.class, JSON);
    for (Deployment d : deploymentsOfTheExample()) {
      String key = store.getKey(d);
      store.put(key, d);
      assertThat(store.storedBytes(key)).as(key).isPositive().isLessThan(JSON.asJson(d).length() / 2);
    }
    assertThat(store.storedBytes("no/such")).isEqualTo(-1);
  }

  private static Pod pod(String resourceVersion) {
    return new PodBuilder().withNewMetadata().withName("api-1").withNamespace("ns").withResourceVersion(resourceVersion)
        .endMetadata().withNewSpec().withNodeName("n").endSpec().build();
  }

  private static List<Deployment> deploymentsOfTheExample() {
    return PlatformRenderer.render(PlatformResolver.resolve(Platforms.example("nexus-cos.yaml"))).stream()
        .filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
  }
}
