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
    description = {"List the platform's revisions: number, created, what changed (services, image tags,",
      "replicas), outcome (current, stable, failed and rolled back, superseded).",
      "With --revision N: that revision's recorded spec."})
final class HistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = {"-o", "--output"}, defaultValue = "table",
      description = "table, json or yaml (a List with items) (default: ${DEFAULT-VALUE}).")
  Output.Format output;

  @Option(names = "--revision", paramLabel = "N", description = "Show revision N's recorded spec (YAML, or -o json).")
  Integer revision;

  /** One revision as listed: per changed service what changed, e.g. "api: tag 1.0.0 -> 2.0.0". */
  record Row(int revision, String created, List<String> changedServices, List<String> changes, String outcome) {}

  /** What a revision runs of one service: its Deployment's desired hash, image and replicas. */
  record Workload(String hash, String image, Integer replicas) {}

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
      var out = spec.commandLine().getOut();
      if (revision != null) {
        RevisionStore.Revision r = revisions.stream().filter(x -> x.number() == revision).findFirst()
            .or(() -> revisions.stream().filter(x -> x.answersTo(revision)).findFirst())
            .orElseThrow(() -> new CliException("revision " + revision + " is not recorded for platform " + n
                + "; the recorded ones: nexusctl history " + n));
        out.print(output == Output.Format.json ? Output.json(r.spec()) + "\n" : Output.yaml(r.spec()));
        return 0;
      }
      List<Row> rows = rows(platform, revisions);
      switch (output) {
        case json -> out.println(Output.json(Output.list(rows)));
        case yaml -> out.print(Output.yaml(Output.list(rows)));
        default -> out.print(rows.isEmpty() ? "No revisions recorded yet.\n"
            : Output.table(List.of("REVISION", "CREATED", "CHANGED", "OUTCOME"), rows.stream().map(r -> List.of(
                String.valueOf(r.revision()), Output.age(r.created(), Instant.now()) + " ago",
                r.changes().isEmpty() ? "-" : summary(r.changes()), r.outcome())).toList()));
      }
      return 0;
    }
  }

  static List<Row> rows(NexusPlatform platform, List<RevisionStore.Revision> newestFirst) {
    List<RevisionStore.Revision> oldestFirst = newestFirst.stream()
        .sorted(Comparator.comparingInt(RevisionStore.Revision::number)).toList();
    var status = platform.getStatus();
    List<Row> rows = new ArrayList<>();
    Map<String, Workload> before = Map.of();
    boolean first = true;
    for (RevisionStore.Revision r : oldestFirst) {
      Map<String, Workload> now = r.spec() == null ? Map.of() : workloads(platform, r);
      Set<String> changed = new TreeSet<>();
      List<String> changes = new ArrayList<>();
      for (var entry : new java.util.TreeMap<>(now).entrySet()) {
        Workload was = before.get(entry.getKey());
        if (was == null || !entry.getValue().hash().equals(was.hash())) {
          changed.add(entry.getKey());
          changes.add(entry.getKey() + ": " + (first ? "created" : change(was, entry.getValue())));
        }
      }
      for (String service : new TreeSet<>(before.keySet())) {
        if (!now.containsKey(service)) {
          changed.add(service + " (removed)");
          changes.add(service + ": removed");
        }
      }
      first = false;
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
      if (outcome.isEmpty()) {
        outcome.add("superseded");
      }
      if (!r.previousNumbers().isEmpty()) {
        outcome.add("restores " + r.previousNumbers().stream().map(String::valueOf).collect(Collectors.joining(", ")));
      }
      rows.add(new Row(r.number(), r.createdAt(), List.copyOf(changed), List.copyOf(changes),
          outcome.isEmpty() ? "superseded" : String.join(", ", outcome)));
      before = now;
    }
    java.util.Collections.reverse(rows);
    return rows;
  }

  /** What changed in one service between two revisions, in the words people pick a revision by. */
  static String change(Workload was, Workload now) {
    if (was == null) {
      return "added";
    }
    List<String> parts = new ArrayList<>();
    if (!java.util.Objects.equals(was.image(), now.image())) {
      String wasRepo = repository(was.image());
      parts.add(wasRepo.equals(repository(now.image()))
          ? "tag " + tag(was.image()) + " -> " + tag(now.image())
          : "image " + was.image() + " -> " + now.image());
    }
    if (!java.util.Objects.equals(was.replicas(), now.replicas())) {
      parts.add("replicas " + (was.replicas() == null ? "auto" : was.replicas()) + " -> "
          + (now.replicas() == null ? "auto" : now.replicas()));
    }
    return parts.isEmpty() ? "settings (env, resources, probes or restart)" : String.join(", ", parts);
  }

  private static String repository(String image) {
    if (image == null) {
      return "";
    }
    int at = image.indexOf('@');
    String name = at >= 0 ? image.substring(0, at) : image;
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }

  private static String tag(String image) {
    return image == null ? "" : image.substring(repository(image).length() + 1);
  }

  /** Each service's Deployment in a revision (site-neutral, as revisions are). */
  private static Map<String, Workload> workloads(NexusPlatform platform, RevisionStore.Revision r) {
    NexusPlatform at = new NexusPlatform();
    at.setMetadata(platform.getMetadata());
    at.setSpec(r.spec());
    List<HasMetadata> objects = PlatformRenderer.render(PlatformResolver.resolve(at, null, false));
    return objects.stream().filter(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT)
        .map(o -> (io.fabric8.kubernetes.api.model.apps.Deployment) o)
        .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> new Workload(
            d.getMetadata().getAnnotations().get(Labels.DESIRED_HASH),
            d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
            d.getSpec().getReplicas())));
  }

  /** Changes grouped by what changed: "api, worker: tag 1.0.0 -> 2.0.0; auth: replicas 1 -> 3". */
  static String summary(List<String> changes) {
    Map<String, List<String>> byChange = new java.util.LinkedHashMap<>();
    for (String c : changes) {
      int colon = c.indexOf(": ");
      byChange.computeIfAbsent(c.substring(colon + 2), k -> new ArrayList<>()).add(c.substring(0, colon));
    }
    return byChange.entrySet().stream().map(e -> services(e.getValue()) + ": " + e.getKey())
        .collect(Collectors.joining("; "));
  }

  private static String services(List<String> services) {
    return services.size() <= 3 ? String.join(", ", services)
        : String.join(", ", services.subList(0, 3)) + " and " + (services.size() - 3) + " more";
  }
}
