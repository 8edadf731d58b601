package online.nexuscos.core.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Reads NexusPlatform documents from YAML files as kubectl would ({@link YamlDocuments}) and
 * strictly: an unknown or misspelt field is an error naming the field (a cluster would silently
 * drop it), so offline tools catch typos.
 */
public final class PlatformDocuments {

  /** A file that is not a readable NexusPlatform; the message names the file, the field and the fix. */
  public static final class InvalidDocumentException extends Exception {
    public InvalidDocumentException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper YAML =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String API_VERSION = HasMetadata.getApiVersion(NexusPlatform.class);

  private PlatformDocuments() {}

  public static List<NexusPlatform> load(Path file) throws InvalidDocumentException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidDocumentException(file + ": no such file; check the path given with -f");
    } catch (IOException e) {
      throw new InvalidDocumentException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  public static List<NexusPlatform> parse(String source, String yaml) throws InvalidDocumentException {
    List<NexusPlatform> platforms = new ArrayList<>();
    List<JsonNode> documents;
    try {
      documents = YamlDocuments.read(source, yaml);
    } catch (YamlDocuments.YamlException e) {
      throw new InvalidDocumentException(e.getMessage());
    }
    for (int i = 0; i < documents.size(); i++) {
      JsonNode doc = documents.get(i);
      if (!(doc.isObject() && doc.isEmpty())) {
        platforms.add(toPlatform(source + " (document " + (i + 1) + ")", doc));
      }
    }
    if (platforms.isEmpty()) {
      throw new InvalidDocumentException(source + ": contains no NexusPlatform; add one (see examples/minimal.yaml)");
    }
    return platforms;
  }

  /** Refuses a document that is not a NexusPlatform of this API version, before its fields are judged. */
  public static void requireKind(String source, JsonNode doc) throws InvalidDocumentException {
    String apiVersion = doc.path("apiVersion").asText(null);
    String kind = doc.path("kind").asText(null);
    if (!"NexusPlatform".equals(kind) || !API_VERSION.equals(apiVersion)) {
      throw new InvalidDocumentException(source + ": is " + apiVersion + "/" + kind
          + ", not " + API_VERSION + "/NexusPlatform; set apiVersion and kind accordingly");
    }
  }

  /** One document already read as a tree, checked for kind and fields. */
  public static NexusPlatform toPlatform(String source, JsonNode doc) throws InvalidDocumentException {
    requireKind(source, doc);
    try {
      return YAML.treeToValue(withoutNullFields(doc), NexusPlatform.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidDocumentException(source + ": unknown field " + path(e) + "; check its spelling against "
          + "`kubectl explain nexusplatform.spec` or docs/api.md (known here: "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
    } catch (JsonMappingException e) {
      throw new InvalidDocumentException(source + ": field " + path(e) + " has the wrong type: "
          + e.getOriginalMessage().lines().findFirst().orElse("") + "; see docs/api.md for its type");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidDocumentException(source + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * The document as the API server stores it: a field whose value is null ({@code key:} with
   * nothing after it) is dropped, as kube-apiserver prunes nulls of non-nullable fields, so
   * {@code render} sees what the operator will see. Null list entries stay (and are errors).
   */
  static JsonNode withoutNullFields(JsonNode node) {
    JsonNode copy = node.deepCopy();
    prune(copy);
    return copy;
  }

  private static void prune(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.properties().removeIf(e -> e.getValue().isNull());
    }
    node.forEach(PlatformDocuments::prune);
  }

  /** Jackson's reference chain as a kubectl-style field path: spec.services[2].port. */
  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
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
