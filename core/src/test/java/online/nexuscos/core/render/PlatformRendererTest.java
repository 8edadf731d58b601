package online.nexuscos.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** The whole platform renders deterministically, in apply order, with stable hashes. */
class PlatformRendererTest {

  private static List<HasMetadata> render(NexusPlatform p) {
    return PlatformRenderer.render(PlatformResolver.resolve(p));
  }

  @Test
  void fullExampleRendersNineNamespacesTwoConfigMapsEachAndFourObjectsPerService() {
    Map<ChildKind, Long> counts = render(Platforms.example("nexus-cos.yaml")).stream()
        .collect(Collectors.groupingBy(ChildKind::of, Collectors.counting()));
    assertThat(counts).containsEntry(ChildKind.NAMESPACE, 9L)
        .containsEntry(ChildKind.CONFIG_MAP, 18L)
        .containsEntry(ChildKind.DEPLOYMENT, 22L)
        .containsEntry(ChildKind.SERVICE, 22L)
        .containsEntry(ChildKind.HPA, 22L)
        .containsEntry(ChildKind.PDB, 22L);
    assertThat(counts.get(ChildKind.NETWORK_POLICY)).isGreaterThanOrEqualTo(27L);
  }

  @Test
  void renderIsDeterministicAndInApplyOrder() {
    var serialization = new KubernetesSerialization();
    List<HasMetadata> a = render(Platforms.example("nexus-cos.yaml"));
    List<HasMetadata> b = render(Platforms.example("nexus-cos.yaml"));
    assertThat(serialization.asYaml(a)).isEqualTo(serialization.asYaml(b));
    assertThat(a.stream().map(ChildKey::of).toList()).isSorted();
    assertThat(ChildKind.of(a.get(0))).isEqualTo(ChildKind.NAMESPACE);
  }

  @Test
  void hashChangesOnlyForObjectsWhoseContentChanged() {
    NexusPlatform before = Platforms.small("h");
    NexusPlatform after = Platforms.small("h");
    after.getSpec().getServices().get(2).setTag("2.0.0");
    Map<ChildKey, String> h1 = hashes(render(before));
    Map<ChildKey, String> h2 = hashes(render(after));
    List<ChildKey> changed = h1.keySet().stream().filter(k -> !h1.get(k).equals(h2.get(k))).toList();
    assertThat(changed).containsExactly(new ChildKey(ChildKind.DEPLOYMENT, "h-auth", "token-mgr"));
  }

  @Test
  void hpaOwnedReplicasAreNotPartOfTheHash() {
    var d = render(Platforms.small("r")).stream()
        .filter(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT && o.getMetadata().getName().equals("auth-service"))
        .findFirst().orElseThrow();
    var scaled = (io.fabric8.kubernetes.api.model.apps.Deployment) new KubernetesSerialization().clone(d);
    scaled.getSpec().setReplicas(9);
    assertThat(Fingerprint.of(scaled)).isEqualTo(Fingerprint.of(d));
    scaled.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("x:1");
    assertThat(Fingerprint.of(scaled)).isNotEqualTo(Fingerprint.of(d));
  }

  private static Map<ChildKey, String> hashes(List<HasMetadata> objects) {
    return objects.stream().collect(Collectors.toMap(ChildKey::of,
        o -> o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH)));
  }
}
