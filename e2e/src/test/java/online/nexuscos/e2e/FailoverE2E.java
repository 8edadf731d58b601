package online.nexuscos.e2e;

import static online.nexuscos.e2e.E2E.awaitPlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import java.time.Duration;
import java.time.Instant;
import online.nexuscos.core.failover.SiteHealth;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStage;
import online.nexuscos.platform.api.v1alpha1.FailoverTrigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Failover on the real control plane: a zone's Nodes go NotReady (kwok stops heartbeating them),
 * fencing waits for the old site's pods, the scheduler places the new ones in the other zone;
 * failback into a dead zone is refused, and so is a failover to a zone whose Nodes are all cordoned;
 * a pod that will not stop holds the failover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverE2E {

  static final String NAME = "failover-e2e";
  static final String ZONE = "topology.kubernetes.io/zone";
  static final String PLATFORM = E2E.platform(NAME, "1.0.0", "e2e-failover", """
      services:
        - {name: gateway, namespace: e2e-failover, port: 3000, replicas: 2, critical: true}
        - {name: orders, namespace: e2e-failover, port: 3001, replicas: 1, critical: true}
      failover:
        activeSite: primary
        automatic: true
        gracePeriodSeconds: 5
        criticalUnavailableThreshold: 1
      """ + E2E.ZONE_SITES.indent(2));

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  private NexusPlatform awaitOn(String site) {
    return awaitPlatform(cluster, NAME, p -> p.getStatus().getPhase() == Phase.Ready
        && p.getStatus().getFailover() != null && site.equals(p.getStatus().getFailover().getActiveSite())
        && p.getStatus().getFailover().getCurrent() == null);
  }

  private List<String> zonesOfRunningPods() {
    return cluster.admin().pods().inNamespace("e2e-failover").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getSpec().getNodeName() != null)
        .map(p -> cluster.admin().nodes().withName(p.getSpec().getNodeName()).get().getMetadata().getLabels().get(ZONE))
        .distinct().toList();
  }

  @Test
  @Order(1)
  void aZoneGoingNotReadyFailsOverAfterFencingAndFailbackWaitsUntilTheZoneIsBack() {
    cluster.kubectl("apply", "-f", E2E.file(PLATFORM)).ok();
    awaitOn("primary");
    assertThat(zonesOfRunningPods()).containsExactly("zone-a");

    Zones.setReady(cluster, "zone-a", false);
    NexusPlatform failedOver = awaitOn("secondary");
    FailoverRecord record = failedOver.getStatus().getFailover().getHistory().get(0);
    assertThat(record.getTrigger()).isEqualTo(FailoverTrigger.Automatic);
    // zone-a's pods stay Terminating (nothing there confirms they stopped): fencing waited for them.
    assertThat(Duration.between(Instant.parse(record.getStartedAt()), Instant.parse(record.getFinishedAt())))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    await().atMost(RealCluster.TIMEOUT).until(() -> zonesOfRunningPods().equals(List.of("zone-b")));
    assertThat(E2E.deployments(cluster, NAME)).allSatisfy(d ->
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-b"));

    // Failback into the dead zone is refused, with the reason, and nothing moves.
    Command.Result refused = cluster.nexusctl("failback", NAME, "--wait", "--timeout", "60s");
    assertThat(refused.exit()).as(refused.out() + refused.err()).isNotZero();
    assertThat(refused.err()).contains("refused").contains("site primary has no Ready Node");
    NexusPlatform stays = cluster.platform(NAME);
    assertThat(stays.getStatus().getFailover().getActiveSite()).isEqualTo("secondary");
    assertThat(stays.getStatus().getFailover().getCurrent()).isNull();
    assertThat(Conditions.find(stays.getStatus().getConditions(), ConditionType.FAILED_OVER).orElseThrow().getReason())
        .isEqualTo(ConditionType.Reason.FAILOVER_REFUSED);
    assertThat(cluster.admin().v1().events().inNamespace("default").list().getItems())
        .anyMatch(e -> "FailoverRefused".equals(e.getReason()) && stays.getMetadata().getUid().equals(e.getInvolvedObject().getUid()));

    Zones.setReady(cluster, "zone-a", true);
    // Back means the control plane trusts the Nodes again (its not-ready/unreachable taints lifted),
    // not only that they report Ready: pods placed in between would be marked not ready.
    await().atMost(RealCluster.TIMEOUT).until(() -> cluster.admin().nodes().withLabel(ZONE, "zone-a").list().getItems()
        .stream().allMatch(SiteHealth::takesPods));
    cluster.nexusctl("failback", NAME, "--wait", "--timeout", "2m").ok();
    awaitOn("primary");
    await().atMost(RealCluster.TIMEOUT).until(() -> zonesOfRunningPods().equals(List.of("zone-a")));
  }

  @Test
  @Order(2)
  void aFailoverToAZoneWhoseNodesAreAllCordonedIsRefused() {
    awaitOn("primary");
    List<String> zoneB = cluster.admin().nodes().withLabel(ZONE, "zone-b").list().getItems().stream()
        .map(n -> n.getMetadata().getName()).toList();
    zoneB.forEach(n -> cluster.kubectl("cordon", n).ok());
    try {
      long asked = cluster.audit().mark();
      Command.Result refused = cluster.nexusctl("failover", NAME, "--to", "secondary", "--wait", "--timeout", "60s");
      assertThat(refused.exit()).as(refused.out() + refused.err()).isNotZero();
      assertThat(refused.err()).contains("refused").contains("site secondary has no Ready Node that takes pods")
          .contains("cordoned");
      NexusPlatform stays = cluster.platform(NAME);
      assertThat(stays.getMetadata().getAnnotations()).as("--wait returns once the request is removed")
          .doesNotContainKeys(Labels.FAILOVER_TO, Labels.REQUEST_ID);
      // The answer is written before the request is removed: a reconcile cut off in between answers again.
      List<String> writes = cluster.operatorWrites(asked).stream()
          .filter(r -> r.resource().startsWith("nexusplatforms") && NAME.equals(r.name())).map(AuditLog.Request::resource).toList();
      assertThat(writes).as("the operator's writes to the platform").contains("nexusplatforms/status", "nexusplatforms");
      assertThat(writes.indexOf("nexusplatforms/status")).isLessThan(writes.indexOf("nexusplatforms"));
      assertThat(stays.getStatus().getFailover().getActiveSite()).isEqualTo("primary");
      assertThat(stays.getStatus().getFailover().getCurrent()).isNull();
      assertThat(zonesOfRunningPods()).containsExactly("zone-a");
    } finally {
      zoneB.forEach(n -> cluster.kubectl("uncordon", n));
    }
  }

  @Test
  @Order(3)
  void fencingWaitsWhileAPodStillRunsOnAReadyNodeAndSaysSo() {
    awaitOn("primary");
    String held = cluster.admin().pods().inNamespace("e2e-failover").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).findFirst().orElseThrow().getMetadata().getName();
    cluster.kubectl("patch", "pod", held, "-n", "e2e-failover", "--type=merge",
        "-p", "{\"metadata\":{\"finalizers\":[\"e2e.nexuscos.online/hold\"]}}").ok();
    try {
      cluster.nexusctl("failover", NAME, "--to", "secondary", "--reason", "e2e: zone-a maintenance").ok();
      NexusPlatform stuck = awaitPlatform(cluster, NAME, p -> p.getStatus().getFailover().getCurrent() != null
          && p.getStatus().getFailover().getCurrent().getStep() == FailoverStage.FencingStuck);
      assertThat(stuck.getStatus().getPhase()).as("never Ready while fencing").isNotEqualTo(Phase.Ready);
      assertThat(E2E.deployments(cluster, NAME)).as("nothing starts on the new site").allSatisfy(d ->
          assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-a"));
      assertThat(cluster.admin().v1().events().inNamespace("default").list().getItems())
          .anyMatch(e -> "FencingStuck".equals(e.getReason()) && e.getMessage().contains(held));
    } finally {
      cluster.kubectl("patch", "pod", held, "-n", "e2e-failover", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}");
    }
    awaitOn("secondary");
    await().atMost(RealCluster.TIMEOUT).until(() -> zonesOfRunningPods().equals(List.of("zone-b")));
  }

  @Test
  @Order(4)
  void theStatusInTheClusterIsWhatTheOperatorDecidesFrom() {
    awaitOn("secondary");
    // As if another replica (before a leader change) had recorded a failback: the operator reads
    // the cluster's status, it does not overwrite it from a copy in memory.
    cluster.kubectl("patch", "nxp", NAME, "--subresource=status", "--type=merge",
        "-p", "{\"status\":{\"failover\":{\"activeSite\":\"primary\"}}}").ok();
    awaitOn("primary");
    await().atMost(RealCluster.TIMEOUT).until(() -> zonesOfRunningPods().equals(List.of("zone-a")));
    assertThat(cluster.platform(NAME).getStatus().getFailover().getActiveSite()).isEqualTo("primary");
  }

  @AfterAll
  void cleanUp() {
    Zones.setReady(cluster, "zone-a", true);
    E2E.removePlatform(cluster, NAME, start);
  }


  /** Taking a zone's kwok Nodes down and up again. */
  static final class Zones {
    static final String KWOK_LABEL = "kwok.x-k8s.io/node";

    static void setReady(RealCluster cluster, String zone, boolean ready) {
      for (Node node : cluster.admin().nodes().withLabel(ZONE, zone).list().getItems()) {
        String name = node.getMetadata().getName();
        if (ready) {
          cluster.kubectl("label", "node", name, KWOK_LABEL + "=fake", "--overwrite").ok();
        } else {
          // kwok stops heartbeating a Node it no longer selects; then it is marked NotReady.
          cluster.kubectl("label", "node", name, KWOK_LABEL + "-").ok();
          cluster.kubectl("patch", "node", name, "--subresource=status", "--type=strategic", "-p",
              "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"E2EZoneDown\","
                  + "\"message\":\"zone taken down by the e2e suite\"}]}}").ok();
        }
      }
    }
  }
}
