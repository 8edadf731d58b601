package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** How new revisions reach the services, how failed ones are rolled back, and how much history is kept. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {

  @JsonPropertyDescription(
      "Seconds a Deployment may take to make progress before it reports "
          + "ProgressDeadlineExceeded (default 600).")
  @Min(1)
  @Max(86400)
  private Integer progressDeadlineSeconds;

  @JsonPropertyDescription(
      "Pods of a service that may be unavailable during a rolling update: a number or a"
          + " percentage (default 25%).")
  @Pattern(ApiPatterns.INT_OR_PERCENT)
  private String maxUnavailable;

  @JsonPropertyDescription("Extra pods a rolling update may create: a number or a percentage (default 25%).")
  @Pattern(ApiPatterns.INT_OR_PERCENT)
  private String maxSurge;

  @JsonPropertyDescription("Roll a failed revision back to the last stable one automatically (default true).")
  private Boolean autoRollback;

  @JsonPropertyDescription("dependencies (default): a service is updated only once the services it dependsOn are available at the new revision; parallel: all at once.")
  private RolloutOrder order;

  @JsonPropertyDescription("Platform revisions (ControllerRevisions) to keep, besides the current and the stable one (default 10).")
  @Min(1)
  @Max(100)
  private Integer revisionHistoryLimit;

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

  public Boolean getAutoRollback() {
    return autoRollback;
  }

  public void setAutoRollback(Boolean autoRollback) {
    this.autoRollback = autoRollback;
  }

  public RolloutOrder getOrder() {
    return order;
  }

  public void setOrder(RolloutOrder order) {
    this.order = order;
  }

  public Integer getRevisionHistoryLimit() {
    return revisionHistoryLimit;
  }

  public void setRevisionHistoryLimit(Integer revisionHistoryLimit) {
    this.revisionHistoryLimit = revisionHistoryLimit;
  }
}
