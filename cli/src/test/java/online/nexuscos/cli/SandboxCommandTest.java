package online.nexuscos.cli;

import static online.nexuscos.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexusctl sandbox --until-ready}: exit codes and what it prints. */
class SandboxCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void untilReadyExitsZeroOnceThePlatformIsReadyAndWritesAKubeconfig(@TempDir Path dir) throws IOException {
    Path kubeconfig = dir.resolve("kc");
    Cli.Result r = run("sandbox", "-f", EXAMPLES.resolve("nexus-cos.yaml").toString(), "--until-ready",
        "--kubeconfig", kubeconfig.toString(), "--ready-delay", "50ms", "--timeout", "60s");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("stand-in for a cluster")
        .contains("kubeconfig: " + kubeconfig)
        .contains("kubectl --kubeconfig " + kubeconfig + " get deploy -A")
        .contains("nexus-cos: Ready 22/22 services ready")
        .contains("nexus-auth 3/3")
        .contains("every platform is Ready");
    assertThat(Files.readString(kubeconfig)).contains("server: http://").contains("current-context: nexus-sandbox");
  }

  @Test
  void untilReadyFailsWithTheReasonWhenAServiceCannotBecomeAvailable(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("minimal.yaml"))
        .replace("      replicas: 1", "      replicas: 1\n      tag: broken-1")
        .replace("  services:", "  rollout:\n    progressDeadlineSeconds: 1\n  services:");
    Path file = Files.writeString(dir.resolve("broken.yaml"), yaml);
    Cli.Result r = run("sandbox", "-f", file.toString(), "--until-ready", "--kubeconfig", dir.resolve("kc").toString(),
        "--timeout", "30s");
    assertThat(r.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(r.err()).contains("platform minimal is Degraded").contains("backend-api").contains("ProgressDeadlineExceeded");
  }

  @Test
  void timeoutNamesWhatIsNotReady(@TempDir Path dir) {
    Cli.Result r = run("sandbox", "-f", EXAMPLES.resolve("minimal.yaml").toString(), "--until-ready",
        "--kubeconfig", dir.resolve("kc").toString(), "--ready-delay", "1h", "--timeout", "2s");
    assertThat(r.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(r.err()).contains("not Ready after 2s").contains("minimal is Progressing").contains("raise --timeout");
  }

  @Test
  void badInputAndBadFlags(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    assertThat(run("sandbox", "-f", bad.toString(), "--until-ready").code()).isEqualTo(Nexusctl.EXIT_INVALID);
    Cli.Result duration = run("sandbox", "--ready-delay", "soon", "--until-ready");
    assertThat(duration.code()).isEqualTo(Nexusctl.EXIT_USAGE);
    assertThat(duration.err()).contains("invalid duration 'soon'");
    assertThat(run("sandbox", "--no-such-flag").code()).isEqualTo(Nexusctl.EXIT_USAGE);
  }
}
