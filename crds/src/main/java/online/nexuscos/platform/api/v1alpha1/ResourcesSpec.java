package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Requests and limits of a service's container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {

  @JsonPropertyDescription(
      "What the scheduler reserves for each pod; HPA utilisation targets are relative "
          + "to it.")
  private ComputeResources requests;

  @JsonPropertyDescription("The most each pod may use.")
  private ComputeResources limits;

  public ComputeResources getRequests() {
    return requests;
  }

  public void setRequests(ComputeResources requests) {
    this.requests = requests;
  }

  public ComputeResources getLimits() {
    return limits;
  }

  public void setLimits(ComputeResources limits) {
    this.limits = limits;
  }
}
