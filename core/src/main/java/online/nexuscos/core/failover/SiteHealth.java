package online.nexuscos.core.failover;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.platform.api.v1alpha1.SiteProblem;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;

/**
 * Reads a site's health from Nodes and Deployments: whether its Ready Nodes can hold the
 * platform's critical services (the signal for failover), and which critical services are down.
 * A release that does not become ready is judged elsewhere (the rollout state machine). Pure.
 */
public final class SiteHealth {

  private SiteHealth() {}

  /** Whether a node belongs to a site (its placement admits it). */
  public static boolean onSite(SiteSpec site, Node node) {
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    var placement = site.getPlacement();
    if (placement == null) {
      return false;
    }
    return NodeMatch.selector(placement.getNodeSelector(), labels)
        && (placement.getMatchExpressions() == null || placement.getMatchExpressions().stream()
            .allMatch(r -> NodeMatch.requirement(r.getKey(), r.getOperator(), r.getValues(), labels)));
  }

  /**
   * The taints the node lifecycle controller puts on a Node it does not (yet) trust: they stay
   * until it has seen the Node Ready again, and pods started before that are marked not ready.
   */
  static final java.util.Set<String> DISTRUST_TAINTS = java.util.Set.of("node.kubernetes.io/not-ready",
      "node.kubernetes.io/unreachable");

  /** Whether the Node reports Ready: pods on it may be serving (what fencing asks). */
  public static boolean ready(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * Whether new pods can start on the Node: Ready, not cordoned, and no longer tainted not-ready or
   * unreachable by the control plane (a Node that has just come back is Ready a few seconds before
   * its controller lifts those taints, and pods placed in between are marked not ready).
   */
  public static boolean takesPods(Node node) {
    if (!ready(node)) {
      return false;
    }
    var spec = node.getSpec();
    if (spec == null) {
      return true;
    }
    return !Boolean.TRUE.equals(spec.getUnschedulable()) && (spec.getTaints() == null
        || spec.getTaints().stream().noneMatch(t -> DISTRUST_TAINTS.contains(t.getKey())));
  }

  /**
   * Whether the site can run the platform's critical services now: at least one Node that takes
   * pods ({@link #takesPods}), and those Nodes' allocatable CPU, memory and pods hold the critical
   * services' requests at their minimum replica counts (the HPA minimum where autoscaling is on).
   */
  public static FailoverStateMachine.SiteReadiness readiness(SiteSpec site, Collection<Node> nodes,
      ResolvedPlatform platform) {
    List<Node> members = nodes.stream().filter(n -> onSite(site, n)).toList();
    List<Node> ready = members.stream().filter(SiteHealth::takesPods).toList();
    if (ready.isEmpty()) {
      long held = members.stream().filter(SiteHealth::ready).count();
      return new FailoverStateMachine.SiteReadiness(0, SiteProblem.NoReadyNode, "site " + site.getName()
          + " has no Ready Node that takes pods (" + members.size() + " Node(s) match its placement"
          + (held == 0 ? "" : ", " + held + " of them Ready but cordoned or still tainted not-ready/unreachable")
          + ")");
    }
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    long pods = 0;
    for (ResolvedService s : platform.services()) {
      if (!s.critical()) {
        continue;
      }
      int replicas = s.autoscaling() != null && s.autoscaling().enabled() ? s.autoscaling().minReplicas() : s.replicas();
      pods += replicas;
      cpu = cpu.add(amount(s.resources() == null ? null : s.resources().requestCpu()).multiply(BigDecimal.valueOf(replicas)));
      memory = memory.add(amount(s.resources() == null ? null : s.resources().requestMemory())
          .multiply(BigDecimal.valueOf(replicas)));
    }
    List<String> missing = new ArrayList<>();
    BigDecimal haveCpu = allocatable(ready, "cpu");
    BigDecimal haveMemory = allocatable(ready, "memory");
    BigDecimal havePods = allocatable(ready, "pods");
    if (haveCpu.compareTo(cpu) < 0) {
      missing.add("CPU " + cpu.stripTrailingZeros().toPlainString() + " requested, "
          + haveCpu.stripTrailingZeros().toPlainString() + " allocatable");
    }
    if (haveMemory.compareTo(memory) < 0) {
      missing.add("memory " + memory.toBigInteger() + " bytes requested, " + haveMemory.toBigInteger() + " allocatable");
    }
    if (havePods.compareTo(BigDecimal.valueOf(pods)) < 0) {
      missing.add(pods + " pods needed, " + havePods.toBigInteger() + " allowed");
    }
    if (!missing.isEmpty()) {
      return new FailoverStateMachine.SiteReadiness(ready.size(), SiteProblem.InsufficientCapacity, "site " + site.getName()
          + "'s " + ready.size() + " Ready Node(s) that take pods cannot hold the critical services: " + String.join(", ", missing));
    }
    return FailoverStateMachine.SiteReadiness.ok(ready.size());
  }

  private static BigDecimal allocatable(List<Node> nodes, String resource) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Node n : nodes) {
      var alloc = n.getStatus() == null ? null : n.getStatus().getAllocatable();
      if (alloc == null || !alloc.containsKey(resource)) {
        return BigDecimal.valueOf(Long.MAX_VALUE); // not reported: not a limit we can judge
      }
      sum = sum.add(Quantity.getAmountInBytes(alloc.get(resource)));
    }
    return sum;
  }

  private static BigDecimal amount(String quantity) {
    return quantity == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(new Quantity(quantity));
  }

  /**
   * Critical services with no available replica (a Deployment not yet created is not counted:
   * that is an install, not an outage).
   */
  public static List<String> unavailableCritical(ResolvedPlatform platform, Map<String, Deployment> deployments) {
    List<String> down = new ArrayList<>();
    for (ResolvedService s : platform.services()) {
      Deployment d = deployments.get(s.name());
      if (!s.critical() || d == null || d.getSpec().getReplicas() == null || d.getSpec().getReplicas() == 0) {
        continue;
      }
      Integer available = d.getStatus() == null ? null : d.getStatus().getAvailableReplicas();
      if (available == null || available == 0) {
        down.add(s.name());
      }
    }
    return down;
  }
}
