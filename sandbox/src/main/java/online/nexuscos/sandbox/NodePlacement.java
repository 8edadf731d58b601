package online.nexuscos.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * Simulation: whether a pod spec's node placement (nodeSelector and required node affinity)
 * admits a node, as the scheduler decides it. Taints and resources are not simulated. Pure.
 */
public final class NodePlacement {

  private NodePlacement() {}

  public static boolean admits(PodSpec pod, Node node) {
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    if (pod.getNodeSelector() != null
        && !pod.getNodeSelector().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
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
    return node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean matches(NodeSelectorTerm term, Map<String, String> labels) {
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    return expressions.stream().allMatch(r -> matches(r, labels));
  }

  private static boolean matches(NodeSelectorRequirement r, Map<String, String> labels) {
    String value = labels.get(r.getKey());
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt" -> value != null && !values.isEmpty() && Long.parseLong(value) > Long.parseLong(values.get(0));
      case "Lt" -> value != null && !values.isEmpty() && Long.parseLong(value) < Long.parseLong(values.get(0));
      default -> false;
    };
  }
}
