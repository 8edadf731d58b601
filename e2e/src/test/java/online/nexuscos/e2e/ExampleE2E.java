package online.nexuscos.e2e;

import static online.nexuscos.e2e.E2E.awaitPlatform;
import static online.nexuscos.e2e.E2E.awaitReady;
import static online.nexuscos.e2e.E2E.deployments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The full Nexus COS example on the real control plane, as a user drives it with kubectl: converge,
 * quiet resync, one change, drift, module switch-off, server-side apply, deletion with Retain and
 * Delete. Request counts come from the API server's audit log. The steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExampleE2E {

  private static final String NAME = "nexus-cos";
  private final RealCluster cluster = RealCluster.get();
  private final String example = cluster.repo().resolve("examples/nexus-cos.yaml").toString();
  private final long start = cluster.audit().mark();

  @Test
  @Order(1)
  void kubectlApplyOfTheExampleConvergesToReadyWithStatusFromTheRealDeploymentController() {
    long mark = cluster.audit().mark();
    cluster.kubectl("apply", "-f", example).ok();
    NexusPlatform ready = awaitReady(cluster, NAME);

    assertThat(ready.getStatus().getServicesReady()).isEqualTo("22/22");
    List<Deployment> deployments = deployments(cluster, NAME);
    assertThat(deployments).hasSize(22).allSatisfy(d -> {
      assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(d.getSpec().getReplicas());
    });
    long pods = cluster.admin().pods().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems().stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase())).count();
    assertThat(pods).as("pods run (on kwok's Nodes)").isEqualTo(
        deployments.stream().mapToLong(d -> d.getSpec().getReplicas()).sum());

    Map<String, Long> writes = AuditLog.count(cluster.operatorWrites(mark));
    System.out.println("Audit: operator writes to converge the example\n" + E2E.summary(writes));
    assertThat(writes).containsEntry("apps/deployments create", 22L).containsEntry("namespaces create", 9L);
    assertThat(writes.keySet()).noneMatch(k -> k.endsWith(" delete"));
  }

  @Test
  @Order(2)
  void aQuietResyncMakesNoWriteRequest() {
    long mark = cluster.audit().mark();
    long reconciles = cluster.operator().reconciles(NAME);
    // The suite's operator resyncs every RealCluster.RESYNC: wait for two full reconciles.
    await().atMost(RealCluster.TIMEOUT).until(() -> cluster.operator().reconciles(NAME) >= reconciles + 2);

    List<AuditLog.Request> writes = cluster.operatorWrites(mark);
    System.out.println("Audit: operator requests during two quiet resyncs: "
        + AuditLog.count(cluster.operatorRequests(mark)));
    assertThat(writes).as("writes on a quiet resync, counted by the API server").isEmpty();
  }

  @Test
  @Order(3)
  void oneChangedServiceWritesOnlyItsDeploymentAndTheNewRevision() {
    NexusPlatform before = cluster.platform(NAME);
    int index = E2E.serviceIndex(before, "session-mgr");
    long mark = cluster.audit().mark();
    cluster.kubectl("patch", "nxp", NAME, "--type=json",
        "-p", "[{\"op\":\"add\",\"path\":\"/spec/services/" + index + "/tag\",\"value\":\"2025.10.12\"}]").ok();
    NexusPlatform after = awaitPlatform(cluster, NAME, p -> p.getStatus().getStableRevision() != null
        && p.getStatus().getStableRevision() > before.getStatus().getStableRevision()
        && p.getStatus().getPhase() == online.nexuscos.platform.api.v1alpha1.Phase.Ready);

    assertThat(E2E.image(cluster, "nexus-platform", "session-mgr")).endsWith(":2025.10.12");
    List<AuditLog.Request> writes = cluster.operatorWrites(mark);
    System.out.println("Audit: operator writes for one changed tag\n" + E2E.summary(AuditLog.count(writes)));
    assertThat(writes.stream().filter(r -> r.resource().equals("deployments")).map(AuditLog.Request::name))
        .containsExactly("session-mgr");
    assertThat(writes).allSatisfy(r -> assertThat(r.resource())
        .isIn("deployments", "controllerrevisions", "nexusplatforms/status", "events"));
    assertThat(after.getStatus().getCurrentRevision()).isEqualTo(before.getStatus().getCurrentRevision() + 1);
    // Status: the rollout started, then Ready at the new revision; the Deployment's steps between
    // are written at most once per progress interval (commentary, not facts).
    List<java.time.Instant> statusWrites = writes.stream().filter(r -> r.resource().equals("nexusplatforms/status"))
        .map(AuditLog.Request::at).sorted().toList();
    long intervals = java.time.Duration.between(statusWrites.get(0), statusWrites.get(statusWrites.size() - 1)).toMillis()
        / online.nexuscos.core.status.StatusChange.PROGRESS_INTERVAL.toMillis();
    assertThat(statusWrites).as("status writes over %s", statusWrites).hasSizeBetween(2, 2 + (int) intervals);
  }

  @Test
  @Order(4)
  void handEditsAreRevertedAndDeletedChildrenRecreated() {
    String wanted = E2E.image(cluster, "nexus-platform", "session-mgr");
    cluster.kubectl("patch", "deployment", "session-mgr", "-n", "nexus-platform", "--type=json", "-p",
        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"example.org/evil:1\"}]").ok();
    String uid = cluster.admin().services().inNamespace("nexus-auth").withName("auth-service").get().getMetadata().getUid();
    cluster.kubectl("delete", "service", "auth-service", "-n", "nexus-auth").ok();

    await().atMost(RealCluster.TIMEOUT).until(() -> E2E.image(cluster, "nexus-platform", "session-mgr").equals(wanted));
    await().atMost(RealCluster.TIMEOUT).until(() -> {
      var service = cluster.admin().services().inNamespace("nexus-auth").withName("auth-service").get();
      return service != null && !service.getMetadata().getUid().equals(uid);
    });
    awaitReady(cluster, NAME);
  }

  @Test
  @Order(5)
  void switchingAModuleOffDeletesItsObjects() {
    NexusPlatform platform = cluster.platform(NAME);
    int module = 0;
    while (!platform.getSpec().getModules().get(module).getName().equals("puaboverse")) {
      module++;
    }
    var service = platform.getSpec().getServices().stream().filter(s -> "puaboverse".equals(s.getModule()))
        .findFirst().orElseThrow();
    long mark = cluster.audit().mark();
    cluster.kubectl("patch", "nxp", NAME, "--type=json",
        "-p", "[{\"op\":\"replace\",\"path\":\"/spec/modules/" + module + "/enabled\",\"value\":false}]").ok();
    NexusPlatform ready = awaitPlatform(cluster, NAME, p -> "21/21".equals(p.getStatus().getServicesReady())
        && p.getStatus().getPhase() == online.nexuscos.platform.api.v1alpha1.Phase.Ready);
    assertThat(E2E.deployment(cluster, service.getNamespace(), service.getName())).isNull();
    Set<String> deleted = cluster.operatorWrites(mark).stream().filter(r -> r.verb().equals("delete"))
        .map(r -> r.resource() + "/" + r.name()).collect(Collectors.toSet());
    assertThat(deleted).contains("deployments/" + service.getName(), "services/" + service.getName())
        .allSatisfy(d -> assertThat(d).contains(service.getName()));
    assertThat(ready.getStatus().getServices()).noneMatch(s -> s.getName().equals(service.getName()));
  }

  @Test
  @Order(6)
  void serverSideApplyOfTheExampleIsAcceptedAndConverges() {
    cluster.kubectl("apply", "--server-side", "--force-conflicts", "-f", example).ok();
    awaitPlatform(cluster, NAME, p -> "22/22".equals(p.getStatus().getServicesReady())
        && p.getStatus().getPhase() == online.nexuscos.platform.api.v1alpha1.Phase.Ready);
  }

  @Test
  @Order(7)
  void deletingWithRetainLeavesEverythingRunningAndReapplyingAdoptsIt() {
    List<String> uids = deployments(cluster, NAME).stream().map(d -> d.getMetadata().getUid()).sorted().toList();
    cluster.kubectl("delete", "nxp", NAME, "--wait=true", "--timeout=120s").ok();
    assertThat(deployments(cluster, NAME)).as("Retain: the workloads keep running").hasSize(22)
        .allSatisfy(d -> assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(d.getSpec().getReplicas()));

    // The same spec under another name takes nothing over (selectors and data are nexus-cos's).
    long renamedMark = cluster.audit().mark();
    String renamed = E2E.file(readExample().replace("name: nexus-cos\n", "name: nexus-cos-renamed\n"));
    cluster.kubectl("apply", "-f", renamed).ok();
    NexusPlatform refused = awaitPlatform(cluster, "nexus-cos-renamed",
        p -> p.getStatus().getPhase() == online.nexuscos.platform.api.v1alpha1.Phase.Degraded);
    assertThat(online.nexuscos.core.status.Conditions.find(refused.getStatus().getConditions(),
        online.nexuscos.core.status.ConditionType.DEGRADED).orElseThrow().getMessage())
        .contains("belongs to platform nexus-cos");
    assertThat(cluster.operatorWrites(renamedMark)).as("no take-over, no immutable-field PUT")
        .noneMatch(r -> (r.namespace().startsWith("nexus-") && !r.resource().equals("controllerrevisions"))
            || r.resource().equals("namespaces"));
    cluster.kubectl("delete", "-f", renamed, "--wait=true", "--timeout=120s").ok();
    assertThat(deployments(cluster, NAME)).hasSize(22);

    long mark = cluster.audit().mark();
    cluster.kubectl("apply", "-f", example).ok();
    awaitReady(cluster, NAME);
    assertThat(deployments(cluster, NAME).stream().map(d -> d.getMetadata().getUid()).sorted().toList())
        .as("adopted back by the platform of the same name, not re-created").isEqualTo(uids);
    assertThat(cluster.operatorWrites(mark)).noneMatch(r -> r.resource().equals("deployments") && r.verb().equals("create"));
  }

  @Test
  @Order(8)
  void deletingWithDeleteRemovesTheNamespacesAndReapplyingWaitsForTheirTermination() {
    cluster.kubectl("patch", "nxp", NAME, "--type=merge", "-p", "{\"spec\":{\"deletionPolicy\":\"Delete\"}}").ok();
    awaitReady(cluster, NAME);
    long mark = cluster.audit().mark();
    cluster.kubectl("delete", "nxp", NAME, "--wait=true", "--timeout=120s").ok();
    assertThat(cluster.operatorWrites(mark).stream().filter(r -> r.resource().equals("namespaces") && r.verb().equals("delete")))
        .hasSize(9);
    List<Namespace> terminating = cluster.admin().namespaces().withLabel(Labels.INSTANCE, NAME).list().getItems();
    System.out.println("Namespaces still terminating right after the platform is gone: " + terminating.size());

    // Applied again at once: the operator waits for the namespace controller, then re-creates.
    cluster.kubectl("apply", "-f", example).ok();
    NexusPlatform ready = awaitReady(cluster, NAME);
    assertThat(ready.getStatus().getServicesReady()).isEqualTo("22/22");
    assertThat(cluster.admin().namespaces().withLabel(Labels.INSTANCE, NAME).list().getItems())
        .hasSize(9).allSatisfy(n -> assertThat(n.getMetadata().getDeletionTimestamp()).isNull());
  }

  private String readExample() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(example));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  void everyRequestWasAllowedAndTheExampleIsRemoved() {
    E2E.assertAllowedAndValid(cluster, start);
    cluster.kubectl("patch", "nxp", NAME, "--type=merge", "-p", "{\"spec\":{\"deletionPolicy\":\"Delete\"}}");
    cluster.kubectl("delete", "nxp", NAME, "--ignore-not-found", "--wait=true", "--timeout=120s");
    await().atMost(RealCluster.TIMEOUT).until(() ->
        cluster.admin().namespaces().withLabel(Labels.INSTANCE, NAME).list().getItems().isEmpty());
  }
}
