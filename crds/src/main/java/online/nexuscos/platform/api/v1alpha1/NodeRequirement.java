package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/** A node label requirement, as in a node affinity term. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeRequirement {

  @JsonPropertyDescription("Node label key, e.g. topology.kubernetes.io/zone.")
  @Required
  @Size(max = 317)
  private String key;

  @JsonPropertyDescription("In, NotIn, Exists or DoesNotExist.")
  @Required
  @Pattern("^(In|NotIn|Exists|DoesNotExist)$")
  private String operator;

  @JsonPropertyDescription("Values for In and NotIn.")
  @Size(max = 64)
  private List<String> values;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getOperator() {
    return operator;
  }

  public void setOperator(String operator) {
    this.operator = operator;
  }

  public List<String> getValues() {
    return values;
  }

  public void setValues(List<String> values) {
    this.values = values;
  }
}
