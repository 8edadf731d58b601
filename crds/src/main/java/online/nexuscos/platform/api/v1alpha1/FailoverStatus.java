package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Where the platform runs and its failovers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverStatus {

  @JsonPropertyDescription(
      "The site the platform runs on (it can differ from spec.failover.activeSite after"
          + " an automatic failover).")
  private String activeSite;

  @JsonPropertyDescription("The spec.failover.activeSite value the operator last acted on.")
  private String acknowledgedSite;

  @JsonPropertyDescription("Since when the active site is unhealthy (RFC 3339), while it is.")
  private String unhealthySince;

  @JsonPropertyDescription("Why the active site is unhealthy, while it is.")
  private String unhealthyReason;

  @JsonPropertyDescription("A requested failover or failback the operator refuses to start: the site it would go to.")
  private String refusedSite;

  @JsonPropertyDescription("Why that site cannot run the critical services now.")
  private SiteProblem refusal;

  @JsonPropertyDescription("What is missing there, and how to override (only when you are sure).")
  private String refusalMessage;

  @JsonPropertyDescription("The failover in progress, if any.")
  private FailoverRecord current;

  @JsonPropertyDescription("Past failovers, newest first, at most spec.failover.historyLimit.")
  private List<FailoverRecord> history;

  public String getRefusedSite() {
    return refusedSite;
  }

  public void setRefusedSite(String refusedSite) {
    this.refusedSite = refusedSite;
  }

  public SiteProblem getRefusal() {
    return refusal;
  }

  public void setRefusal(SiteProblem refusal) {
    this.refusal = refusal;
  }

  public String getRefusalMessage() {
    return refusalMessage;
  }

  public void setRefusalMessage(String refusalMessage) {
    this.refusalMessage = refusalMessage;
  }

  public String getActiveSite() {
    return activeSite;
  }

  public void setActiveSite(String activeSite) {
    this.activeSite = activeSite;
  }

  public String getAcknowledgedSite() {
    return acknowledgedSite;
  }

  public void setAcknowledgedSite(String acknowledgedSite) {
    this.acknowledgedSite = acknowledgedSite;
  }

  public String getUnhealthySince() {
    return unhealthySince;
  }

  public void setUnhealthySince(String unhealthySince) {
    this.unhealthySince = unhealthySince;
  }

  public String getUnhealthyReason() {
    return unhealthyReason;
  }

  public void setUnhealthyReason(String unhealthyReason) {
    this.unhealthyReason = unhealthyReason;
  }

  public FailoverRecord getCurrent() {
    return current;
  }

  public void setCurrent(FailoverRecord current) {
    this.current = current;
  }

  public List<FailoverRecord> getHistory() {
    return history;
  }

  public void setHistory(List<FailoverRecord> history) {
    this.history = history;
  }
}
