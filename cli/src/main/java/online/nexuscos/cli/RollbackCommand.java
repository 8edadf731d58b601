package online.nexuscos.cli;

import java.util.List;
import java.util.concurrent.Callable;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl rollback}: restore a recorded revision, the way kubectl rollout undo does. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Roll the platform (or some services) back to a recorded revision (see nexusctl history).",
        "Sets the annotation platform.nexuscos.online/rollback-to; the operator writes that revision's",
        "content back into the spec and rolls it out (docs/rollback.md)."})
final class RollbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = "--to-revision", paramLabel = "N", description = "Revision to restore (default: the one before the current).")
  Integer revision;

  @Option(names = "--service", paramLabel = "S", description = "Restore only this service (repeatable).")
  List<String> services;

  @Option(names = "--wait", description = "Wait until the restored revision is rolled out, and report the outcome.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DUR", defaultValue = "5m", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() throws InterruptedException {
    try (KubeOptions k = kube) {
      NexusPlatform live = kube.platform(name);
      String platform = live.getMetadata().getName();
      refuseWhatIsKnownHere(live, HistoryCommand.revisions(kube, platform));
      String to = revision == null ? "previous" : revision.toString();
      String id = Edits.request(kube, platform, p -> {
        Edits.annotate(p, Labels.ROLLBACK_TO, to);
        if (services != null && !services.isEmpty()) {
          Edits.annotate(p, Labels.ROLLBACK_SERVICES, String.join(",", services));
        } else if (p.getMetadata().getAnnotations() != null) {
          p.getMetadata().getAnnotations().remove(Labels.ROLLBACK_SERVICES);
        }
      });
      var out = spec.commandLine().getOut();
      out.println("platform/" + platform + ": rollback to revision " + to
          + (services == null || services.isEmpty() ? "" : " of " + String.join(", ", services)) + " requested");
      if (!wait) {
        out.println(Edits.recorded(platform, id));
        return 0;
      }
      out.flush();
      out.println("platform/" + platform + ": " + Edits.awaitAnswer(kube, platform, id, timeout).getMessage());
      out.flush();
      String verdict = Edits.await(kube, platform, timeout, RollbackCommand::outcome);
      if (verdict == null) {
        throw new CliException("rollback of " + platform + " not finished after " + timeout
            + "; follow it with nexusctl status " + platform);
      }
      if (verdict.startsWith("error: ")) {
        throw new CliException(verdict.substring(7));
      }
      out.println(verdict);
      return 0;
    }
  }

  /** What the operator would refuse and nexusctl can see already: an unknown revision or service. */
  private void refuseWhatIsKnownHere(NexusPlatform live, List<online.nexuscos.core.rollout.RevisionStore.Revision> recorded) {
    String platform = live.getMetadata().getName();
    List<Integer> numbers = recorded.stream().map(r -> r.number()).sorted().toList();
    if (revision != null && recorded.stream().noneMatch(r -> r.answersTo(revision))) {
      throw new CliException("revision " + revision + " is not recorded for platform " + platform + " (recorded: "
          + (numbers.isEmpty() ? "none" : numbers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
          + "); choose one from: nexusctl history " + platform);
    }
    if (revision == null && numbers.size() < 2) {
      throw new CliException("platform " + platform + " has no earlier revision to roll back to (recorded: "
          + numbers + "); see nexusctl history " + platform);
    }
    if (services != null) {
      List<String> declared = live.getSpec() == null || live.getSpec().getServices() == null ? List.of()
          : live.getSpec().getServices().stream().map(s -> s.getName()).toList();
      for (String service : services) {
        if (!declared.contains(service)) {
          throw new CliException("service " + service + " is not in platform " + platform
              + "; its services: nexusctl status " + platform);
        }
      }
    }
  }

  /** Done when the request was consumed and the platform is Ready at the new generation. */
  private static String outcome(NexusPlatform p) {
    var annotations = p.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(Labels.ROLLBACK_TO)) {
      return null;
    }
    var status = p.getStatus();
    if (status == null || !p.getMetadata().getGeneration().equals(status.getObservedGeneration())) {
      return null;
    }
    if (StatusCommand.ready(p)) {
      return "platform/" + p.getMetadata().getName() + ": Ready at revision " + status.getCurrentRevision();
    }
    if (Conditions.isTrue(status.getConditions(), ConditionType.DEGRADED)) {
      return "error: platform " + p.getMetadata().getName() + " is Degraded after the rollback: "
          + Conditions.find(status.getConditions(), ConditionType.DEGRADED).orElseThrow().getMessage();
    }
    return null;
  }
}
