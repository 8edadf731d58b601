package online.nexuscos.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.rollout.RevisionStore;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl history}: the recorded platform revisions and what each changed. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List the platform's revisions: number, created, changed services, outcome.")
final class HistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  Output.Format output;

  /** One revision as listed. */
  record Row(int revision, String created, List<String> changedServices, String outcome) {}

  /** The platform's recorded revisions, as the operator stores them (ControllerRevisions). */
  static List<RevisionStore.Revision> revisions(KubeOptions kube, String platform) {
    try {
      return new RevisionStore(kube.client(), x -> kube.client().apps().controllerRevisions().inAnyNamespace()
          .withLabel(Labels.INSTANCE, x).list().getItems()).list(platform);
    } catch (KubernetesClientException e) {
      throw kube.unreachable(e);
    }
  }

  @Override
  public Integer call() {
    try (KubeOptions k = kube) {
      NexusPlatform platform = kube.platform(name);
      String n = platform.getMetadata().getName();
      List<RevisionStore.Revision> revisions = revisions(kube, n);
      List<Row> rows = rows(platform, revisions);
      var out = spec.commandLine().getOut();
      switch (output) {
        case json -> out.println(Output.json(rows));
        case yaml -> out.print(Output.yaml(rows));
        default -> out.print(rows.isEmpty() ? "No revisions recorded yet.\n"
            : Output.table(List.of("REVISION", "CREATED", "CHANGED", "OUTCOME"), rows.stream().map(r -> List.of(
                String.valueOf(r.revision()), Output.age(r.created(), Instant.now()) + " ago",
                r.changedServices().isEmpty() ? "-" : summary(r.changedServices()), r.outcome())).toList()));
      }
      return 0;
    }
  }

  static List<Row> rows(NexusPlatform platform, List<RevisionStore.Revision> newestFirst) {
    List<RevisionStore.Revision> oldestFirst = newestFirst.stream()
        .sorted(Comparator.comparingInt(RevisionStore.Revision::number)).toList();
    var status = platform.getStatus();
    List<Row> rows = new ArrayList<>();
    Map<String, String> before = Map.of();
    for (RevisionStore.Revision r : oldestFirst) {
      Map<String, String> now = r.spec() == null ? Map.of() : workloads(platform, r);
      Set<String> changed = new TreeSet<>();
      for (var entry : now.entrySet()) {
        if (!entry.getValue().equals(before.get(entry.getKey()))) {
          changed.add(entry.getKey());
        }
      }
      for (String service : before.keySet()) {
        if (!now.containsKey(service)) {
          changed.add(service + " (removed)");
        }
      }
      List<String> outcome = new ArrayList<>();
      if (status != null && Integer.valueOf(r.number()).equals(status.getCurrentRevision())) {
        outcome.add("current");
      }
      if (status != null && Integer.valueOf(r.number()).equals(status.getStableRevision())) {
        outcome.add("stable");
      }
      if (status != null && Integer.valueOf(r.number()).equals(status.getFailedRevision())) {
        outcome.add("failed, rolled back");
      }
      rows.add(new Row(r.number(), r.createdAt(), List.copyOf(changed), outcome.isEmpty() ? "superseded" : String.join(", ", outcome)));
      before = now;
    }
    java.util.Collections.reverse(rows);
    return rows;
  }

  /** Each service's Deployment fingerprint in a revision (site-neutral, as revisions are). */
  private static Map<String, String> workloads(NexusPlatform platform, RevisionStore.Revision r) {
    NexusPlatform at = new NexusPlatform();
    at.setMetadata(platform.getMetadata());
    at.setSpec(r.spec());
    List<HasMetadata> objects = PlatformRenderer.render(PlatformResolver.resolve(at, null, false));
    return objects.stream().filter(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT).collect(Collectors.toMap(
        o -> o.getMetadata().getName(), o -> o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH)));
  }

  private static String summary(List<String> services) {
    return services.size() <= 4 ? String.join(", ", services)
        : String.join(", ", services.subList(0, 4)) + " and " + (services.size() - 4) + " more";
  }
}
