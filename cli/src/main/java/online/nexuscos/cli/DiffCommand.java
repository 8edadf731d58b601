package online.nexuscos.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.apply.ObjectDiff;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nexusctl diff -f FILE}: what the operator would change on the live cluster. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Show what the operator would change on the live cluster for the platforms in FILE,",
        "as a unified diff per object (created, updated, deleted), using the operator's own render and",
        "comparison. FILE is read and checked as validate reads it: any problem is listed as FILE:LINE field:",
        "problem (fix), and nothing is compared. Exit code 0: no changes, 1: changes, 2: error (as kubectl diff)."})
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "YAML file with NexusPlatform documents.")
  Path file;

  @Override
  public Integer call() {
    try (KubeOptions k = kube) {
      return diff();
    } catch (CliException e) {
      throw new CliException(e.getMessage(), Nexusctl.EXIT_USAGE);
    } catch (KubernetesClientException e) {
      throw new CliException(kube.unreachable(e).getMessage(), Nexusctl.EXIT_USAGE);
    }
  }

  private int diff() {
    // The same reader and checks as validate and render: every problem at once, FILE:LINE field: problem (fix).
    Diagnosis.File diagnosis = Diagnosis.of(file);
    if (diagnosis.unreadable() != null) {
      throw new CliException(diagnosis.unreadable());
    }
    if (!diagnosis.valid()) {
      var err = spec.commandLine().getErr();
      diagnosis.documents().stream().filter(d -> !d.valid()).forEach(d -> Diagnosis.report(err, d));
      err.flush();
      throw new CliException("nothing compared: fix the problems above (nexusctl validate -f " + file + " lists them too)");
    }
    List<NexusPlatform> platforms = diagnosis.documents().stream().map(Diagnosis.Document::platform).toList();
    var out = spec.commandLine().getOut();
    int changes = 0;
    for (NexusPlatform p : platforms) {
      String name = p.getMetadata().getName();
      NexusPlatform live = kube.client().resources(NexusPlatform.class).withName(name).get();
      String site = live != null && live.getStatus() != null && live.getStatus().getFailover() != null
          ? live.getStatus().getFailover().getActiveSite()
          : p.getSpec().getFailover() == null ? null : p.getSpec().getFailover().getActiveSite();
      List<HasMetadata> desired = PlatformRenderer.render(PlatformResolver.resolve(p, site, false));
      Set<ChildKey> wanted = new HashSet<>();
      for (HasMetadata want : desired) {
        wanted.add(ChildKey.of(want));
        HasMetadata have = kube.client().resource(want).get();
        String label = ChildKey.of(want).toString();
        if (have == null) {
          out.print(UnifiedDiff.diff("/dev/null", "", label + " (created)", KubeJson.shared().asYaml(want)));
          changes++;
        } else if (!ObjectDiff.upToDate(have, want)) {
          out.print(UnifiedDiff.diff(label + " (live)", KubeJson.shared().asYaml(have), label + " (updated)",
              KubeJson.shared().asYaml(ObjectDiff.merge(have, want))));
          changes++;
        }
      }
      for (ChildKind kind : ChildKind.values()) {
        var resources = kind.namespaced()
            ? kube.client().resources(kind.type()).inAnyNamespace().withLabel(Labels.INSTANCE, name).list().getItems()
            : kube.client().resources(kind.type()).withLabel(Labels.INSTANCE, name).list().getItems();
        for (HasMetadata have : resources) {
          if (Labels.MANAGED_BY_VALUE.equals(have.getMetadata().getLabels().get(Labels.MANAGED_BY))
              && !wanted.contains(ChildKey.of(have))) {
            String label = ChildKey.of(have).toString();
            String after = kind == ChildKind.NAMESPACE ? "(released: labels removed, namespace kept)\n" : "";
            out.print(UnifiedDiff.diff(label + " (live)", KubeJson.shared().asYaml(have), label + " (deleted)", after));
            changes++;
          }
        }
      }
    }
    out.flush();
    spec.commandLine().getErr().println(changes == 0 ? "No changes." : changes + " object(s) would change.");
    return changes == 0 ? 0 : 1;
  }
}
