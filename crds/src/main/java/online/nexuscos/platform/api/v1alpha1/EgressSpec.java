package online.nexuscos.platform.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Outbound traffic policy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EgressSpec {

  @JsonPropertyDescription(
      "Deny egress by default; then pods may reach DNS, the platform's namespaces and "
          + "allowedCIDRs only.")
  private Boolean restrict;

  @JsonPropertyDescription(
      "Address blocks pods may reach when egress is restricted (data stores, external "
          + "APIs).")
  @Size(max = 100)
  private List<String> allowedCIDRs;

  public Boolean getRestrict() {
    return restrict;
  }

  public void setRestrict(Boolean restrict) {
    this.restrict = restrict;
  }

  public List<String> getAllowedCIDRs() {
    return allowedCIDRs;
  }

  public void setAllowedCIDRs(List<String> allowedCIDRs) {
    this.allowedCIDRs = allowedCIDRs;
  }
}
