package online.nexuscos.core.failover;

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
      case "Gt" -> compare(value, v) > 0;
      case "Lt" -> compare(value, v) < 0;
      default -> false;
    };
  }

  /** Gt/Lt as the scheduler reads them: both sides integers, else the requirement does not match (0). */
  private static int compare(String value, List<String> values) {
    if (value == null || values.size() != 1 || !value.matches("-?[0-9]{1,18}") || !values.get(0).matches("-?[0-9]{1,18}")) {
      return 0;
    }
    return Long.compare(Long.parseLong(value), Long.parseLong(values.get(0)));
  }
}
