package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import online.nexuscos.core.model.Labels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Namespaces are never collateral, on the real namespace controller: one that leaves the spec is
 * released, not deleted; with deletionPolicy Delete, one that holds someone else's object is
 * released and only a clean one is deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamespaceSafetyE2E {

  static final String NAME = "ns-e2e";
  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  private static String platform(boolean withB) {
    return """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: ns-e2e}
        spec:
          version: "1.0.0"
          imageRegistry: ghcr.io/nexus-cos
          deletionPolicy: Delete
          namespaces: [{name: e2e-ns-a}, {name: e2e-ns-c}%s]
          services:
            - {name: a, namespace: e2e-ns-a, port: 3000, replicas: 1}
            - {name: c, namespace: e2e-ns-c, port: 3000, replicas: 1}
        %s""".formatted(withB ? ", {name: e2e-ns-b}" : "",
        withB ? "    - {name: b, namespace: e2e-ns-b, port: 3000, replicas: 1}\n" : "");
  }

  private Namespace namespace(String name) {
    return cluster.admin().namespaces().withName(name).get();
  }

  private void personCreatesConfigMap(String namespace) {
    cluster.admin().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
        .withNewMetadata().withName("team-notes").endMetadata().addToData("runbook", "call Ana").build()).create();
  }

  private boolean released(String name) {
    Namespace ns = namespace(name);
    return ns != null && ns.getMetadata().getDeletionTimestamp() == null
        && Labels.instanceOf(ns.getMetadata().getLabels()) == null;
  }

  @Test
  void namespacesHoldingOthersObjectsOrLeavingTheSpecAreReleasedNotDeleted() {
    cluster.kubectl("apply", "-f", E2E.file(platform(true))).ok();
    String uid = E2E.awaitReady(cluster, NAME).getMetadata().getUid();
    personCreatesConfigMap("e2e-ns-a");
    personCreatesConfigMap("e2e-ns-b");

    cluster.kubectl("apply", "-f", E2E.file(platform(false))).ok();
    E2E.awaitPlatform(cluster, NAME, p -> "2/2".equals(p.getStatus().getServicesReady()));
    await().atMost(RealCluster.TIMEOUT).until(() -> released("e2e-ns-b") && E2E.deployment(cluster, "e2e-ns-b", "b") == null);
    assertThat(cluster.admin().configMaps().inNamespace("e2e-ns-b").withName("team-notes").get()).isNotNull();

    long mark = cluster.audit().mark();
    cluster.kubectl("delete", "nxp", NAME, "--wait=true", "--timeout=120s").ok();
    assertThat(released("e2e-ns-a")).as("holds a ConfigMap the platform did not create").isTrue();
    assertThat(cluster.admin().configMaps().inNamespace("e2e-ns-a").withName("team-notes").get()).isNotNull();
    assertThat(E2E.deployment(cluster, "e2e-ns-a", "a")).as("the platform's own objects are gone").isNull();
    await().atMost(RealCluster.TIMEOUT).until(() -> namespace("e2e-ns-c") == null);
    assertThat(cluster.operatorWrites(mark).stream().filter(r -> r.resource().equals("namespaces") && r.verb().equals("delete"))
        .map(AuditLog.Request::name)).containsExactly("e2e-ns-c");
    assertThat(cluster.admin().v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> "NamespaceReleased".equals(e.getReason()) && uid.equals(e.getInvolvedObject().getUid())))
        .hasSize(2).anyMatch(e -> e.getMessage().contains("e2e-ns-a") && e.getMessage().contains("ConfigMap team-notes"));
  }

  @AfterAll
  void cleanUp() {
    E2E.assertAllowedAndValid(cluster, start);
    cluster.kubectl("delete", "nxp", NAME, "--ignore-not-found", "--wait=true", "--timeout=120s");
    cluster.kubectl("delete", "namespace", "e2e-ns-a", "e2e-ns-b", "--ignore-not-found", "--wait=true", "--timeout=120s");
  }
}
