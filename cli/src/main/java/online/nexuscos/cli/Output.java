package online.nexuscos.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import online.nexuscos.core.KubeJson;

/** Output helpers: kubectl-style tables, ages, JSON and YAML. */
final class Output {

  /** {@code -o} values of commands that print one object or a table. */
  enum Format { table, json, yaml }

  /** {@code -o} values of commands that list objects, as kubectl has them (plus jsonpath=TEMPLATE). */
  enum ListFormat { table, wide, json, yaml, name, jsonpath }

  /** A parsed {@code -o} of a list command: the format, and the template of jsonpath=. */
  record ListOutput(ListFormat format, String template) {
    static ListOutput parse(String value) {
      if (value.startsWith("jsonpath=")) {
        return new ListOutput(ListFormat.jsonpath, value.substring("jsonpath=".length()));
      }
      try {
        ListFormat f = ListFormat.valueOf(value);
        if (f != ListFormat.jsonpath) {
          return new ListOutput(f, null);
        }
      } catch (IllegalArgumentException e) {
        // falls through to the usage error
      }
      throw new CliException("-o " + value + ": not a format; use table, wide, json, yaml, name or jsonpath=TEMPLATE"
          + " (e.g. -o jsonpath='{.items[*].metadata.name}')", Nexusctl.EXIT_USAGE);
    }
  }

  /** What the shell completes after -o for list commands. */
  static final class ListFormats extends ArrayList<String> {
    ListFormats() {
      super(List.of("table", "wide", "json", "yaml", "name", "jsonpath="));
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter JSON =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          .writerWithDefaultPrettyPrinter();

  private Output() {}

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException("cannot write JSON: " + e.getMessage());
    }
  }

  static String yaml(Object value) {
    return KubeJson.shared().asYaml(value);
  }

  /** A kubectl {@code List} (apiVersion v1, kind List, items) of {@code items}, for -o json|yaml of lists. */
  static java.util.Map<String, Object> list(List<?> items) {
    java.util.Map<String, Object> list = new java.util.LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    list.put("metadata", java.util.Map.of("resourceVersion", ""));
    return list;
  }

  /** Columns padded to their widest cell, separated by three spaces, like kubectl. */
  static String table(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? cell(row.get(i)) : String.format("%-" + (widths[i] + 3) + "s", cell(row.get(i))));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String cell(String value) {
    return value == null || value.isEmpty() ? "<none>" : value;
  }

  /** kubectl's age: 45s, 12m, 3h, 5d. */
  static String age(String timestamp, Instant now) {
    if (timestamp == null) {
      return "<unknown>";
    }
    try {
      Duration d = Duration.between(Instant.parse(timestamp), now);
      long s = Math.max(0, d.getSeconds());
      return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }
}
