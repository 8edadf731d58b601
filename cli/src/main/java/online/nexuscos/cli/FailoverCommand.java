package online.nexuscos.cli;

import java.util.concurrent.Callable;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl failover --to SITE}: a manual failover, leaving the home site (spec.failover.activeSite) as it is. */
@Command(name = "failover", mixinStandardHelpOptions = true,
    description = {"Fail the platform over to another site: sets the annotation platform.nexuscos.online/failover-to;",
        "the operator fences the old site, switches endpoints and placement, and starts services in dependency order",
        "(docs/failover.md). spec.failover.activeSite stays the home site: nexusctl failback returns there."})
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

  @Option(names = "--force", paramLabel = "WHO: WHY", description = {"Go even if the site cannot run the critical",
      "services now (no Ready Node, no capacity); recorded in the failover history. Only when you are sure."})
  String force;

  @Override
  public Integer call() throws InterruptedException {
    try (KubeOptions k = kube) {
      NexusPlatform p = kube.platform(name);
      FailbackCommand.requireSite(p, to);
      String platform = p.getMetadata().getName();
      if (p.getStatus() != null && p.getStatus().getFailover() != null && to.equals(p.getStatus().getFailover().getActiveSite())) {
        throw new CliException("platform " + platform + " already runs on site " + to
            + "; nothing to fail over (see nexusctl status " + platform + ")");
      }
      String id = Edits.request(kube, platform, x -> {
        Edits.annotate(x, Labels.FAILOVER_TO, to);
        if (reason != null) {
          Edits.annotate(x, Labels.FAILOVER_REASON, reason);
        }
        if (force != null) {
          Edits.annotate(x, Labels.FAILOVER_FORCE, force);
        }
      });
      var out = spec.commandLine().getOut();
      out.println("platform/" + platform + ": failover to site " + to + " requested (home site stays "
          + p.getSpec().getFailover().getActiveSite() + ")");
      if (!wait) {
        out.println(Edits.recorded(platform, id));
        return 0;
      }
      out.flush();
      return FailbackCommand.awaitSite(kube, platform, id, to, timeout, out);
    }
  }
}
