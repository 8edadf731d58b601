package online.nexuscos.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexus-sandbox --until-ready}: exit codes and what it prints. */
class SandboxCommandTest {

  record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SandboxCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void untilReadyExitsZeroOnceThePlatformIsReadyAndWritesAKubeconfig(@TempDir Path dir) throws IOException {
    Path kubeconfig = dir.resolve("kc");
    Result r = run("-f", EXAMPLES.resolve("nexus-cos.yaml").toString(), "--until-ready",
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
  void withoutFilesItRunsTheBuiltInExampleFromAnyDirectory(@TempDir Path dir) {
    Result r = run("--until-ready", "--kubeconfig", dir.resolve("kc").toString(), "--ready-delay", "50ms",
        "--timeout", "60s");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("applied:    nexus-cos").contains("nexus-cos: Ready 22/22 services ready");
  }

  @Test
  void theDefaultKubeconfigIsPerUser() {
    assertThat(SandboxCommand.defaultKubeconfig(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/a"))
        .isEqualTo(Path.of("/x/cache/nexus-sandbox/kubeconfig"));
    assertThat(SandboxCommand.defaultKubeconfig(Map.of(), "/home/a"))
        .isEqualTo(Path.of("/home/a/.cache/nexus-sandbox/kubeconfig"));
    assertThat(SandboxCommand.defaultKubeconfig(Map.of("XDG_CACHE_HOME", " "), "/home/b"))
        .isEqualTo(Path.of("/home/b/.cache/nexus-sandbox/kubeconfig"));
  }

  @Test
  void untilReadyFailsWithTheReasonWhenAServiceCannotBecomeAvailable(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("minimal.yaml"))
        .replace("      replicas: 1", "      replicas: 1\n      tag: broken-1")
        .replace("  services:", "  rollout:\n    progressDeadlineSeconds: 1\n  services:");
    Path file = Files.writeString(dir.resolve("broken.yaml"), yaml);
    Result r = run("-f", file.toString(), "--until-ready", "--kubeconfig", dir.resolve("kc").toString(),
        "--timeout", "30s");
    assertThat(r.code()).isEqualTo(SandboxCommand.EXIT_NOT_READY);
    assertThat(r.err()).contains("platform minimal is Degraded").contains("backend-api").contains("ProgressDeadlineExceeded");
  }

  @Test
  void timeoutNamesWhatIsNotReady(@TempDir Path dir) {
    Result r = run("-f", EXAMPLES.resolve("minimal.yaml").toString(), "--until-ready",
        "--kubeconfig", dir.resolve("kc").toString(), "--ready-delay", "1h", "--timeout", "2s");
    assertThat(r.code()).isEqualTo(SandboxCommand.EXIT_NOT_READY);
    assertThat(r.err()).contains("not Ready after 2s").contains("minimal is Progressing").contains("raise --timeout");
  }

  @Test
  void badInputAndBadFlags(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    assertThat(run("-f", bad.toString(), "--until-ready").code()).isEqualTo(SandboxCommand.EXIT_NOT_READY);
    Result duration = run("--ready-delay", "soon", "--until-ready");
    assertThat(duration.code()).isEqualTo(SandboxCommand.EXIT_USAGE);
    assertThat(duration.err()).contains("invalid duration 'soon'");
    assertThat(run("--no-such-flag").code()).isEqualTo(SandboxCommand.EXIT_USAGE);
  }
}
