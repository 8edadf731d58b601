package online.nexuscos.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;
import online.nexuscos.platform.api.v1alpha1.ServiceState;

/**
 * How a newly built status differs from the one the cluster holds, so that the writer can tell a
 * fact (a service turned Available, a condition flipped, a revision recorded) from a rollout's
 * running commentary (the replica counts and message of a service that stays Progressing). Facts
 * are written at once; commentary at most once per interval (see docs/design.md, "Status writes").
 * Pure.
 */
public enum StatusChange {
  /** Nothing to write. */
  NONE,
  /** Only the replica counts or messages of services that are Progressing before and after. */
  PROGRESS,
  /** Anything else. */
  SUBSTANTIVE;

  /** Progress is written at most once per this interval per platform: the longest it lags the Deployments. */
  public static final java.time.Duration PROGRESS_INTERVAL = java.time.Duration.ofSeconds(3);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROGRESSING = ServiceState.Progressing.name();

  /** {@code previous} may be null (a platform never written). */
  public static StatusChange between(NexusPlatformStatus previous, NexusPlatformStatus next) {
    if (previous == null) {
      return next == null ? NONE : SUBSTANTIVE;
    }
    JsonNode before = JSON.valueToTree(previous);
    JsonNode after = JSON.valueToTree(next);
    if (before.equals(after)) {
      return NONE;
    }
    return withoutProgress(before).equals(withoutProgress(after)) ? PROGRESS : SUBSTANTIVE;
  }

  /** The status with the commentary of Progressing services left out (a copy). */
  private static JsonNode withoutProgress(JsonNode status) {
    JsonNode copy = status.deepCopy();
    JsonNode services = copy.get("services");
    if (services != null && services.isArray()) {
      for (JsonNode service : services) {
        if (service instanceof ObjectNode s && PROGRESSING.equals(s.path("state").asText())) {
          s.remove("message");
          s.remove("readyReplicas");
          s.remove("availableReplicas");
        }
      }
    }
    return copy;
  }
}
