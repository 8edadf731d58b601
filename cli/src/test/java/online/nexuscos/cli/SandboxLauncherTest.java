package online.nexuscos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code nexusctl sandbox} looks for nexus-sandbox.jar. */
class SandboxLauncherTest {

  @Test
  void theEnvironmentWinsAndMustNameAFile(@TempDir Path dir) throws IOException {
    Path jar = Files.createFile(dir.resolve("nexus-sandbox.jar"));
    assertThat(SandboxLauncher.locate(Map.of("NEXUS_SANDBOX_JAR", jar.toString()), null)).contains(jar);
    assertThatThrownBy(() -> SandboxLauncher.locate(Map.of("NEXUS_SANDBOX_JAR", dir.resolve("nope").toString()), null))
        .hasMessageContaining("NEXUS_SANDBOX_JAR=" + dir.resolve("nope")).hasMessageContaining("is not a file");
  }

  @Test
  void nextToNexusctlThenTheRepositoryCheckout(@TempDir Path dir) throws IOException {
    Path installed = Files.createDirectories(dir.resolve("bin"));
    Files.createFile(installed.resolve("nexusctl.jar"));
    assertThat(SandboxLauncher.locate(Map.of(), installed.resolve("nexusctl.jar"))).isEmpty();
    Path beside = Files.createFile(installed.resolve("nexus-sandbox.jar"));
    assertThat(SandboxLauncher.locate(Map.of(), installed.resolve("nexusctl.jar"))).contains(beside);

    Path classes = Files.createDirectories(dir.resolve("repo/cli/target/classes"));
    Path built = Files.createDirectories(dir.resolve("repo/sandbox/target")).resolve("nexus-sandbox.jar");
    Files.createFile(built);
    assertThat(SandboxLauncher.locate(Map.of(), classes)).contains(built);
    assertThat(SandboxLauncher.locate(Map.of(), dir.resolve("repo/cli/target/nexusctl.jar"))).contains(built);
  }
}
