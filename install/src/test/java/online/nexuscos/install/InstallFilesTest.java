package online.nexuscos.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The committed install files are the ones the build generates, and grant nothing with "*". */
class InstallFilesTest {

  private static final Path REPO = Path.of(System.getProperty("nexus.repo", "..")).toAbsolutePath().normalize();
  private static final String IMAGE = System.getProperty("nexus.operator.image");
  private static final String RELEASE = System.getProperty("nexus.operator.release");

  @Test
  void deployRunsTheImageTheParentPomNames() {
    assertThat(IMAGE).as("surefire passes nexus.operator.image from the parent pom").isNotBlank();
    assertThat(OperatorImage.of(RepoInputs.read(REPO).operatorDeployment()))
        .as("deploy/operator.yaml's image; regenerate: " + BundleGenerator.COMMAND).isEqualTo(IMAGE);
  }

  @Test
  void committedBundleIsTheGeneratedOne() {
    SortedMap<String, String> generated = BundleGenerator.generate(REPO, IMAGE, RELEASE);
    SortedMap<String, String> committed = BundleGenerator.committed(REPO.resolve("bundle"));
    List<String> differences = new ArrayList<>();
    generated.forEach((path, text) -> {
      if (!committed.containsKey(path)) {
        differences.add("missing " + path);
      } else if (!committed.get(path).equals(text)) {
        differences.add("differs " + path);
      }
    });
    committed.keySet().stream().filter(p -> !generated.containsKey(p)).forEach(p -> differences.add("extra " + p));
    assertThat(differences).as("bundle/ is not what the build generates; regenerate: " + BundleGenerator.COMMAND)
        .isEmpty();
  }

  @Test
  void theImageStartsTheJvmWithTheFlagsOfJvmOptions() throws java.io.IOException {
    List<String> options = java.nio.file.Files.readAllLines(REPO.resolve("operator/jvm.options")).stream()
        .map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty()).toList();
    String pom = java.nio.file.Files.readString(REPO.resolve("operator/pom.xml"));
    List<String> image = java.util.regex.Pattern.compile("<jvmFlag>([^<]*)</jvmFlag>").matcher(pom).results()
        .map(m -> m.group(1).trim()).toList();
    assertThat(options).as("operator/jvm.options").contains("-XX:+UseSerialGC");
    assertThat(image).as("the jib jvmFlags of operator/pom.xml, line by line operator/jvm.options").isEqualTo(options);
  }

  @Test
  void noGrantUsesAWildcard() {
    List<JsonNode> rules = new ArrayList<>();
    RepoInputs.read(REPO).rbac().forEach(doc -> doc.path("rules").forEach(rules::add));
    assertThat(rules).isNotEmpty().allSatisfy(rule -> {
      for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
        rule.path(field).forEach(value -> assertThat(value.asText()).as(field + " of " + rule).isNotEqualTo("*"));
      }
    });
  }
}
