package online.nexuscos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import online.nexuscos.core.validation.CrdSchema;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.core.validation.ValidationError;
import online.nexuscos.core.validation.YamlDocuments;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The one diagnosis path of {@code validate} and {@code render}: a file read as kubectl reads it,
 * each document checked for kind, against the CRD schema and by the operator's validator, every
 * problem at once as {@code FILE:LINE field: problem (fix)}.
 */
final class Diagnosis {

  /** One document: where it is, the platform when it could be read, and its problems (formatted lines). */
  record Document(String where, NexusPlatform platform, List<String> problems) {
    boolean valid() {
      return platform != null && problems.isEmpty();
    }
  }

  /** A file: its documents, or the one problem that kept it from being read at all. */
  record File(Path path, List<Document> documents, String unreadable) {
    boolean valid() {
      return unreadable == null && documents.stream().allMatch(Document::valid);
    }
  }

  private Diagnosis() {}

  static File of(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return new File(file, List.of(), file + ": no such file; check the path given with -f");
    } catch (IOException e) {
      return new File(file, List.of(), file + ": cannot be read (" + KubeconfigCheck.firstLine(e) + ")");
    }
    List<JsonNode> docs = new ArrayList<>();
    try {
      YamlDocuments.read(file.toString(), text).stream().filter(d -> !d.isEmpty()).forEach(docs::add);
    } catch (YamlDocuments.YamlException e) {
      return new File(file, List.of(), e.getMessage());
    }
    if (docs.isEmpty()) {
      return new File(file, List.of(), file + ": contains no NexusPlatform; add one (see examples/minimal.yaml)");
    }
    List<Map<String, Integer>> lines = null; // a second parse of the file: only when a problem needs line numbers
    List<Document> documents = new ArrayList<>();
    CrdSchema schema = CrdSchema.shared();
    for (int i = 0; i < docs.size(); i++) {
      JsonNode doc = docs.get(i);
      String where = file + " (document " + (i + 1) + ", " + doc.at("/metadata/name").asText("?") + ")";
      try {
        PlatformDocuments.requireKind(where, doc);
      } catch (PlatformDocuments.InvalidDocumentException e) {
        documents.add(new Document(where, null, List.of(e.getMessage())));
        continue;
      }
      List<ValidationError> errors = new ArrayList<>(schema.validate(doc));
      NexusPlatform platform = null;
      List<String> problems = new ArrayList<>();
      try {
        platform = PlatformDocuments.toPlatform(where, doc);
        // The operator's checks too, except where the schema already named the field.
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        SpecValidator.validate(platform).stream().filter(e -> !named.contains(e.field())).forEach(errors::add);
      } catch (PlatformDocuments.InvalidDocumentException e) {
        if (errors.isEmpty()) {
          problems.add(e.getMessage());
        }
      }
      if (!errors.isEmpty()) {
        lines = lines == null ? YamlDocuments.fieldLines(text) : lines;
        Map<String, Integer> docLines = lines.size() == docs.size() ? lines.get(i) : Map.of();
        errors.forEach(e -> problems.add(at(file, docLines, e.field()) + " " + e));
      }
      documents.add(new Document(where, platform, problems));
    }
    return new File(file, documents, null);
  }

  /** Prints an invalid document's problems; returns how many. */
  static int report(java.io.PrintWriter err, Document doc) {
    if (doc.platform() == null && doc.problems().size() == 1 && doc.problems().get(0).startsWith(doc.where())) {
      err.println("error: " + doc.problems().get(0)); // not a platform at all: one line says so
    } else {
      err.println("error: " + doc.where() + ": " + doc.problems().size() + " problem(s):");
      doc.problems().forEach(p -> err.println("  " + p));
    }
    return doc.problems().size();
  }

  /** {@code FILE:LINE} of a field (its nearest enclosing field the file has), or FILE alone. */
  static String at(Path file, Map<String, Integer> lines, String field) {
    Integer line = YamlDocuments.lineOf(lines, field);
    return file + (line == null ? "" : ":" + line);
  }
}
