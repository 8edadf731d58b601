package online.nexuscos.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
    int problems = 0;
    for (Path file : files) {
      Diagnosis.File diagnosis = Diagnosis.of(file);
      if (diagnosis.unreadable() != null) {
        err.println("error: " + diagnosis.unreadable());
        problems++;
        continue;
      }
      for (Diagnosis.Document doc : diagnosis.documents()) {
        if (doc.valid()) {
          out.println(doc.where() + ": valid");
        } else {
          problems += Diagnosis.report(err, doc);
        }
      }
    }
    out.flush();
    err.flush();
    return problems == 0 ? 0 : Nexusctl.EXIT_INVALID;
  }
}
