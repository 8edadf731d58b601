package online.nexuscos.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nexusctl get}: the platforms, one line each. */
@Command(name = "get", mixinStandardHelpOptions = true,
    description = "List the platforms: name, phase, ready services, revision, active site, age.")
final class GetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  Output.Format output;

  @Override
  public Integer call() {
    try (KubeOptions k = kube) {
      List<NexusPlatform> platforms;
      try {
        platforms = kube.client().resources(NexusPlatform.class).list().getItems();
      } catch (KubernetesClientException e) {
        throw kube.unreachable(e);
      }
      var out = spec.commandLine().getOut();
      switch (output) {
        case json -> out.println(Output.json(platforms));
        case yaml -> out.print(Output.yaml(platforms));
        default -> {
          if (platforms.isEmpty()) {
            spec.commandLine().getErr().println("No platforms found.");
          } else {
            Instant now = Instant.now();
            out.print(Output.table(List.of("NAME", "PHASE", "READY", "REVISION", "SITE", "AGE"),
                platforms.stream().map(p -> List.of(p.getMetadata().getName(),
                    p.getStatus() == null || p.getStatus().getPhase() == null ? "Pending" : p.getStatus().getPhase().name(),
                    p.getStatus() == null ? "" : String.valueOf(p.getStatus().getServicesReady()),
                    p.getStatus() == null || p.getStatus().getCurrentRevision() == null ? "" : p.getStatus().getCurrentRevision().toString(),
                    p.getStatus() == null || p.getStatus().getFailover() == null ? "" : p.getStatus().getFailover().getActiveSite(),
                    Output.age(p.getMetadata().getCreationTimestamp(), now))).toList()));
          }
        }
      }
      out.flush();
      return 0;
    }
  }
}
