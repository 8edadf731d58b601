package online.nexuscos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kubectl-nexus launcher finds the jar and passes arguments through (failsafe: after package). */
class LauncherIT {

  @Test
  void launcherRunsNexusctlFromTheBuiltJar() throws Exception {
    Path launcher = Path.of("target/kubectl-nexus").toAbsolutePath();
    Path jar = Path.of("target/nexusctl.jar").toAbsolutePath();
    assertThat(Files.isExecutable(launcher)).isTrue();
    assertThat(jar).as("built in the package phase, before this integration test").exists();
    Process p = new ProcessBuilder(launcher.toString(), "version", "--client")
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("nexusctl").contains("platform.nexuscos.online/v1alpha1");
  }
}
