package online.nexuscos.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.SiteProblem;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;
import org.junit.jupiter.api.Test;

class SiteHealthTest {

  private static final NexusPlatform PLATFORM = Platforms.parse("""
      apiVersion: platform.nexuscos.online/v1alpha1
      kind: NexusPlatform
      metadata: {name: health}
      spec:
        version: "1.0.0"
        imageRegistry: ghcr.io/nexus-cos
        namespaces: [{name: health}]
        services:
          - name: gateway
            namespace: health
            port: 3000
            replicas: 2
            critical: true
            resources: {requests: {cpu: "1", memory: 1Gi}}
        failover:
          activeSite: primary
          sites:
            - name: primary
              placement: {nodeSelector: {topology.kubernetes.io/zone: zone-a}}
      """);
  private static final SiteSpec PRIMARY = PLATFORM.getSpec().getFailover().getSites().get(0);
  private static final ResolvedPlatform RESOLVED = PlatformResolver.resolve(PLATFORM, "primary", false);

  private static NodeBuilder node(String name, boolean ready, String cpu) {
    return new NodeBuilder().withNewMetadata().withName(name).withLabels(Map.of("topology.kubernetes.io/zone", "zone-a"))
        .endMetadata()
        .withNewSpec().endSpec()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
        .endStatus();
  }

  private static Node tainted(String name, String key) {
    return node(name, true, "4").editSpec().withTaints(new Taint("NoExecute", key, null, null)).endSpec().build();
  }

  @Test
  void aReadyNodeTakesPodsUnlessCordonedOrStillDistrustedByTheControlPlane() {
    assertThat(SiteHealth.takesPods(node("a", true, "4").build())).isTrue();
    assertThat(SiteHealth.takesPods(node("a", false, "4").build())).isFalse();
    assertThat(SiteHealth.takesPods(node("a", true, "4").editSpec().withUnschedulable(true).endSpec().build())).isFalse();
    assertThat(SiteHealth.takesPods(tainted("a", "node.kubernetes.io/unreachable"))).isFalse();
    assertThat(SiteHealth.takesPods(tainted("a", "node.kubernetes.io/not-ready"))).isFalse();
    assertThat(SiteHealth.takesPods(tainted("a", "example.com/dedicated"))).as("other taints are the scheduler's business")
        .isTrue();
    // Fencing asks whether pods may still serve there: a tainted Node that reports Ready may.
    assertThat(SiteHealth.ready(tainted("a", "node.kubernetes.io/unreachable"))).isTrue();
  }

  @Test
  void aSiteWhoseReadyNodesAreAllCordonedOrTaintedCannotRunThePlatformAndSaysWhy() {
    var readiness = SiteHealth.readiness(PRIMARY, List.of(
        node("a", true, "4").editSpec().withUnschedulable(true).endSpec().build(),
        tainted("b", "node.kubernetes.io/unreachable"),
        node("c", false, "4").build()), RESOLVED);

    assertThat(readiness.problem()).isEqualTo(SiteProblem.NoReadyNode);
    assertThat(readiness.readyNodes()).isZero();
    assertThat(readiness.detail()).isEqualTo("site primary has no Ready Node that takes pods (3 Node(s) match its "
        + "placement, 2 of them Ready but cordoned or still tainted not-ready/unreachable)");
  }

  @Test
  void capacityCountsOnlyTheNodesThatTakePods() {
    // Two replicas of 1 CPU: one schedulable Node of 1.5 CPU is not enough, whatever the cordoned one has.
    var short_ = SiteHealth.readiness(PRIMARY, List.of(node("a", true, "1500m").build(),
        node("b", true, "32").editSpec().withUnschedulable(true).endSpec().build()), RESOLVED);
    assertThat(short_.problem()).isEqualTo(SiteProblem.InsufficientCapacity);
    assertThat(short_.detail()).startsWith("site primary's 1 Ready Node(s) that take pods cannot hold the critical services: CPU 2 requested");

    var enough = SiteHealth.readiness(PRIMARY, List.of(node("a", true, "1500m").build(), node("b", true, "1").build()),
        RESOLVED);
    assertThat(enough.problem()).isNull();
    assertThat(enough.readyNodes()).isEqualTo(2);
  }
}
