package online.nexuscos.operator.failover;

import java.util.List;
import java.util.Map;

/** Whether a node's labels satisfy a node selector and node selector requirements. Pure. */
public final class NodeMatch {

  private NodeMatch() {}

  public static boolean selector(Map<String, String> selector, Map<String, String> labels) {
    return selector == null || selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  /** One requirement: In, NotIn, Exists, DoesNotExist, Gt, Lt. */
  public static boolean requirement(String key, String operator, List<String> values, Map<String, String> labels) {
    String value = labels.get(key);
    List<String> v = values == null ? List.of() : values;
    return switch (operator) {
      case "In" -> value != null && v.contains(value);
      case "NotIn" -> value == null || !v.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt" -> value != null && !v.isEmpty() && Long.parseLong(value) > Long.parseLong(v.get(0));
      case "Lt" -> value != null && !v.isEmpty() && Long.parseLong(value) < Long.parseLong(v.get(0));
      default -> false;
    };
  }
}
