package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** One namespace of the platform, created (or adopted) by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceSpec {

  @JsonPropertyDescription("Namespace name (DNS-1123 label). Services refer to it by this name.")
  @Required
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription(
      "Extra labels for the namespace, e.g. a tier or a cost centre. The operator's own"
          + " labels are always added.")
  @Size(max = 64)
  private Map<String, String> labels;

  @JsonPropertyDescription("Extra annotations for the namespace.")
  @Size(max = 64)
  private Map<String, String> annotations;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
