package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The paths that only conflicts, hand edits and long histories take, on the real API server:
 * objects of the platform's names that someone else made are read (create answered 409), left
 * alone and reported; once they are gone the platform converges; hand edits of a Service, a
 * ConfigMap, an HPA and a PDB are reverted; revisions beyond the history limit are pruned. Also
 * what makes RbacAuditE2E see every grant used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftAndConflictE2E {

  static final String NAME = "drift-e2e";
  static final String NS = "e2e-drift";
  private static final Set<String> FOREIGN_KINDS =
      Set.of("Service", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  private static String platform(String version) {
    return """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: %s}
        spec:
          version: "%s"
          imageRegistry: ghcr.io/nexus-cos
          deletionPolicy: Delete
          namespaces: [{name: %s}]
          services:
            - name: api
              namespace: %s
              port: 3000
              replicas: 1
              autoscaling: {enabled: true, minReplicas: 1, maxReplicas: 3}
              podDisruptionBudget: {enabled: true, maxUnavailable: 1}
          networkPolicy: {enabled: true, gatewayNamespace: %s}
          rollout: {revisionHistoryLimit: 1}
        """.formatted(NAME, version, NS, NS, NS);
  }

  @Test
  void foreignObjectsAreReadAndLeftAloneHandEditsRevertedOldRevisionsPruned() {
    // A namespace opened to the platform by its owner, holding objects of the platform's names.
    cluster.admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
        .addToAnnotations(Labels.OPEN_TO, NAME).endMetadata().build()).create();
    NexusPlatform rendered = cluster.admin().resources(NexusPlatform.class)
        .load(new ByteArrayInputStream(platform("1.0.0").getBytes(StandardCharsets.UTF_8))).item();
    List<HasMetadata> foreign = PlatformRenderer.render(PlatformResolver.resolve(rendered)).stream()
        .filter(o -> FOREIGN_KINDS.contains(o.getKind())).map(DriftAndConflictE2E::someoneElses).toList();
    assertThat(foreign).hasSize(7);
    // Their spec generation and labels: controllers may write a PDB's or HPA's status meanwhile.
    Map<String, String> versions = foreign.stream().map(o -> cluster.admin().resource(o).create())
        .collect(Collectors.toMap(DriftAndConflictE2E::id, DriftAndConflictE2E::specAndLabels));

    cluster.kubectl("apply", "-f", E2E.file(platform("1.0.0"))).ok();
    // The opened namespace is adopted (its create answered 409, then read); each foreign object's
    // create is answered 409 and the object read, found not ours, and reported.
    await().atMost(RealCluster.TIMEOUT).untilAsserted(() -> assertThat(cluster.operatorRequests(start).stream()
        .filter(r -> r.namespace().equals(NS) && r.verb().equals("get")).map(AuditLog.Request::resource)
        .collect(Collectors.toSet())).contains("services", "configmaps", "horizontalpodautoscalers",
            "poddisruptionbudgets", "networkpolicies"));
    NexusPlatform degraded = E2E.awaitPlatform(cluster, NAME, p -> p.getStatus().getConditions().stream().anyMatch(c ->
        c.getType().equals(ConditionType.DEGRADED) && c.getReason().equals(ConditionType.Reason.OWNERSHIP_CONFLICT)
            && !c.getMessage().contains("is in namespace")));
    assertThat(degraded.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage()).contains("someone else owns"));
    // Read after the 409, never written: each keeps its spec and labels, no write of ours reached one.
    foreign.forEach(o -> assertThat(specAndLabels(cluster.admin().resource(o).get())).as(id(o)).isEqualTo(versions.get(id(o))));
    List<AuditLog.Request> requests = cluster.operatorRequests(start);
    assertThat(requests.stream().filter(r -> r.namespace().equals(NS) && r.write() && !r.verb().equals("create")
        && Set.of("services", "configmaps", "horizontalpodautoscalers", "poddisruptionbudgets", "networkpolicies")
            .contains(r.resource())).toList())
        .as("writes to someone else's objects").isEmpty();

    foreign.forEach(o -> cluster.admin().resource(o).delete());
    E2E.awaitReady(cluster, NAME);

    // Hand edits of what the operator set are reverted (a PUT of the rendered fields).
    cluster.kubectl("patch", "service", "api", "-n", NS, "--type=json",
        "-p", "[{\"op\":\"replace\",\"path\":\"/spec/ports/0/port\",\"value\":3999}]").ok();
    cluster.kubectl("patch", "hpa", "api", "-n", NS, "--type=merge", "-p", "{\"spec\":{\"maxReplicas\":9}}").ok();
    cluster.kubectl("patch", "pdb", "api", "-n", NS, "--type=merge", "-p", "{\"spec\":{\"maxUnavailable\":0}}").ok();
    cluster.kubectl("patch", "configmap", "nexus-platform-settings", "-n", NS, "--type=merge",
        "-p", "{\"data\":{\"NEXUS_PLATFORM_VERSION\":\"hand-edited\"}}").ok();
    await().atMost(RealCluster.TIMEOUT).untilAsserted(() -> {
      assertThat(cluster.admin().services().inNamespace(NS).withName("api").get().getSpec().getPorts().get(0).getPort())
          .isEqualTo(3000);
      assertThat(cluster.admin().autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("api").get()
          .getSpec().getMaxReplicas()).isEqualTo(3);
      assertThat(cluster.admin().policy().v1().podDisruptionBudget().inNamespace(NS).withName("api").get()
          .getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
      assertThat(cluster.admin().configMaps().inNamespace(NS).withName("nexus-platform-settings").get().getData())
          .doesNotContainValue("hand-edited");
    });

    // Two more releases with a history limit of 1: the oldest revision is pruned.
    cluster.kubectl("apply", "-f", E2E.file(platform("1.1.0"))).ok();
    E2E.awaitPlatform(cluster, NAME, p -> Integer.valueOf(2).equals(p.getStatus().getStableRevision()));
    cluster.kubectl("apply", "-f", E2E.file(platform("1.2.0"))).ok();
    E2E.awaitPlatform(cluster, NAME, p -> Integer.valueOf(3).equals(p.getStatus().getStableRevision()));
    await().atMost(RealCluster.TIMEOUT).untilAsserted(() -> assertThat(revisions()).doesNotContain(1).contains(3));
    assertThat(cluster.operatorRequests(start)).anySatisfy(r -> {
      assertThat(r.resource()).isEqualTo("controllerrevisions");
      assertThat(r.verb()).isEqualTo("delete");
    });
  }

  private List<Integer> revisions() {
    return cluster.admin().apps().controllerRevisions().inNamespace(NS).withLabel(Labels.INSTANCE, NAME).list().getItems()
        .stream().map(ControllerRevision::getRevision).map(Long::intValue).sorted().toList();
  }

  /** The same object, made by someone else: none of our labels or annotations. */
  private static HasMetadata someoneElses(HasMetadata rendered) {
    ObjectMeta meta = new ObjectMetaBuilder().withName(rendered.getMetadata().getName())
        .withNamespace(rendered.getMetadata().getNamespace()).addToLabels("owner", "someone-else").build();
    rendered.setMetadata(meta);
    return rendered;
  }

  /** Everything but status and server bookkeeping: the labels, annotations and spec (or data). */
  @SuppressWarnings("unchecked")
  private static String specAndLabels(HasMetadata o) {
    Map<String, Object> map = new java.util.TreeMap<>(new com.fasterxml.jackson.databind.ObjectMapper()
        .convertValue(o, Map.class));
    map.remove("status");
    Map<String, Object> meta = (Map<String, Object>) map.remove("metadata");
    map.put("labels", meta.get("labels"));
    map.put("annotations", meta.get("annotations"));
    return map.toString();
  }

  private static String id(HasMetadata o) {
    return o.getKind() + " " + o.getMetadata().getName();
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
    cluster.kubectl("delete", "namespace", NS, "--ignore-not-found", "--wait=false");
  }

}
