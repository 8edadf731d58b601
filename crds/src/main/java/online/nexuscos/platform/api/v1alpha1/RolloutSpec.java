package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** How new versions reach the Deployments. Automatic rollback and revision history arrive with the rollout feature (see docs/api.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {

  @JsonPropertyDescription(
      "Seconds a Deployment may take to make progress before it reports "
          + "ProgressDeadlineExceeded (default 600).")
  @Min(1)
  private Integer progressDeadlineSeconds;

  @JsonPropertyDescription(
      "Pods of a service that may be unavailable during a rolling update: a number or a"
          + " percentage (default 25%).")
  @Pattern(ApiPatterns.INT_OR_PERCENT)
  private String maxUnavailable;

  @JsonPropertyDescription("Extra pods a rolling update may create: a number or a percentage (default 25%).")
  @Pattern(ApiPatterns.INT_OR_PERCENT)
  private String maxSurge;

  public Integer getProgressDeadlineSeconds() {
    return progressDeadlineSeconds;
  }

  public void setProgressDeadlineSeconds(Integer progressDeadlineSeconds) {
    this.progressDeadlineSeconds = progressDeadlineSeconds;
  }

  public String getMaxUnavailable() {
    return maxUnavailable;
  }

  public void setMaxUnavailable(String maxUnavailable) {
    this.maxUnavailable = maxUnavailable;
  }

  public String getMaxSurge() {
    return maxSurge;
  }

  public void setMaxSurge(String maxSurge) {
    this.maxSurge = maxSurge;
  }
}
