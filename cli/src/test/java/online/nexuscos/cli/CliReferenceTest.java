package online.nexuscos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/cli.md is exactly what the picocli model generates. */
class CliReferenceTest {

  @Test
  void committedReferenceMatchesTheCommands() throws IOException {
    String generated = CliReference.markdown();
    assertThat(generated).contains("## nexusctl status").contains("## nexusctl failover").contains("--to=SITE")
        .contains("--until-ready");
    assertThat(Files.readString(Path.of("..", "docs", "cli.md")))
        .as("docs/cli.md is stale; regenerate it with:%n  mvn -B -q package -DskipTests && "
            + "java -cp cli/target/nexusctl.jar:sandbox/target/nexus-sandbox.jar online.nexuscos.cli.CliReference > docs/cli.md")
        .isEqualTo(generated);
  }
}
