package online.nexuscos.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.FailoverOutcome;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl failback}: go back to spec.failover.activeSite after an automatic failover. */
@Command(name = "failback", mixinStandardHelpOptions = true,
    description = {"Fail back to the site the spec names (spec.failover.activeSite) after an automatic failover.",
        "The operator never does this by itself. Sets the annotation platform.nexuscos.online/failback."})
final class FailbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = "--wait", description = "Wait until the platform runs on the spec's site, and report the outcome.")
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
      String platform = p.getMetadata().getName();
      if (p.getSpec().getFailover() == null) {
        throw new CliException("platform " + platform + " declares no sites (spec.failover); nothing to fail back");
      }
      String site = p.getSpec().getFailover().getActiveSite();
      String running = p.getStatus() == null || p.getStatus().getFailover() == null ? null
          : p.getStatus().getFailover().getActiveSite();
      var out = spec.commandLine().getOut();
      if (site.equals(running) && p.getStatus().getFailover().getCurrent() == null) {
        out.println("platform/" + platform + ": already running on site " + site + "; nothing to do");
        return 0;
      }
      String id = Edits.request(kube, platform, x -> {
        Edits.annotate(x, Labels.FAILBACK, "true");
        if (force != null) {
          Edits.annotate(x, Labels.FAILOVER_FORCE, force);
        }
      });
      out.println("platform/" + platform + ": failback to site " + site + " requested");
      out.flush();
      if (!wait) {
        out.println(Edits.recorded(platform, id));
        return 0;
      }
      return awaitSite(kube, platform, id, site, timeout, out);
    }
  }

  static void requireSite(NexusPlatform p, String site) {
    if (p.getSpec().getFailover() == null) {
      throw new CliException("platform " + p.getMetadata().getName() + " declares no sites (spec.failover); add them first");
    }
    if (p.getSpec().getFailover().getSites().stream().map(SiteSpec::getName).noneMatch(site::equals)) {
      throw new CliException("site " + site + " is not declared; choose one of "
          + p.getSpec().getFailover().getSites().stream().map(SiteSpec::getName).toList());
    }
  }

  /**
   * Waits for the operator's verdict on request {@code id} (a refusal ends nexusctl with its reason),
   * then until the platform runs on {@code site} with no failover under way; reports the last failover.
   */
  static int awaitSite(KubeOptions kube, String platform, String id, String site, String timeout, PrintWriter out)
      throws InterruptedException {
    var answer = Edits.awaitAnswer(kube, platform, id, timeout);
    out.println("platform/" + platform + ": " + answer.getMessage());
    out.flush();
    if (answer.getReason() == online.nexuscos.platform.api.v1alpha1.RequestReason.AlreadyOnSite) {
      return 0;
    }
    FailoverRecord record = Edits.await(kube, platform, timeout, p -> {
      var f = p.getStatus() == null ? null : p.getStatus().getFailover();
      if (f == null || f.getCurrent() != null || !site.equals(f.getActiveSite()) || f.getHistory() == null
          || f.getHistory().isEmpty() || !site.equals(f.getHistory().get(0).getTo())) {
        return null;
      }
      return f.getHistory().get(0);
    });
    if (record == null) {
      throw new CliException("platform " + platform + " is not running on site " + site + " after " + timeout
          + "; follow it with nexusctl status " + platform);
    }
    if (record.getOutcome() != FailoverOutcome.Succeeded) {
      throw new CliException("failover of " + platform + " to " + site + " " + record.getOutcome()
          + ": services did not all become available; see nexusctl status " + platform);
    }
    out.println("platform/" + platform + ": running on site " + site + " (" + record.getTrigger().name().toLowerCase(java.util.Locale.ROOT)
        + " failover from " + record.getFrom() + ", " + record.getStartedAt() + " to " + record.getFinishedAt() + ")");
    return 0;
  }
}
