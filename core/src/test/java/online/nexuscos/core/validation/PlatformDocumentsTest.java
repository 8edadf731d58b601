package online.nexuscos.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Strict reading of NexusPlatform YAML: typos and wrong kinds are errors naming the field. */
class PlatformDocumentsTest {

  private static final String HEAD = """
      apiVersion: platform.nexuscos.online/v1alpha1
      kind: NexusPlatform
      metadata: {name: p}
      """;

  @Test
  void readsSeveralDocumentsAndSkipsEmptyOnes() throws Exception {
    String yaml = HEAD + "spec: {version: '1'}\n---\n---\n" + HEAD.replace("name: p", "name: q") + "spec: {}\n";
    assertThat(PlatformDocuments.parse("f", yaml)).extracting(p -> p.getMetadata().getName()).containsExactly("p", "q");
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    String yaml = HEAD + "spec:\n  services:\n    - name: a\n      prot: 3000\n";
    assertThatThrownBy(() -> PlatformDocuments.parse("f.yaml", yaml))
        .hasMessageContaining("unknown field spec.services[0].prot")
        .hasMessageContaining("port");
  }

  @Test
  void wrongTypeIsNamed() {
    String yaml = HEAD + "spec:\n  services:\n    - name: a\n      port: [1]\n";
    assertThatThrownBy(() -> PlatformDocuments.parse("f.yaml", yaml))
        .hasMessageContaining("field spec.services[0].port has the wrong type");
  }

  @Test
  void otherKindsAndMissingFilesAreRefusedWithAFix() {
    assertThatThrownBy(() -> PlatformDocuments.parse("f.yaml", "apiVersion: v1\nkind: ConfigMap\n"))
        .hasMessageContaining("is v1/ConfigMap, not platform.nexuscos.online/v1alpha1/NexusPlatform");
    assertThatThrownBy(() -> PlatformDocuments.load(Path.of("does/not/exist.yaml")))
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> PlatformDocuments.parse("f.yaml", "a: [b\n"))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> PlatformDocuments.parse("f.yaml", "---\n"))
        .hasMessageContaining("contains no NexusPlatform");
  }
}
