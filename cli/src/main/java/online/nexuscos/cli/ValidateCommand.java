package online.nexuscos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import online.nexuscos.core.validation.CrdSchema;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.core.validation.YamlDocuments;
import online.nexuscos.core.validation.ValidationError;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nexusctl validate -f FILE}: the CRD schema and the operator's own checks, offline. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check platform files offline against the CRD schema and the operator's own validation;",
        "every problem is listed with its field path and the fix. Exit 0 when valid, 1 otherwise."})
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "YAML file (repeatable).")
  List<Path> files;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    CrdSchema schema = CrdSchema.shared();
    int problems = 0;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        err.println("error: " + file + ": cannot read (" + e.getMessage() + "); check the path given with -f");
        problems++;
        continue;
      }
      List<JsonNode> docs = new ArrayList<>();
      try {
        YamlDocuments.read(file.toString(), text).stream().filter(d -> !d.isEmpty()).forEach(docs::add);
      } catch (YamlDocuments.YamlException e) {
        err.println("error: " + e.getMessage());
        problems++;
        continue;
      }
      if (docs.isEmpty()) {
        // As render and the sandbox say (one reader's rule): an empty file validates nothing.
        err.println("error: " + file + ": contains no NexusPlatform; add one (see examples/minimal.yaml)");
        problems++;
        continue;
      }
      for (int i = 0; i < docs.size(); i++) {
        String where = file + " (document " + (i + 1) + ", " + docs.get(i).at("/metadata/name").asText("?") + ")";
        try {
          PlatformDocuments.requireKind(where, docs.get(i));
        } catch (PlatformDocuments.InvalidDocumentException e) {
          err.println("error: " + e.getMessage());
          problems++;
          continue;
        }
        List<ValidationError> errors = new ArrayList<>(schema.validate(docs.get(i)));
        if (errors.isEmpty()) {
          try {
            NexusPlatform p = PlatformDocuments.toPlatform(where, docs.get(i));
            errors.addAll(SpecValidator.validate(p));
          } catch (PlatformDocuments.InvalidDocumentException e) {
            err.println("error: " + e.getMessage());
            problems++;
            continue;
          }
        }
        if (errors.isEmpty()) {
          out.println(where + ": valid");
        } else {
          err.println("error: " + where + ": " + errors.size() + " problem(s):");
          errors.forEach(e -> err.println("  " + e));
          problems += errors.size();
        }
      }
    }
    out.flush();
    err.flush();
    return problems == 0 ? 0 : Nexusctl.EXIT_INVALID;
  }
}
