package online.nexuscos.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nexusctl render -f FILE}: prints, as multi-document YAML, exactly the objects the
 * operator would create, using the operator's own validation and render code. Offline.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Print the Kubernetes objects the operator would create for a platform, as multi-document YAML.",
      "Offline: uses the operator's own validation and render code, no cluster needed.",
      "Exit codes: 0 rendered, 1 invalid input (every problem is listed with its field), 2 usage error."
    })
final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
      description = "YAML file with one or more NexusPlatform documents.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<HasMetadata> objects = new ArrayList<>();
    boolean invalid = false;
    for (Path file : files) {
      Diagnosis.File diagnosis = Diagnosis.of(file);
      if (diagnosis.unreadable() != null) {
        err.println("error: " + diagnosis.unreadable());
        invalid = true;
        continue;
      }
      for (Diagnosis.Document doc : diagnosis.documents()) {
        if (doc.valid()) {
          objects.addAll(PlatformRenderer.render(PlatformResolver.resolve(doc.platform())));
        } else {
          Diagnosis.report(err, doc);
          invalid = true;
        }
      }
    }
    if (invalid) {
      err.flush();
      return Nexusctl.EXIT_INVALID;
    }
    for (HasMetadata object : objects) {
      String doc = KubeJson.shared().asYaml(object);
      out.print(doc.startsWith("---") ? doc : "---\n" + doc);
    }
    out.flush();
    return 0;
  }
}
