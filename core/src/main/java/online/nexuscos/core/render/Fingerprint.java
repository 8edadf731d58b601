package online.nexuscos.core.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.model.Labels;

/**
 * A short, stable hash of what the operator wants an object to be. It is stored in the
 * {@code platform.nexuscos.online/desired-hash} annotation; a live object whose hash differs from
 * the desired one is rewritten. A replica count owned by an HPA is left out.
 */
public final class Fingerprint {

  /** Writes trees only: every object's keys sorted, the bytes released operators hashed. */
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private Fingerprint() {}

  public static String of(HasMetadata object) {
    // The tree from the process's shared serialization (its serializers are built once for render,
    // diff and output alike); written below with every object's keys sorted.
    ObjectNode tree = KubeJson.shared().convertValue(object, ObjectNode.class);
    ObjectNode metadata = (ObjectNode) tree.get("metadata");
    if (metadata != null) {
      metadata.retain("name", "namespace", "labels", "annotations");
      if (metadata.get("annotations") instanceof ObjectNode annotations) {
        annotations.remove(Labels.DESIRED_HASH);
      }
    }
    tree.remove("status");
    if (replicasOwnedByHpa(object) && tree.get("spec") instanceof ObjectNode spec) {
      spec.remove("replicas");
    }
    try {
      return sha(CANONICAL.writeValueAsBytes(tree));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot hash " + object.getKind(), e);
    }
  }

  /** One hash of several objects' fingerprints (order matters). */
  public static String combine(List<String> fingerprints) {
    return sha(String.join(",", fingerprints).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The workload state of a rendered platform: one hash over every Deployment's fingerprint. */
  public static String workload(List<HasMetadata> desired) {
    return combine(desired.stream()
        .filter(o -> o instanceof io.fabric8.kubernetes.api.model.apps.Deployment)
        .map(o -> o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH))
        .toList());
  }

  /** Whether an HPA owns this object's {@code spec.replicas}. */
  public static boolean replicasOwnedByHpa(HasMetadata object) {
    var annotations = object.getMetadata().getAnnotations();
    return annotations != null && "hpa".equals(annotations.get(Labels.REPLICAS_OWNER));
  }
}
