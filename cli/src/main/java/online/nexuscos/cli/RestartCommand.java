package online.nexuscos.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl restart}: a rolling restart, as kubectl rollout restart, but declared in the spec. */
@Command(name = "restart", mixinStandardHelpOptions = true,
    description = {"Restart every service, or the named ones, with a rolling update: sets spec.restartedAt",
        "(or spec.services[].restartedAt) to the current time."})
final class RestartCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = "--service", paramLabel = "S", description = "Restart only this service (repeatable).")
  List<String> services;

  @Option(names = "--wait", description = "Wait until the operator has rolled the restart out (Ready), and report the outcome.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DUR", defaultValue = "5m", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() throws InterruptedException {
    try (KubeOptions k = kube) {
      var platform = kube.platform(name);
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      if (services != null) {
        var known = platform.getSpec().getServices().stream().map(s -> s.getName()).toList();
        services.stream().filter(s -> !known.contains(s)).findFirst().ifPresent(s -> {
          throw new CliException("service " + s + " is not in platform " + platform.getMetadata().getName()
              + "; known: " + String.join(", ", known));
        });
      }
      var edited = Edits.edit(kube, platform.getMetadata().getName(), p -> {
        if (services == null || services.isEmpty()) {
          p.getSpec().setRestartedAt(now);
        } else {
          p.getSpec().getServices().stream().filter(s -> services.contains(s.getName())).forEach(s -> s.setRestartedAt(now));
        }
      });
      spec.commandLine().getOut().println("platform/" + platform.getMetadata().getName() + ": restart of "
          + (services == null || services.isEmpty() ? "every service" : String.join(", ", services))
          + " requested (restartedAt=" + now + ")");
      String n = platform.getMetadata().getName();
      if (!wait) {
        spec.commandLine().getOut().println("follow it with: nexusctl status " + n + " --watch");
        return 0;
      }
      long generation = edited.getMetadata().getGeneration();
      String verdict = Edits.await(kube, n, timeout, p -> Edits.readyAt(p, generation, "the restart"));
      if (verdict == null) {
        throw new CliException("restart of " + n + " not rolled out after " + timeout + "; follow it with nexusctl status " + n);
      }
      if (verdict.startsWith("error: ")) {
        throw new CliException(verdict.substring(7));
      }
      spec.commandLine().getOut().println(verdict);
      return 0;
    }
  }
}
