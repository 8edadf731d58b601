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

  @Option(names = {"-o", "--output"}, defaultValue = "table",
      completionCandidates = Output.ListFormats.class,
      description = "table, wide (adds paused, stable revision, namespaces), json or yaml (a List with items),"
          + " name (nexusplatform/NAME), or jsonpath=TEMPLATE as kubectl's (default: ${DEFAULT-VALUE}).")
  String output;

  @Override
  public Integer call() {
    Output.ListOutput format = Output.ListOutput.parse(output);
    try (KubeOptions k = kube) {
      List<NexusPlatform> platforms;
      try {
        platforms = kube.client().resources(NexusPlatform.class).list().getItems();
      } catch (KubernetesClientException e) {
        throw kube.unreachable(e);
      }
      if (kube.namespace() != null) {
        platforms = KubeOptions.inNamespace(platforms, kube.namespace());
      }
      var out = spec.commandLine().getOut();
      switch (format.format()) {
        case jsonpath -> out.print(JsonPathTemplate.render(format.template(), Output.list(platforms)));
        case json -> out.println(Output.json(Output.list(platforms)));
        case yaml -> out.print(Output.yaml(Output.list(platforms)));
        case name -> platforms.forEach(p -> out.println("nexusplatform/" + p.getMetadata().getName()));
        case table, wide -> {
          if (platforms.isEmpty()) {
            spec.commandLine().getErr().println("No platforms found.");
          } else {
            out.print(table(platforms, format.format() == Output.ListFormat.wide, Instant.now()));
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  /** kubectl's columns for NexusPlatforms; wide adds paused, the stable revision and the namespaces. */
  static String table(List<NexusPlatform> platforms, boolean wide, Instant now) {
    List<String> header = new java.util.ArrayList<>(List.of("NAME", "PHASE", "READY", "REVISION", "SITE", "AGE"));
    if (wide) {
      header.addAll(List.of("PAUSED", "STABLE", "NAMESPACES"));
    }
    return Output.table(header, platforms.stream().map(p -> {
      var status = p.getStatus();
      List<String> row = new java.util.ArrayList<>(List.of(p.getMetadata().getName(),
          status == null || status.getPhase() == null ? "Pending" : status.getPhase().name(),
          status == null ? "" : String.valueOf(status.getServicesReady()),
          status == null || status.getCurrentRevision() == null ? "" : status.getCurrentRevision().toString(),
          status == null || status.getFailover() == null ? "" : status.getFailover().getActiveSite(),
          Output.age(p.getMetadata().getCreationTimestamp(), now)));
      if (wide) {
        row.add(String.valueOf(p.getSpec() != null && Boolean.TRUE.equals(p.getSpec().getPaused())));
        row.add(status == null || status.getStableRevision() == null ? "" : status.getStableRevision().toString());
        row.add(p.getSpec() == null || p.getSpec().getNamespaces() == null ? ""
            : String.join(",", p.getSpec().getNamespaces().stream().map(n -> n.getName()).toList()));
      }
      return (List<String>) row;
    }).toList());
  }
}
