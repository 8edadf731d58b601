package online.nexuscos.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import online.nexuscos.core.testing.Platforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples pass the generated CRD's schema, and the schema rejects what it should. */
class CrdSchemaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final CrdSchema schema = CrdSchema.load();

  @ParameterizedTest
  @ValueSource(strings = {"nexus-cos.yaml", "minimal.yaml"})
  void examplesPassTheCrdSchemaAndTheOperatorsValidation(String file) throws IOException {
    JsonNode doc = YAML.readTree(Files.readString(Platforms.examples().resolve(file)));
    assertThat(schema.validate(doc)).isEmpty();
    assertThat(SpecValidator.validate(Platforms.example(file))).isEmpty();
  }

  @Test
  void reportsTypePatternBoundsEnumRequiredAndUnknownFieldsWithTheirPaths() throws IOException {
    JsonNode doc = YAML.readTree("""
        spec:
          version: "bad tag!"
          deletionPolicy: Destroy
          namespaces: []
          servics: []
          services:
            - name: Auth_Service
              namespace: nexus-auth
              port: 70000
              replicas: "two"
        """);
    assertThat(schema.validate(doc)).extracting(ValidationError::field).containsExactlyInAnyOrder(
        "spec.imageRegistry",
        "spec.version",
        "spec.deletionPolicy",
        "spec.namespaces",
        "spec.servics",
        "spec.services[0].name",
        "spec.services[0].port",
        "spec.services[0].replicas");
  }
}
