package online.nexuscos.cli;

import java.util.concurrent.Callable;
import online.nexuscos.operator.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl failover --to SITE}: a manual failover (sets spec.failover.activeSite). */
@Command(name = "failover", mixinStandardHelpOptions = true,
    description = {"Fail the platform over to another site: sets spec.failover.activeSite; the operator fences",
        "the old site, switches endpoints and placement, and starts services in dependency order (docs/failover.md)."})
final class FailoverCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = "--to", required = true, paramLabel = "SITE", description = "The site to run on.")
  String to;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (recorded in the failover history).")
  String reason;

  @Option(names = "--wait", description = "Wait until the platform runs on the site, and report the outcome.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DUR", defaultValue = "10m", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() throws InterruptedException {
    try (KubeOptions k = kube) {
      NexusPlatform p = kube.platform(name);
      FailbackCommand.requireSite(p, to);
      String platform = p.getMetadata().getName();
      Edits.edit(kube, platform, x -> {
        x.getSpec().getFailover().setActiveSite(to);
        if (reason != null) {
          Edits.annotate(x, Labels.FAILOVER_REASON, reason);
        }
      });
      var out = spec.commandLine().getOut();
      out.println("platform/" + platform + ": failover to site " + to + " requested (spec.failover.activeSite=" + to + ")");
      out.flush();
      return wait ? FailbackCommand.awaitSite(kube, platform, to, timeout, out) : 0;
    }
  }
}
