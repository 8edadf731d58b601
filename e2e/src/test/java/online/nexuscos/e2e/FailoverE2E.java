package online.nexuscos.e2e;

import static online.nexuscos.e2e.E2E.awaitPlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import online.nexuscos.operator.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Failover when a zone's Nodes go NotReady on the real control plane (kwok stops heartbeating
 * them; the scheduler places the new pods in the other zone), and failback on request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
  void aZoneGoingNotReadyFailsThePlatformOverAndFailbackBringsItHome() {
    cluster.kubectl("apply", "-f", E2E.file(PLATFORM)).ok();
    awaitOn("primary");
    assertThat(zonesOfRunningPods()).containsExactly("zone-a");

    Zones.setReady(cluster, "zone-a", false);
    NexusPlatform failedOver = awaitOn("secondary");
    assertThat(failedOver.getStatus().getFailover().getHistory()).isNotEmpty();
    await().atMost(RealCluster.TIMEOUT).until(() -> zonesOfRunningPods().equals(List.of("zone-b")));
    assertThat(E2E.deployments(cluster, NAME)).allSatisfy(d ->
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-b"));

    Zones.setReady(cluster, "zone-a", true);
    await().atMost(RealCluster.TIMEOUT).until(() -> cluster.admin().nodes().list().getItems().stream()
        .filter(n -> "zone-a".equals(n.getMetadata().getLabels().get(ZONE))).allMatch(Zones::ready));
    cluster.kubectl("annotate", "nxp", NAME, Labels.FAILBACK + "=true", "--overwrite").ok();
    awaitOn("primary");
    await().atMost(RealCluster.TIMEOUT).until(() -> zonesOfRunningPods().equals(List.of("zone-a")));
  }

  @AfterAll
  void cleanUp() {
    Zones.setReady(cluster, "zone-a", true);
    E2E.removePlatform(cluster, NAME, start);
  }


  /** Taking a zone's kwok Nodes down and up again. */
  static final class Zones {
    static final String KWOK_LABEL = "kwok.x-k8s.io/node";

    static boolean ready(Node node) {
      return node.getStatus() != null && node.getStatus().getConditions() != null
          && node.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

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
