package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The security-relevant fields of a Deployment's pod template must be exactly what was rendered,
 * not merely contain it: a hand-added {@code hostNetwork}, {@code privileged} container, added
 * capability, host path volume, extra (init) container or other service account is drift to
 * revert, even though the operator never sets those fields.
 */
final class PodSecurity {

  /** Pod spec fields compared exactly (absent, false and empty are the same). */
  static final List<String> POD_FIELDS = List.of("hostNetwork", "hostPID", "hostIPC", "hostUsers",
      "shareProcessNamespace", "serviceAccountName", "serviceAccount", "automountServiceAccountToken",
      "securityContext", "volumes", "initContainers", "ephemeralContainers", "runtimeClassName", "nodeName");
  /** Container fields compared exactly. */
  static final List<String> CONTAINER_FIELDS = List.of("securityContext", "volumeMounts", "volumeDevices");

  private PodSecurity() {}

  /** The security-relevant fields of {@code live}'s pod template that differ from {@code desired}'s; empty when none. */
  static List<String> drift(HasMetadata live, HasMetadata desired) {
    List<String> drifted = new ArrayList<>();
    if (!(live instanceof Deployment) || !(desired instanceof Deployment)) {
      return drifted;
    }
    Map<String, Object> have = podSpec(live);
    Map<String, Object> want = podSpec(desired);
    for (String field : POD_FIELDS) {
      if (!same(have.get(field), want.get(field))) {
        drifted.add(field);
      }
    }
    List<?> haveContainers = list(have.get("containers"));
    List<?> wantContainers = list(want.get("containers"));
    if (haveContainers.size() != wantContainers.size()) {
      drifted.add("containers (" + haveContainers.size() + " instead of " + wantContainers.size() + ")");
      return drifted;
    }
    for (int i = 0; i < wantContainers.size(); i++) {
      Map<?, ?> h = (Map<?, ?>) haveContainers.get(i);
      Map<?, ?> w = (Map<?, ?>) wantContainers.get(i);
      for (String field : CONTAINER_FIELDS) {
        if (!same(h.get(field), w.get(field))) {
          drifted.add("containers[" + w.get("name") + "]." + field);
        }
      }
    }
    return drifted;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(HasMetadata deployment) {
    Map<String, Object> object = ObjectDiff.toMap(deployment);
    Object spec = object.get("spec") instanceof Map<?, ?> s ? s.get("template") : null;
    Object template = spec instanceof Map<?, ?> t ? t.get("spec") : null;
    return template instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  /** Equal after dropping what means "unset": nulls, false, empty maps and lists. */
  static boolean same(Object a, Object b) {
    return Objects.equals(normal(a), normal(b));
  }

  private static Object normal(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.TreeMap<>();
      m.forEach((k, v) -> {
        Object n = normal(v);
        if (n != null) {
          out.put(k, n);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = c.stream().map(PodSecurity::normal).toList();
      return out.isEmpty() ? null : out;
    }
    if (Boolean.FALSE.equals(value)) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    return value;
  }
}
