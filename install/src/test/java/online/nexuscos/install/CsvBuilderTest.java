package online.nexuscos.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the CSV is derived from the install files, on the repository's own inputs. */
class CsvBuilderTest {

  private static final Path REPO = Path.of(System.getProperty("nexus.repo", "..")).toAbsolutePath().normalize();
  private static final String IMAGE = System.getProperty("nexus.operator.image");
  private final RepoInputs in = RepoInputs.read(REPO);
  private final JsonNode template = Yaml.document(BundleGenerator.resource("csv-template.yaml"));

  private ObjectNode csv(String release) {
    return CsvBuilder.build(template, in, IMAGE, release, "<svg/>");
  }

  @Test
  void nameVersionImageAndKubernetesReleaseComeFromTheirOneSource() {
    ObjectNode csv = csv("9.8.7");
    assertThat(csv.at("/metadata/name").asText()).isEqualTo("nexus-operator.v9.8.7");
    assertThat(csv.at("/spec/version").asText()).isEqualTo("9.8.7");
    assertThat(csv.at("/metadata/annotations/containerImage").asText()).isEqualTo(IMAGE);
    assertThat(csv.at("/spec/relatedImages/0/image").asText()).isEqualTo(IMAGE);
    assertThat(csv.at("/spec/install/spec/deployments/0/spec/template/spec/containers/0/image").asText()).isEqualTo(IMAGE);
    assertThat(csv.at("/spec/minKubeVersion").asText()).isEqualTo(in.kubernetesVersion()).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void theInstallStrategyIsDeployOperatorYamlAndItsGrants() {
    ObjectNode csv = csv("0.1.0");
    assertThat(csv.at("/spec/install/spec/deployments/0/spec")).isEqualTo(in.operatorDeployment().path("spec"));
    List<String> cluster = keys(csv.at("/spec/install/spec/clusterPermissions/0/rules"));
    List<String> own = keys(csv.at("/spec/install/spec/permissions/0/rules"));
    assertThat(own).containsExactly("coordination.k8s.io/leases");
    assertThat(cluster).contains("platform.nexuscos.online/nexusplatforms", "apps/deployments",
        "/events" /* the Role in "default": OLM creates Roles only where it installs */);
    assertThat(csv.at("/spec/install/spec/clusterPermissions/0/serviceAccountName").asText()).isEqualTo("nexus-operator");
  }

  @Test
  void almExamplesAreTheExamplesPlatforms() {
    JsonNode examples = Yaml.document(csv("0.1.0").at("/metadata/annotations/alm-examples").asText());
    assertThat(examples).hasSize(in.examples().size());
    assertThat(examples.findValuesAsText("kind")).contains("NexusPlatform");
    assertThat(examples.get(0)).isEqualTo(in.examples().get(0));
  }

  @Test
  void aDescriptorForAFieldTheCrdDoesNotHaveIsRefused() {
    ObjectNode broken = template.deepCopy();
    ((ObjectNode) broken.at("/spec/customresourcedefinitions/owned/0/specDescriptors/0")).put("path", "imageRegistri");
    assertThatThrownBy(() -> CsvBuilder.build(broken, in, IMAGE, "0.1.0", "<svg/>"))
        .hasMessageContaining("[spec.imageRegistri]").hasMessageContaining("csv-template.yaml");
    ObjectNode nested = template.deepCopy();
    ((ObjectNode) nested.at("/spec/customresourcedefinitions/owned/0/statusDescriptors/0")).put("path", "failover.activeSite");
    assertThat(CsvBuilder.build(nested, in, IMAGE, "0.1.0", "<svg/>")).isNotNull();
  }

  @Test
  void anImageOtherThanThePomsIsRefusedWithTheCommand() {
    assertThatThrownBy(() -> CsvBuilder.build(template, in, "example.com/other:1", "0.1.0", "<svg/>"))
        .hasMessageContaining("example.com/other:1").hasMessageContaining(BundleGenerator.COMMAND);
  }

  @Test
  void theWrittenCsvReadsBackAsTheSameTreeWithStringsKeptStrings() {
    ObjectNode csv = csv("0.1.0");
    assertThat(Yaml.document(Yaml.write(csv))).isEqualTo(csv);
    assertThat(Yaml.write(csv)).contains("value: \"8080\"");
  }

  @Test
  void rewritingTheImageKeepsEverythingElse() {
    String yaml = "# comment\nspec:\n  containers:\n    - name: operator\n      image: a/b:1\n      args: [x]\n";
    assertThat(OperatorImage.rewrite(yaml, "c/d:2")).isEqualTo(yaml.replace("a/b:1", "c/d:2"));
  }

  private static List<String> keys(JsonNode rules) {
    List<String> keys = new ArrayList<>();
    rules.forEach(rule -> rule.path("resources").forEach(r -> keys.add(rule.path("apiGroups").path(0).asText() + "/" + r.asText())));
    return keys;
  }
}
