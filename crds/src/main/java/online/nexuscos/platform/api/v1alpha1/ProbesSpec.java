package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Timing of the health probes on /health/live (liveness), /health/ready (readiness) and /health (startup). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProbesSpec {

  @JsonPropertyDescription("Seconds before the first liveness and readiness probe.")
  @Min(0)
  @Max(3600)
  private Integer initialDelaySeconds;

  @JsonPropertyDescription("Seconds between probes.")
  @Min(1)
  @Max(3600)
  private Integer periodSeconds;

  @JsonPropertyDescription("Seconds a probe may take.")
  @Min(1)
  @Max(3600)
  private Integer timeoutSeconds;

  @JsonPropertyDescription(
      "Failed probes in a row before the container is restarted (liveness) or taken out"
          + " of the Service (readiness).")
  @Min(1)
  @Max(1000)
  private Integer failureThreshold;

  @JsonPropertyDescription("Failed startup probes (periodSeconds apart) tolerated while a container starts.")
  @Min(1)
  @Max(1000)
  private Integer startupFailureThreshold;

  public Integer getInitialDelaySeconds() {
    return initialDelaySeconds;
  }

  public void setInitialDelaySeconds(Integer initialDelaySeconds) {
    this.initialDelaySeconds = initialDelaySeconds;
  }

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }

  public Integer getStartupFailureThreshold() {
    return startupFailureThreshold;
  }

  public void setStartupFailureThreshold(Integer startupFailureThreshold) {
    this.startupFailureThreshold = startupFailureThreshold;
  }
}
