package online.nexuscos.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import online.nexuscos.platform.api.v1alpha1.ApiPatterns;

/**
 * Checks a NexusPlatform document against the structural OpenAPI schema of the generated CRD,
 * as the API server would: types, required fields, enums, patterns, bounds, unknown fields.
 * Null fields read as absent (the API server prunes them); null list entries are errors. CEL
 * rules are not evaluated here: {@link SpecValidator} mirrors each with the same message.
 */
public final class CrdSchema {

  /** Where crd-generator puts the CRD inside the crds jar. */
  public static final String RESOURCE = "META-INF/fabric8/nexusplatforms.platform.nexuscos.online-v1.yml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static volatile CrdSchema shared;
  private final JsonNode root;
  private final java.util.Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

  private CrdSchema(JsonNode root) {
    this.root = root;
  }

  /** The schema of the CRD on the classpath, read once. */
  public static CrdSchema shared() {
    CrdSchema s = shared;
    if (s == null) {
      s = load();
      shared = s;
    }
    return s;
  }

  /** The schema of the CRD on the classpath. */
  public static CrdSchema load() {
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath; build the crds module");
      }
      JsonNode crd = YAML.readTree(in);
      return new CrdSchema(crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  /** Every violation of the schema by the {@code spec} of {@code document}, with field paths. */
  public List<ValidationError> validate(JsonNode document) {
    List<ValidationError> errors = new ArrayList<>();
    JsonNode spec = document.get("spec");
    if (spec == null) {
      errors.add(new ValidationError("spec", "is missing", "add a spec"));
      return errors;
    }
    check("spec", spec, root.path("properties").path("spec"), errors);
    return errors;
  }

  private void check(String path, JsonNode value, JsonNode schema, List<ValidationError> errors) {
    if (value == null || value.isNull()) {
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> object(path, value, schema, errors);
      case "array" -> {
        if (!value.isArray()) {
          errors.add(new ValidationError(path, "must be a list", "write it as a YAML list"));
          return;
        }
        bounds(path, value.size(), schema, "minItems", "maxItems", "items", errors);
        for (int i = 0; i < value.size(); i++) {
          if (value.get(i).isNull()) {
            errors.add(new ValidationError(path + "[" + i + "]", "is empty", "remove the empty list entry"));
          } else {
            check(path + "[" + i + "]", value.get(i), schema.path("items"), errors);
          }
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          errors.add(new ValidationError(path, "must be a string", "quote the value"));
          return;
        }
        String text = value.asText();
        bounds(path, text.length(), schema, "minLength", "maxLength", "characters", errors);
        if (schema.has("pattern") && !patterns.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile).matcher(text).find()) {
          errors.add(new ValidationError(path, "\"" + text + "\" is not valid", ApiPatterns.hint(schema.get("pattern").asText())));
        }
        if (schema.has("enum")) {
          List<String> allowed = new ArrayList<>();
          schema.get("enum").forEach(e -> allowed.add(e.asText()));
          if (!allowed.contains(text)) {
            errors.add(new ValidationError(path, "\"" + text + "\" is not allowed", "use one of " + allowed));
          }
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(new ValidationError(path, "must be an integer", "write a whole number without quotes"));
          return;
        }
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
          errors.add(new ValidationError(path, value.asText() + " is below " + schema.get("minimum").asLong(),
              "use at least " + schema.get("minimum").asLong()));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
          errors.add(new ValidationError(path, value.asText() + " is above " + schema.get("maximum").asLong(),
              "use at most " + schema.get("maximum").asLong()));
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(new ValidationError(path, "must be true or false", "write true or false without quotes"));
        }
      }
      default -> { }
    }
  }

  private void object(String path, JsonNode value, JsonNode schema, List<ValidationError> errors) {
    if (!value.isObject()) {
      errors.add(new ValidationError(path, "must be a mapping", "write it as key: value pairs"));
      return;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(new ValidationError(path + "." + required.asText(), "is required", "add it"));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String child = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(child, field.getValue(), properties.get(field.getKey()), errors);
      } else if (additional.isObject()) {
        check(path + "[" + field.getKey() + "]", field.getValue(), additional, errors);
      } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        errors.add(new ValidationError(child, "is not a known field",
            "check its spelling; known: " + String.join(", ", (Iterable<String>) properties::fieldNames)));
      }
    }
  }

  private static void bounds(String path, int size, JsonNode schema, String min, String max, String unit,
      List<ValidationError> errors) {
    if (schema.has(min) && size < schema.get(min).asInt()) {
      errors.add(new ValidationError(path, "has " + size + " " + unit + ", fewer than " + schema.get(min).asInt(),
          "add at least " + schema.get(min).asInt()));
    }
    if (schema.has(max) && size > schema.get(max).asInt()) {
      errors.add(new ValidationError(path, "has " + size + " " + unit + ", more than " + schema.get(max).asInt(),
          "keep at most " + schema.get(max).asInt()));
    }
  }
}
