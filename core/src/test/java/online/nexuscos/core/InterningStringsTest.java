package online.nexuscos.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class InterningStringsTest {

  private static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","namespace":"nexus-auth",
       "labels":{"app.kubernetes.io/managed-by":"nexus-operator"}},
       "spec":{"template":{"spec":{"containers":[{"name":"app","image":"ghcr.io/nexus-cos/auth:2025.10.1"}]}}}}
      """;

  @Test
  void equalValuesOfDifferentObjectsAreOneInstanceAndUnequalOnesStayApart() {
    var json = KubeConfigs.lenientSerialization();
    Deployment a = json.unmarshal(DEPLOYMENT.formatted("a"), Deployment.class);
    Deployment b = json.unmarshal(DEPLOYMENT.formatted("b"), Deployment.class);
    assertThat(b.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/nexus-cos/auth:2025.10.1")
        .isSameAs(a.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    assertThat(b.getMetadata().getLabels().get("app.kubernetes.io/managed-by"))
        .isSameAs(a.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
    assertThat(b.getMetadata().getNamespace()).isSameAs(a.getMetadata().getNamespace());
    assertThat(a.getMetadata().getName()).isEqualTo("a");
    assertThat(b.getMetadata().getName()).isEqualTo("b");
  }
}
