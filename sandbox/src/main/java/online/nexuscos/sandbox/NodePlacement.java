package online.nexuscos.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.failover.NodeMatch;
import online.nexuscos.core.failover.SiteHealth;

/**
 * Simulation: whether a pod spec's node placement (nodeSelector and required node affinity)
 * admits a node, as the scheduler decides it. Taints and resources are not simulated. Pure.
 */
public final class NodePlacement {

  private NodePlacement() {}

  public static boolean admits(PodSpec pod, Node node) {
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    if (!NodeMatch.selector(pod.getNodeSelector(), labels)) {
      return false;
    }
    var affinity = pod.getAffinity() == null ? null : pod.getAffinity().getNodeAffinity();
    var required = affinity == null ? null : affinity.getRequiredDuringSchedulingIgnoredDuringExecution();
    if (required == null || required.getNodeSelectorTerms() == null || required.getNodeSelectorTerms().isEmpty()) {
      return true;
    }
    return required.getNodeSelectorTerms().stream().anyMatch(term -> matches(term, labels));
  }

  /** Whether a node is Ready according to its status. */
  public static boolean ready(Node node) {
    return SiteHealth.ready(node);
  }

  private static boolean matches(NodeSelectorTerm term, Map<String, String> labels) {
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    return expressions.stream().allMatch(r -> matches(r, labels));
  }

  private static boolean matches(NodeSelectorRequirement r, Map<String, String> labels) {
    return NodeMatch.requirement(r.getKey(), r.getOperator(), r.getValues(), labels);
  }
}
