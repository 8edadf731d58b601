package online.nexuscos.operator.failover;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import online.nexuscos.operator.model.ResolvedPlatform;
import online.nexuscos.operator.model.ResolvedService;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;

/** Reads a site's health from Nodes and Deployments. Pure. */
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

  public static boolean ready(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** How many Ready nodes the site has. */
  public static long readyNodes(SiteSpec site, Collection<Node> nodes) {
    return nodes.stream().filter(n -> onSite(site, n) && ready(n)).count();
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
