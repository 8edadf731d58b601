package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Horizontal pod autoscaling (autoscaling/v2 HPA) of a service. When enabled, the HPA owns the replica count and the operator never overrides it. */
@ValidationRule(value = "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas", message = "minReplicas must be <= maxReplicas")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscalingSpec {

  @JsonPropertyDescription("Whether an HPA is created for the service.")
  private Boolean enabled;

  @JsonPropertyDescription("Fewest replicas the HPA keeps.")
  @Min(1)
  @Max(10000)
  private Integer minReplicas;

  @JsonPropertyDescription("Most replicas the HPA may create; must be >= minReplicas.")
  @Min(1)
  @Max(10000)
  private Integer maxReplicas;

  @JsonPropertyDescription("Average CPU utilisation (percent of requests) the HPA aims for.")
  @Min(1)
  @Max(1000)
  private Integer targetCPUUtilizationPercentage;

  @JsonPropertyDescription(
      "Average memory utilisation (percent of requests) the HPA aims for; unset means "
          + "CPU only.")
  @Min(1)
  @Max(1000)
  private Integer targetMemoryUtilizationPercentage;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public Integer getTargetCPUUtilizationPercentage() {
    return targetCPUUtilizationPercentage;
  }

  public void setTargetCPUUtilizationPercentage(Integer targetCPUUtilizationPercentage) {
    this.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage;
  }

  public Integer getTargetMemoryUtilizationPercentage() {
    return targetMemoryUtilizationPercentage;
  }

  public void setTargetMemoryUtilizationPercentage(Integer targetMemoryUtilizationPercentage) {
    this.targetMemoryUtilizationPercentage = targetMemoryUtilizationPercentage;
  }
}
