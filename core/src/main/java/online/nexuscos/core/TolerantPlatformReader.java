package online.nexuscos.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Reads a NexusPlatform so that no value in its spec or status can fail the read: a field this
 * version cannot read (a wrong type, an integer beyond its range, an enum value from a newer CRD)
 * is left unset and recorded in {@link NexusPlatform#getUnreadableFields()} with its path, so
 * the reconciler reports it on that platform alone. Without this, one such resource fails the
 * informer's list for every platform and stops the operator. Unknown fields are ignored, as
 * Kubernetes clients ignore fields of newer API versions.
 */
final class TolerantPlatformReader extends StdDeserializer<NexusPlatform> {

  /** More problems than this in the spec (or status) and that whole part reads as unset, reported once. */
  static final int MAX_PROBLEMS = 64;
  private static final ObjectMapper TYPES = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  TolerantPlatformReader() {
    super(NexusPlatform.class);
  }

  @Override
  public NexusPlatform deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode tree = parser.readValueAsTree();
    Map<String, String> problems = new LinkedHashMap<>();
    while (true) {
      try {
        NexusPlatform platform = TYPES.treeToValue(tree, NexusPlatform.class);
        if (!problems.isEmpty()) {
          platform.setUnreadableFields(problems);
        }
        return platform;
      } catch (JsonMappingException e) {
        String path = path(e.getPath());
        String part = path.startsWith("spec") ? "spec" : path.startsWith("status") ? "status" : null;
        if (part == null || !(tree instanceof ObjectNode object)) {
          throw e;
        }
        if (problems.size() >= MAX_PROBLEMS || problems.containsKey(path) || !unset(tree, e.getPath())) {
          object.remove(part);
          problems.keySet().removeIf(p -> p.startsWith(part));
          problems.put(part, "more than " + MAX_PROBLEMS + " values could not be read; the first was " + path);
        } else {
          problems.put(path, e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
      }
    }
  }

  /** Removes the field (or nulls the list entry) at {@code path}; false when the tree has no such node. */
  private static boolean unset(JsonNode tree, List<JsonMappingException.Reference> path) {
    JsonNode parent = tree;
    for (int i = 0; i < path.size() - 1 && parent != null; i++) {
      var ref = path.get(i);
      parent = ref.getIndex() >= 0 ? parent.get(ref.getIndex()) : parent.get(ref.getFieldName());
    }
    var last = path.get(path.size() - 1);
    if (last.getIndex() >= 0 && parent instanceof ArrayNode list && last.getIndex() < list.size()) {
      list.set(last.getIndex(), NullNode.getInstance());
      return true;
    }
    if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
      object.remove(last.getFieldName());
      return true;
    }
    return false;
  }

  /** Jackson's reference chain as a kubectl-style field path: spec.services[2].port. */
  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder sb = new StringBuilder();
    for (var ref : references) {
      if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      }
    }
    return sb.toString();
  }
}
