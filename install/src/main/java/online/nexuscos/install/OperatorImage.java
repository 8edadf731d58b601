package online.nexuscos.install;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operator image of deploy/operator.yaml: read, and rewritten to the parent pom's. */
final class OperatorImage {

  private static final Pattern IMAGE_LINE = Pattern.compile("(?m)^(\\s+image: )(\\S+)$");

  private OperatorImage() {}

  static String of(JsonNode deployment) {
    JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
    if (containers.size() != 1) {
      throw new IllegalArgumentException("deploy/operator.yaml must run one container, found " + containers.size());
    }
    return containers.path(0).path("image").asText();
  }

  /** deploy/operator.yaml's text with its one image line set to {@code image}, comments kept. */
  static String rewrite(String operatorYaml, String image) {
    Matcher m = IMAGE_LINE.matcher(operatorYaml);
    if (!m.find()) {
      throw new IllegalArgumentException("deploy/operator.yaml has no image: line");
    }
    String rewritten = m.replaceFirst("$1" + Matcher.quoteReplacement(image));
    if (IMAGE_LINE.matcher(rewritten).results().count() != 1) {
      throw new IllegalArgumentException("deploy/operator.yaml must have exactly one image: line");
    }
    return rewritten;
  }
}
