package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An environment variable: a literal value or a Secret key, exactly one of the two. */
@ValidationRule(value = "has(self.value) != has(self.secretKeyRef)", message = "set exactly one of value or secretKeyRef")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvVarSpec {

  @JsonPropertyDescription("Variable name.")
  @Required
  @Pattern(ApiPatterns.ENV_NAME)
  @Size(max = 253)
  private String name;

  @JsonPropertyDescription("Literal value.")
  @Size(max = 32768)
  private String value;

  @JsonPropertyDescription("Take the value from a Secret key (for credentials).")
  private SecretKeyRef secretKeyRef;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public SecretKeyRef getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeyRef secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }
}
