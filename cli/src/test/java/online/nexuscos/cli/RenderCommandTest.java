package online.nexuscos.cli;

import static online.nexuscos.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexusctl render}: output, exit codes, and error messages. */
class RenderCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  private static List<JsonNode> documents(String yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    List<JsonNode> docs = new ArrayList<>();
    try (var it = mapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  @Test
  void rendersTheFullExample() throws IOException {
    Cli.Result r = run("render", "-f", EXAMPLES.resolve("nexus-cos.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> docs = documents(r.out());
    Map<String, Integer> kinds = new TreeMap<>();
    docs.forEach(d -> kinds.merge(d.get("apiVersion").asText() + "/" + d.get("kind").asText(), 1, Integer::sum));
    assertThat(kinds).containsEntry("v1/Namespace", 9)
        .containsEntry("apps/v1/Deployment", 22)
        .containsEntry("v1/Service", 22)
        .containsEntry("autoscaling/v2/HorizontalPodAutoscaler", 22)
        .containsEntry("policy/v1/PodDisruptionBudget", 22)
        .containsEntry("v1/ConfigMap", 18);
    List<String> policyNamespaces = docs.stream().filter(d -> d.get("kind").asText().equals("NetworkPolicy"))
        .map(d -> d.at("/metadata/namespace").asText()).distinct().toList();
    assertThat(policyNamespaces).hasSize(9);
    assertThat(docs).allSatisfy(d -> assertThat(d.at("/metadata/name").asText()).isNotEmpty());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void invalidInputExitsOneNamingTheFieldAndTheFix(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("minimal.yaml")).replace("port: 3000", "port: 70000");
    Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
    Cli.Result r = run("render", "-f", file.toString());
    assertThat(r.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("spec.services[0].port").contains("70000").contains("use at most 65535");
  }

  @Test
  void typoInAFieldNameIsReported(@TempDir Path dir) throws IOException {
    String yaml = Files.readString(EXAMPLES.resolve("minimal.yaml")).replace("replicas: 1", "replcas: 1");
    Path file = Files.writeString(dir.resolve("typo.yaml"), yaml);
    Cli.Result r = run("render", "-f", file.toString());
    assertThat(r.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(r.err()).contains(file + ":15 spec.services[0].replcas: is not a known field").contains("replicas");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("render").code()).isEqualTo(Nexusctl.EXIT_USAGE);
    assertThat(run("render", "-f", "x.yaml", "--bogus").code()).isEqualTo(Nexusctl.EXIT_USAGE);
    Cli.Result missing = run("render", "-f", "no/such/file.yaml");
    assertThat(missing.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(missing.err()).contains("no such file");
  }
}
