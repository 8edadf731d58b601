package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A named group of services that is switched on or off as a whole. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModuleSpec {

  @JsonPropertyDescription("Module name (DNS-1123 label); services join it with their 'module' field.")
  @Required
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription(
      "Whether the module's services run. Disabling a module removes the objects the "
          + "operator created for its services.")
  @Default("true")
  private Boolean enabled;

  @JsonPropertyDescription("What the module is for (free text, shown in docs and nexusctl).")
  @Size(max = 1024)
  private String description;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
