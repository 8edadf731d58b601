package online.nexuscos.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteCounterTest {

  @Test
  void resourcesAreNamedByPluralAndSubresourceNeverByObject() {
    assertThat(WriteCounter.resource("/apis/apps/v1/namespaces/ns/deployments")).isEqualTo("deployments");
    assertThat(WriteCounter.resource("/apis/apps/v1/namespaces/ns/deployments/api")).isEqualTo("deployments");
    assertThat(WriteCounter.resource("/api/v1/namespaces/ns/pods/p/status")).isEqualTo("pods/status");
    assertThat(WriteCounter.resource("/api/v1/namespaces")).isEqualTo("namespaces");
    assertThat(WriteCounter.resource("/api/v1/namespaces/nexus-core")).isEqualTo("namespaces");
    assertThat(WriteCounter.resource("/api/v1/namespaces/nexus-core/finalize")).isEqualTo("namespaces/finalize");
    assertThat(WriteCounter.resource("/apis/platform.nexuscos.online/v1alpha1/nexusplatforms/p/status"))
        .isEqualTo("nexusplatforms/status");
    assertThat(WriteCounter.resource("/api/v1/namespaces/default/events")).isEqualTo("events");
    assertThat(WriteCounter.resource("/version")).isEqualTo("other");
  }
}
