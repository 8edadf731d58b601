package online.nexuscos.platform.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CRD YAML committed under crds/ must be exactly what crd-generator makes from the Java types,
 * so a change to the API cannot land without its CRD.
 */
class CrdUpToDateTest {

  static final String FILE = "nexusplatforms.platform.nexuscos.online-v1.yml";

  @Test
  void committedCrdMatchesGeneratedCrd() throws IOException {
    Path generated = Path.of("target/classes/META-INF/fabric8", FILE);
    Path committed = Path.of(FILE);
    assertThat(generated).as("crd-generator output (runs in process-classes)").exists();
    assertThat(committed).as("committed CRD under crds/").exists();
    assertThat(Files.readString(committed))
        .as(
            "crds/%s is stale. The Java types changed; refresh it with:%n"
                + "  cp crds/target/classes/META-INF/fabric8/%s crds/%s%n"
                + "then commit it.",
            FILE, FILE, FILE)
        .isEqualTo(Files.readString(generated));
  }

  @Test
  void crdIsClusterScopedWithStatusAndPrinterColumns() throws IOException {
    String crd = Files.readString(Path.of(FILE));
    assertThat(crd)
        .contains("scope: \"Cluster\"")
        .contains("status: {}")
        .contains("- \"nxp\"")
        .contains("- \"nexus\"")
        .contains("name: \"Phase\"")
        .contains("name: \"Ready\"")
        .contains("name: \"Revision\"")
        .contains("name: \"Age\"");
  }
}
