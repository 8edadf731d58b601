package online.nexuscos.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import org.junit.jupiter.api.Test;

/**
 * A resource this version cannot fully read still reads: unknown fields are ignored, unreadable
 * values read as unset and are recorded by path; the default serialization fails on it (and with
 * it an informer's whole list).
 */
public class LenientReadingTest {

  public static final String FROM_A_NEWER_CRD = """
      {"apiVersion": "platform.nexuscos.online/v1alpha1", "kind": "NexusPlatform",
       "metadata": {"name": "future"},
       "spec": {"version": "1.0.0", "deletionPolicy": "Archive", "teleport": {"enabled": true},
                "namespaces": [{"name": "nexus-demo"}],
                "services": [{"name": "api", "namespace": "nexus-demo", "port": 3000, "replicas": 99999999999},
                             {"name": "web", "namespace": "nexus-demo", "port": "eighty", "dependsOn": ["api", {"x": 1}]}]},
       "status": {"phase": "Hibernating", "currentRevision": "three", "rolloutStartedAt": "yesterday"}}
      """;

  @Test
  void unreadableValuesReadAsUnsetAndAreRecordedByPath() {
    NexusPlatform p = KubeConfigs.lenientSerialization().unmarshal(FROM_A_NEWER_CRD, NexusPlatform.class);
    assertThat(p.getUnreadableFields()).containsOnlyKeys("spec.deletionPolicy", "spec.services[0].replicas",
        "spec.services[1].port", "spec.services[1].dependsOn[1]", "status.phase", "status.currentRevision");
    assertThat(p.getUnreadableFields().get("spec.services[0].replicas")).contains("out of range");
    assertThat(p.getSpec().getDeletionPolicy()).isNull();
    assertThat(p.getSpec().getServices().get(0).getReplicas()).isNull();
    assertThat(p.getSpec().getServices().get(0).getPort()).isEqualTo(3000);
    assertThat(p.getSpec().getServices().get(1).getDependsOn()).containsExactly("api", null);
    assertThat(p.getStatus().getRolloutStartedAt()).as("a string: read, judged where it is used").isEqualTo("yesterday");
  }

  @Test
  void oneUnreadableItemDoesNotFailTheList() {
    String list = "{\"apiVersion\": \"platform.nexuscos.online/v1alpha1\", \"kind\": \"NexusPlatformList\", \"items\": ["
        + FROM_A_NEWER_CRD + ", {\"metadata\": {\"name\": \"fine\"}, \"spec\": {\"version\": \"2.0.0\"}}]}";
    DefaultKubernetesResourceList<NexusPlatform> read = KubeConfigs.lenientSerialization()
        .unmarshal(new java.io.ByteArrayInputStream(list.getBytes(java.nio.charset.StandardCharsets.UTF_8)), new TypeReference<DefaultKubernetesResourceList<NexusPlatform>>() {});
    assertThat(read.getItems()).extracting(i -> i.getMetadata().getName()).containsExactly("future", "fine");
    assertThat(read.getItems().get(1).getUnreadableFields()).isEmpty();
  }

  @Test
  void theDefaultSerializationFailsOnTheSameResource() {
    assertThatThrownBy(() -> new KubernetesSerialization().unmarshal(FROM_A_NEWER_CRD, NexusPlatform.class))
        .hasStackTraceContaining("Archive");
  }
}
