package online.nexuscos.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/**
 * The hashes of the faster {@link Fingerprint} and of the single-render revision hash are the
 * ones released operators wrote: after an upgrade no live object looks changed (every one would
 * be rewritten) and no platform looks like a new release (it would get a new revision).
 */
class FingerprintCompatibilityTest {

  private static final ObjectMapper MAP_SORTED = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  /** The algorithm of 0bc6328 and earlier: the tree copied into Maps, written with sorted keys. */
  private static String released(HasMetadata object) throws Exception {
    ObjectNode tree = MAP_SORTED.valueToTree(object);
    ObjectNode metadata = (ObjectNode) tree.get("metadata");
    metadata.retain("name", "namespace", "labels", "annotations");
    if (metadata.get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(Labels.DESIRED_HASH);
    }
    tree.remove("status");
    if (Fingerprint.replicasOwnedByHpa(object) && tree.get("spec") instanceof ObjectNode spec) {
      spec.remove("replicas");
    }
    byte[] bytes = MAP_SORTED.writeValueAsBytes(MAP_SORTED.treeToValue(tree, Object.class));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 10);
  }

  private static List<NexusPlatform> platforms() {
    return List.of(Platforms.example("nexus-cos.yaml"), Platforms.example("minimal.yaml"), Platforms.small("compat"));
  }

  @Test
  void everyRenderedObjectHashesAsTheReleasedOperatorHashedIt() throws Exception {
    int compared = 0;
    for (NexusPlatform p : platforms()) {
      String[] sites = p.getSpec().getFailover() == null ? new String[] {null} : new String[] {null, "primary"};
      for (String site : sites) {
        for (HasMetadata o : PlatformRenderer.render(PlatformResolver.resolve(p, site, site != null))) {
          assertThat(Fingerprint.of(o)).as(o.getKind() + " " + o.getMetadata().getName()).isEqualTo(released(o));
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(300);
  }

  @Test
  void stampedHashesAreTheReleasedOnes() {
    // What the renderer stamps (hashed before the annotation is added) must match what a released
    // operator stamped on the live objects, or every object would be rewritten after an upgrade.
    for (NexusPlatform p : platforms()) {
      List<HasMetadata> now = PlatformRenderer.render(PlatformResolver.resolve(p));
      for (HasMetadata o : now) {
        HasMetadata unstamped = io.fabric8.kubernetes.client.utils.Serialization.clone(o);
        var annotations = new java.util.LinkedHashMap<>(unstamped.getMetadata().getAnnotations());
        annotations.remove(Labels.DESIRED_HASH);
        unstamped.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
        try {
          assertThat(o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH)).isEqualTo(released(unstamped));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @Test
  void theRevisionHashEqualsTheWorkloadHashOfAFullSiteNeutralRender() {
    for (NexusPlatform p : platforms()) {
      String full = Fingerprint.workload(PlatformRenderer.render(PlatformResolver.resolve(p, null, false)));
      assertThat(PlatformRenderer.revisionHash(p)).as(p.getMetadata().getName()).isEqualTo(full);
    }
    String differs = PlatformRenderer.revisionHash(Platforms.example("minimal.yaml"));
    assertThat(differs).isNotEqualTo(PlatformRenderer.revisionHash(Platforms.example("nexus-cos.yaml")));
  }

  @Test
  void aHashChangesWithWhatItCovers() {
    HasMetadata deployment = PlatformRenderer.render(PlatformResolver.resolve(Platforms.small("compat"))).stream()
        .filter(o -> o.getKind().equals("Deployment")).findFirst().orElseThrow();
    String before = Fingerprint.of(deployment);
    deployment.getMetadata().getLabels().put("x", "y");
    assertThat(Fingerprint.of(deployment)).isNotEqualTo(before);
    assertThat(before).hasSize(20).matches("[0-9a-f]+");
  }
}
