package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Values every service gets unless it sets its own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceDefaults {

  @JsonPropertyDescription("Replicas of a service without autoscaling.")
  @Min(0)
  @Max(10000)
  private Integer replicas;

  @JsonPropertyDescription("Default requests and limits.")
  private ResourcesSpec resources;

  @JsonPropertyDescription("Default probe timing.")
  private ProbesSpec probes;

  @JsonPropertyDescription("Default autoscaling; a service's own fields override these one by one.")
  private AutoscalingSpec autoscaling;

  @JsonPropertyDescription("Default disruption budget; a service's own fields override these one by one.")
  private PodDisruptionBudgetSpec podDisruptionBudget;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }

  public ProbesSpec getProbes() {
    return probes;
  }

  public void setProbes(ProbesSpec probes) {
    this.probes = probes;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public PodDisruptionBudgetSpec getPodDisruptionBudget() {
    return podDisruptionBudget;
  }

  public void setPodDisruptionBudget(PodDisruptionBudgetSpec podDisruptionBudget) {
    this.podDisruptionBudget = podDisruptionBudget;
  }
}
