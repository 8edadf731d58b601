package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** CPU and memory amounts, as Kubernetes quantities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeResources {

  @JsonPropertyDescription("CPU, e.g. 100m or 1.")
  @Pattern(ApiPatterns.QUANTITY)
  private String cpu;

  @JsonPropertyDescription("Memory, e.g. 128Mi or 1Gi.")
  @Pattern(ApiPatterns.QUANTITY)
  private String memory;

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }
}
