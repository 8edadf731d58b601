package online.nexuscos.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** A resource written through a newer CRD reads without failing; the default serialization would fail. */
class LenientReadingTest {

  private static final String FROM_A_NEWER_CRD = """
      {"apiVersion": "platform.nexuscos.online/v1alpha1", "kind": "NexusPlatform",
       "metadata": {"name": "future"},
       "spec": {"version": "1.0.0", "deletionPolicy": "Archive", "teleport": {"enabled": true},
                "namespaces": [{"name": "nexus-demo"}],
                "services": [{"name": "api", "namespace": "nexus-demo", "port": 3000}]},
       "status": {"phase": "Hibernating"}}
      """;

  @Test
  void unknownEnumValuesReadAsUnsetAndUnknownFieldsAreIgnored() {
    NexusPlatform p = KubeConfigs.lenientSerialization().unmarshal(FROM_A_NEWER_CRD, NexusPlatform.class);
    assertThat(p.getSpec().getDeletionPolicy()).as("unset: the default (Retain) applies").isNull();
    assertThat(p.getStatus().getPhase()).isNull();
    assertThat(p.getSpec().getServices()).singleElement().satisfies(s -> assertThat(s.getPort()).isEqualTo(3000));
  }

  @Test
  void theDefaultSerializationFailsOnTheSameResource() {
    assertThatThrownBy(() -> new KubernetesSerialization().unmarshal(FROM_A_NEWER_CRD, NexusPlatform.class))
        .hasStackTraceContaining("Archive");
  }
}
