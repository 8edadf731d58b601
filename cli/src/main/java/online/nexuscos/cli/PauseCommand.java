package online.nexuscos.cli;

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

    abstract boolean paused();

    @Override
    public Integer call() {
      try (KubeOptions k = kube) {
        String platform = kube.platform(name).getMetadata().getName();
        Edits.edit(kube, platform, p -> p.getSpec().setPaused(paused()));
        spec.commandLine().getOut().println("platform/" + platform + (paused()
            ? ": paused (spec.paused=true): the operator writes nothing to its objects until resumed"
            : ": resumed (spec.paused=false): the operator converges it again"));
        return 0;
      }
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
