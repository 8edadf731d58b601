package online.nexuscos.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.core.validation.ValidationError;
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
      List<NexusPlatform> platforms;
      try {
        platforms = PlatformDocuments.load(file);
      } catch (PlatformDocuments.InvalidDocumentException e) {
        err.println("error: " + e.getMessage());
        invalid = true;
        continue;
      }
      for (NexusPlatform platform : platforms) {
        List<ValidationError> errors = SpecValidator.validate(platform);
        if (!errors.isEmpty()) {
          invalid = true;
          err.println("error: " + file + ": platform " + platform.getMetadata().getName() + " is invalid ("
              + errors.size() + " problem(s)):");
          errors.forEach(e -> err.println("  " + e));
          continue;
        }
        objects.addAll(PlatformRenderer.render(PlatformResolver.resolve(platform)));
      }
    }
    if (invalid) {
      err.flush();
      return Nexusctl.EXIT_INVALID;
    }
    KubernetesSerialization yaml = new KubernetesSerialization();
    for (HasMetadata object : objects) {
      String doc = yaml.asYaml(object);
      out.print(doc.startsWith("---") ? doc : "---\n" + doc);
    }
    out.flush();
    return 0;
  }
}
