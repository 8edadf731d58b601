package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.render.Fingerprint;
import online.nexuscos.platform.api.v1alpha1.ApiPatterns;

/**
 * Decides whether a live object still is what the operator wants, and builds the object to write
 * when it is not. The live object may carry more than we asked for (server defaults, fields of
 * other controllers): only what the desired object says is compared. A change of the desired hash
 * catches fields we stopped setting; the field comparison catches hand edits.
 */
public final class ObjectDiff {

  private static final Pattern QUANTITY = Pattern.compile(ApiPatterns.QUANTITY);
  private static final List<String> NOT_SPEC = List.of("apiVersion", "kind", "metadata", "status");

  private ObjectDiff() {}

  /** True when {@code live} needs no write to become {@code desired}. */
  public static boolean upToDate(HasMetadata live, HasMetadata desired) {
    String liveHash = annotation(live, Labels.DESIRED_HASH);
    if (!Objects.equals(liveHash, annotation(desired, Labels.DESIRED_HASH))) {
      return false;
    }
    Map<String, Object> want = toMap(desired);
    Map<String, Object> have = toMap(live);
    if (Fingerprint.replicasOwnedByHpa(desired) && !zero(spec(have).get("replicas"))) {
      spec(want).remove("replicas");
    }
    Map<String, Object> wantMeta = map(want.get("metadata"));
    Map<String, Object> haveMeta = map(have.get("metadata"));
    for (String key : List.of("labels", "annotations")) {
      if (!contains(haveMeta.get(key), wantMeta.get(key))) {
        return false;
      }
    }
    for (var entry : want.entrySet()) {
      if (!NOT_SPEC.contains(entry.getKey()) && !contains(have.get(entry.getKey()), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The object to PUT: the live object with our labels and annotations added and our top-level
   * fields replaced. Inside {@code spec}, keys we do not set (a Service's clusterIP, an
   * HPA-owned replica count, unless it is zero) keep their live values.
   */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T merge(T live, HasMetadata desired) {
    Map<String, Object> merged = toMap(live);
    Map<String, Object> want = toMap(desired);
    Map<String, Object> meta = map(merged.get("metadata"));
    Map<String, Object> wantMeta = map(want.get("metadata"));
    for (String key : List.of("labels", "annotations")) {
      Map<String, Object> combined = new LinkedHashMap<>(map(meta.get(key)));
      combined.putAll(map(wantMeta.get(key)));
      meta.put(key, combined);
    }
    merged.put("metadata", meta);
    boolean keepReplicas = Fingerprint.replicasOwnedByHpa(desired);
    for (var entry : want.entrySet()) {
      String key = entry.getKey();
      if (NOT_SPEC.contains(key)) {
        continue;
      }
      if ("spec".equals(key) && merged.get("spec") instanceof Map<?, ?> liveSpec) {
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) liveSpec);
        Object liveReplicas = spec.get("replicas");
        spec.putAll(map(entry.getValue()));
        // The HPA owns the count, but it never scales up from zero (a fenced Deployment): then ours.
        if (keepReplicas && liveReplicas != null && !zero(liveReplicas)) {
          spec.put("replicas", liveReplicas);
        }
        merged.put("spec", spec);
      } else {
        merged.put(key, entry.getValue());
      }
    }
    return (T) KubeJson.shared().convertValue(merged, live.getClass());
  }

  /** Whether {@code have} holds everything {@code want} says (missing equals empty). */
  static boolean contains(Object have, Object want) {
    if (isEmpty(want)) {
      return isEmpty(have);
    }
    if (have == null && isZero(want)) {
      // A real API server drops zero numbers and empty strings of non-pointer omitempty fields (a
      // probe's initialDelaySeconds: 0): missing there is what we asked for. Not false: every
      // boolean we render is a pointer (allowPrivilegeEscalation, automountServiceAccountToken,
      // enableServiceLinks), kept by the server, and a missing one means its default, i.e. drift.
      return true;
    }
    if (want instanceof Map<?, ?> w) {
      if (!(have instanceof Map<?, ?> h)) {
        return false;
      }
      return w.entrySet().stream().allMatch(e -> contains(h.get(e.getKey()), e.getValue()));
    }
    if (want instanceof List<?> w) {
      if (!(have instanceof List<?> h) || h.size() != w.size()) {
        return false;
      }
      for (int i = 0; i < w.size(); i++) {
        if (!contains(h.get(i), w.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (want instanceof Number w && have instanceof Number h) {
      return w.doubleValue() == h.doubleValue();
    }
    if (want instanceof String w && have instanceof String h && !w.equals(h)
        && QUANTITY.matcher(w).matches() && QUANTITY.matcher(h).matches()) {
      return Quantity.getAmountInBytes(new Quantity(w)).compareTo(Quantity.getAmountInBytes(new Quantity(h))) == 0;
    }
    return Objects.equals(want, have);
  }

  private static boolean zero(Object replicas) {
    return replicas instanceof Number n && n.intValue() == 0;
  }

  private static boolean isZero(Object value) {
    return (value instanceof Number n && n.doubleValue() == 0) || "".equals(value);
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(HasMetadata object) {
    return KubeJson.shared().convertValue(object, LinkedHashMap.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Map<String, Object> object) {
    Object spec = object.get("spec");
    return spec instanceof Map<?, ?> ? (Map<String, Object>) spec : new LinkedHashMap<>();
  }

  static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
