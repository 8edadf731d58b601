package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The installed kubectl works against the sandbox through the kubeconfig it writes. */
class KubectlIT {

  static final Path KUBECTL = Path.of("/usr/bin/kubectl");

  @RegisterExtension
  final SandboxExtension sandbox = new SandboxExtension();

  record Run(int code, String out) {}

  private static Run kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void kubectlListsDescribesAndPatchesThePlatform(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(KUBECTL), "skipped: /usr/bin/kubectl is not installed");
    Path kubeconfig = sandbox.sandbox().apiServer().writeKubeconfig(dir.resolve("kubeconfig"));
    sandbox.apply(SandboxExtension.example("nexus-cos.yaml"));
    sandbox.awaitPhase("nexus-cos", Phase.Ready);

    Run deployments = kubectl(kubeconfig, "get", "deployments", "-A");
    assertThat(deployments.code()).as(deployments.out()).isZero();
    assertThat(deployments.out()).contains("nexus-platform", "backend-api", "puabo-nexus-fleet-manager");
    assertThat(deployments.out().lines().filter(l -> l.startsWith("nexus-"))).hasSize(22);

    Run platforms = kubectl(kubeconfig, "get", "nxp");
    assertThat(platforms.code()).as(platforms.out()).isZero();
    assertThat(platforms.out()).contains("nexus-cos");

    Run describe = kubectl(kubeconfig, "describe", "deployment", "-n", "nexus-auth", "auth-service");
    assertThat(describe.code()).as(describe.out()).isZero();
    assertThat(describe.out()).contains("ghcr.io/nexus-cos/auth-service:2025.10.11");

    Run pause = kubectl(kubeconfig, "patch", "nxp", "nexus-cos", "--type=merge", "-p", "{\"spec\":{\"paused\":true}}");
    assertThat(pause.code()).as(pause.out()).isZero();
    sandbox.awaitPhase("nexus-cos", Phase.Paused);
  }
}
