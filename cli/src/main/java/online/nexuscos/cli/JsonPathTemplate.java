package online.nexuscos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -o jsonpath=TEMPLATE} as kubectl reads it: text with {@code {.path}} expressions (a list
 * prints space-separated), {@code {"literal"}} with \n and \t, and {@code {range .path}...{end}}
 * loops. Expressions are evaluated by Jayway JsonPath, relative to the object or loop item.
 */
final class JsonPathTemplate {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Configuration JSON = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER)).mappingProvider(new JacksonMappingProvider(MAPPER))
      .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS).build();

  private JsonPathTemplate() {}

  /** Renders {@code template} over {@code value} (any object Jackson can write). */
  static String render(String template, Object value) {
    List<String> tokens = tokens(template);
    StringBuilder out = new StringBuilder();
    render(tokens, 0, tokens.size(), MAPPER.valueToTree(value), out);
    return out.toString();
  }

  private static void render(List<String> tokens, int from, int to, JsonNode node, StringBuilder out) {
    for (int i = from; i < to; i++) {
      String t = tokens.get(i);
      if (!t.startsWith("{")) {
        out.append(t);
        continue;
      }
      String expr = t.substring(1, t.length() - 1).strip();
      if (expr.startsWith("range ")) {
        int end = matchingEnd(tokens, i, to);
        for (JsonNode item : evaluate(expr.substring(6).strip(), node)) {
          render(tokens, i + 1, end, item, out);
        }
        i = end;
      } else if (expr.startsWith("\"") && expr.endsWith("\"") && expr.length() >= 2) {
        out.append(expr.substring(1, expr.length() - 1).replace("\\n", "\n").replace("\\t", "\t"));
      } else {
        List<String> parts = new ArrayList<>();
        for (JsonNode result : evaluate(expr, node)) {
          parts.add(result.isValueNode() ? result.asText() : result.toString());
        }
        out.append(String.join(" ", parts));
      }
    }
  }

  private static List<JsonNode> evaluate(String expr, JsonNode node) {
    String path = expr.equals(".") || expr.equals("@") ? "$" : expr.startsWith(".") || expr.startsWith("[") ? "$" + expr : expr;
    try {
      JsonNode result = JsonPath.using(JSON).parse(node).read(path);
      List<JsonNode> items = new ArrayList<>();
      if (result != null) {
        result.forEach(items::add);
      }
      return items;
    } catch (InvalidPathException e) {
      throw new CliException("-o jsonpath: cannot read {" + expr + "}: " + KubeconfigCheck.firstLine(e)
          + "; write it as kubectl does, e.g. {.items[*].metadata.name}", Nexusctl.EXIT_USAGE);
    }
  }

  private static int matchingEnd(List<String> tokens, int rangeAt, int to) {
    int depth = 0;
    for (int i = rangeAt + 1; i < to; i++) {
      String t = tokens.get(i).replace(" ", "");
      if (t.startsWith("{range")) {
        depth++;
      } else if (t.equals("{end}")) {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    throw new CliException("-o jsonpath: {range} without {end}", Nexusctl.EXIT_USAGE);
  }

  /** Splits into literal text and {...} expressions (a quoted literal may contain braces). */
  static List<String> tokens(String template) {
    List<String> tokens = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        text.append(c);
        i++;
        continue;
      }
      if (text.length() > 0) {
        tokens.add(text.toString());
        text.setLength(0);
      }
      int j = i + 1;
      boolean quoted = false;
      while (j < template.length() && (quoted || template.charAt(j) != '}')) {
        if (template.charAt(j) == '"') {
          quoted = !quoted;
        }
        j++;
      }
      if (j >= template.length()) {
        throw new CliException("-o jsonpath: unclosed { in " + template, Nexusctl.EXIT_USAGE);
      }
      tokens.add(template.substring(i, j + 1));
      i = j + 1;
    }
    if (text.length() > 0) {
      tokens.add(text.toString());
    }
    return tokens;
  }
}
