package online.nexuscos.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Reads a multi-document YAML stream the way kubectl does (YAML 1.1 via go-yaml): anchors and
 * aliases are resolved, merge keys ({@code <<: *base}) merged, timestamps stay strings. Bounded
 * against hostile input: at most {@link #MAX_ALIASES} aliases and {@link #MAX_BYTES} bytes.
 */
public final class YamlDocuments {

  static final int MAX_ALIASES = 100;
  static final int MAX_BYTES = 3 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** YAML that could not be read; the message names the source and the line. */
  public static final class YamlException extends Exception {
    YamlException(String message) {
      super(message);
    }
  }

  private YamlDocuments() {}

  /** The non-empty documents of {@code text}, in order, as JSON trees (null documents are skipped). */
  public static List<JsonNode> read(String source, String text) throws YamlException {
    if (text.length() > MAX_BYTES) {
      throw new YamlException(source + ": is larger than " + MAX_BYTES / 1024 / 1024 + " MiB; split it into several files");
    }
    List<JsonNode> documents = new ArrayList<>();
    try {
      for (Object doc : yaml().loadAll(text)) {
        if (doc != null) {
          documents.add(JSON.valueToTree(doc));
        }
      }
    } catch (MarkedYAMLException e) {
      throw new YamlException(source + ": not valid YAML at line " + (e.getProblemMark().getLine() + 1) + ": "
          + e.getProblem() + "; fix the syntax");
    } catch (YAMLException | IllegalArgumentException e) {
      throw new YamlException(source + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse("") + "; fix it");
    }
    return documents;
  }

  /**
   * For each non-empty document (as {@link #read} returns them, less empty mappings, which no
   * reader turns into a platform), the 1-based line of every field, keyed by its path as validation names it
   * ({@code spec.services[0].replicas}). Best effort: an empty list when the text cannot be composed.
   */
  public static List<java.util.Map<String, Integer>> fieldLines(String text) {
    List<java.util.Map<String, Integer>> documents = new ArrayList<>();
    try {
      for (org.yaml.snakeyaml.nodes.Node node : yaml().composeAll(new java.io.StringReader(text))) {
        if (node == null || (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar && scalar.getTag().equals(Tag.NULL))
            || (node instanceof org.yaml.snakeyaml.nodes.MappingNode m && m.getValue().isEmpty())) {
          continue; // read() skips null documents; the readers skip empty ones
        }
        java.util.Map<String, Integer> lines = new java.util.HashMap<>();
        walk(node, "", lines, 0);
        documents.add(lines);
      }
    } catch (YAMLException | IllegalArgumentException e) {
      return List.of();
    }
    return documents;
  }

  private static void walk(org.yaml.snakeyaml.nodes.Node node, String path, java.util.Map<String, Integer> lines, int depth) {
    if (depth > 64) {
      return; // deeper than any field the validator names
    }
    if (node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) {
      for (org.yaml.snakeyaml.nodes.NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key) {
          String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
          lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
          walk(tuple.getValueNode(), child, lines, depth + 1);
        }
      }
    } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
      for (int i = 0; i < sequence.getValue().size(); i++) {
        String child = path + "[" + i + "]";
        lines.putIfAbsent(child, sequence.getValue().get(i).getStartMark().getLine() + 1);
        walk(sequence.getValue().get(i), child, lines, depth + 1);
      }
    }
  }

  /** The line of {@code field}, or of its nearest enclosing field that the document has; null if none. */
  public static Integer lineOf(java.util.Map<String, Integer> lines, String field) {
    String f = field;
    while (f != null && !f.isEmpty()) {
      Integer line = lines.get(f);
      if (line != null) {
        return line;
      }
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      f = cut <= 0 ? null : f.substring(0, cut);
    }
    return null;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_BYTES);
    return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
        new KubectlResolver());
  }

  /** YAML 1.1's implicit types except timestamps, which go-yaml leaves as strings for JSON. */
  private static final class KubectlResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
