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

  @JsonPropertyDescription("Manual, Automatic or Failback.")
  private String trigger;

  @JsonPropertyDescription("Why.")
  private String reason;

  @JsonPropertyDescription("When it started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When it finished (RFC 3339).")
  private String finishedAt;

  @JsonPropertyDescription("InProgress, Succeeded or Failed.")
  private String outcome;

  @JsonPropertyDescription(
      "While in progress: Fencing (scaling every service to zero on the old site) or "
          + "Starting (bringing services up on the new site in dependency order).")
  private String step;

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

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
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

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }
}
