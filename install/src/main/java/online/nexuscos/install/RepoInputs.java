package online.nexuscos.install;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the bundle is made of, read from the repository: the CRD, the install manifests, the
 * examples and the Kubernetes release the real control plane tier runs.
 *
 * @param crdFileName the CRD's file name under crds/
 * @param crdText the CRD as generated (copied into the bundle unchanged)
 * @param operatorDeployment deploy/operator.yaml
 * @param rbac the documents of deploy/rbac.yaml
 * @param metricsService deploy/service.yaml
 * @param examples the NexusPlatforms of examples/, by file name
 * @param kubernetesVersion K8S_VERSION of e2e/cluster/versions.env without the "v"
 */
record RepoInputs(String crdFileName, String crdText, JsonNode operatorDeployment, List<JsonNode> rbac,
    JsonNode metricsService, List<JsonNode> examples, String kubernetesVersion) {

  static final String CRD_FILE = "nexusplatforms.platform.nexuscos.online-v1.yml";

  static RepoInputs read(Path repo) {
    List<JsonNode> examples;
    try (Stream<Path> files = Files.list(repo.resolve("examples"))) {
      examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted()
          .flatMap(f -> Yaml.documents(text(f)).stream())
          .filter(d -> "NexusPlatform".equals(d.path("kind").asText())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RepoInputs(CRD_FILE, text(repo.resolve("crds").resolve(CRD_FILE)),
        Yaml.document(text(repo.resolve("deploy/operator.yaml"))),
        Yaml.documents(text(repo.resolve("deploy/rbac.yaml"))),
        Yaml.document(text(repo.resolve("deploy/service.yaml"))),
        examples, kubernetesVersion(text(repo.resolve("e2e/cluster/versions.env"))));
  }

  static String kubernetesVersion(String versionsEnv) {
    Matcher m = Pattern.compile("(?m)^K8S_VERSION=v(\\d+\\.\\d+\\.\\d+)\\s*$").matcher(versionsEnv);
    if (!m.find()) {
      throw new IllegalArgumentException("e2e/cluster/versions.env names no K8S_VERSION=vX.Y.Z");
    }
    return m.group(1);
  }

  JsonNode crd() {
    return Yaml.document(crdText);
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
