package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** A policy/v1 PodDisruptionBudget for a service. Give minAvailable or maxUnavailable, not both. */
@ValidationRule(value = "!(has(self.minAvailable) && has(self.maxUnavailable))", message = "set minAvailable or maxUnavailable, not both")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodDisruptionBudgetSpec {

  @JsonPropertyDescription("Whether a PodDisruptionBudget is created.")
  private Boolean enabled;

  @JsonPropertyDescription("Pods that must stay available during voluntary disruptions.")
  @Min(0)
  @Max(10000)
  private Integer minAvailable;

  @JsonPropertyDescription("Pods that may be unavailable during voluntary disruptions.")
  @Min(0)
  @Max(10000)
  private Integer maxUnavailable;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMinAvailable() {
    return minAvailable;
  }

  public void setMinAvailable(Integer minAvailable) {
    this.minAvailable = minAvailable;
  }

  public Integer getMaxUnavailable() {
    return maxUnavailable;
  }

  public void setMaxUnavailable(Integer maxUnavailable) {
    this.maxUnavailable = maxUnavailable;
  }
}
