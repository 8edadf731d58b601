package online.nexuscos.cli;

import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import picocli.CommandLine.Option;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl pause} and {@code nexusctl resume}: set spec.paused. */
final class PauseCommand {

  private PauseCommand() {}

  /** Shared body: set spec.paused and say so. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KubeOptions kube;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
    String name;

    @Option(names = "--wait", description = "Wait until the operator reports the platform paused (resumed), and report it.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DUR", defaultValue = "2m", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    String timeout;

    abstract boolean paused();

    @Override
    public Integer call() throws InterruptedException {
      try (KubeOptions k = kube) {
        String platform = kube.platform(name).getMetadata().getName();
        long generation = Edits.edit(kube, platform, p -> p.getSpec().setPaused(paused())).getMetadata().getGeneration();
        var out = spec.commandLine().getOut();
        out.println("platform/" + platform + (paused()
            ? ": pause requested (spec.paused=true): the operator writes nothing to its objects until resumed"
            : ": resume requested (spec.paused=false): the operator converges it again"));
        if (!wait) {
          out.println("follow it with: nexusctl status " + platform + " --watch");
          return 0;
        }
        out.flush();
        String verdict = Edits.await(kube, platform, timeout, p -> answer(p, generation));
        if (verdict == null) {
          throw new CliException("the operator has not reported platform " + platform + (paused() ? " paused" : " resumed")
              + " after " + timeout + " (is it running? see nexusctl status " + platform + ")");
        }
        if (verdict.startsWith("error: ")) {
          throw new CliException(verdict.substring(7));
        }
        out.println(verdict);
        return 0;
      }
    }

    /** The operator's report once it has observed the edit: its Paused condition, or why it refused the spec. */
    private String answer(NexusPlatform p, long generation) {
      var status = p.getStatus();
      if (status == null || status.getObservedGeneration() == null || status.getObservedGeneration() < generation) {
        return null;
      }
      String n = p.getMetadata().getName();
      if (status.getPhase() == Phase.Invalid) {
        return "error: platform " + n + " has an invalid spec, so nothing is applied whether paused or not: "
            + Conditions.find(status.getConditions(), ConditionType.INVALID_SPEC).map(c -> c.getMessage()).orElse("");
      }
      boolean reported = Conditions.isTrue(status.getConditions(), ConditionType.PAUSED);
      return reported == paused() ? "platform/" + n + ": " + (paused() ? "paused" : "resumed") + " (phase " + status.getPhase() + ")" : null;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pause the platform: the operator stops writing to its objects (it still reports status).")
  static final class Pause extends Base {
    @Override
    boolean paused() {
      return true;
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused platform.")
  static final class Resume extends Base {
    @Override
    boolean paused() {
      return false;
    }
  }
}
