package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One failover, as recorded in the status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverRecord {

  @JsonPropertyDescription("Site left.")
  private String from;

  @JsonPropertyDescription("Site chosen.")
  private String to;

  @JsonPropertyDescription("What started it: Manual, Automatic or Failback.")
  private FailoverTrigger trigger;

  @JsonPropertyDescription("Why.")
  private String reason;

  @JsonPropertyDescription("When it started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription(
      "When fencing ended and the services started on the new site (RFC 3339); the start deadline "
          + "(spec.rollout.progressDeadlineSeconds) counts from here.")
  private String fencedAt;

  @JsonPropertyDescription("When it finished (RFC 3339).")
  private String finishedAt;

  @JsonPropertyDescription("InProgress, Succeeded or Failed.")
  private FailoverOutcome outcome;

  @JsonPropertyDescription(
      "While in progress: Fencing (scaling every service to zero on the old site) or "
          + "Starting (bringing services up on the new site in dependency order).")
  private FailoverStage step;

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  @JsonPropertyDescription(
      "True when it went to a site that could not run the critical services, overridden on purpose"
          + " (annotation platform.nexuscos.online/failover-force; its text is in reason).")
  private Boolean forced;

  public String getFencedAt() {
    return fencedAt;
  }

  public void setFencedAt(String fencedAt) {
    this.fencedAt = fencedAt;
  }

  public Boolean getForced() {
    return forced;
  }

  public void setForced(Boolean forced) {
    this.forced = forced;
  }

  public FailoverTrigger getTrigger() {
    return trigger;
  }

  public void setTrigger(FailoverTrigger trigger) {
    this.trigger = trigger;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public FailoverOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(FailoverOutcome outcome) {
    this.outcome = outcome;
  }

  public FailoverStage getStep() {
    return step;
  }

  public void setStep(FailoverStage step) {
    this.step = step;
  }
}
