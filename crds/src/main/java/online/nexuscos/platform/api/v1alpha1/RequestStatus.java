package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The operator's verdict on the last one-shot request (rollback, failover, failback), so that
 * whoever asked (nexusctl --wait, a pipeline) learns whether it was acted on without reading Events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RequestStatus {

  @JsonPropertyDescription("The value of the platform.nexuscos.online/request-id annotation set with the request"
      + " (nexusctl sets one); empty when the request carried none.")
  private String id;

  @JsonPropertyDescription("The request: Rollback, Failover or Failback.")
  private RequestKind kind;

  @JsonPropertyDescription("Accepted (acted on) or Refused (nothing was done).")
  private RequestVerdict verdict;

  @JsonPropertyDescription("Why, in one word.")
  private RequestReason reason;

  @JsonPropertyDescription("What was done, or why not and what to do instead.")
  private String message;

  @JsonPropertyDescription("When the operator answered (RFC 3339).")
  private String answeredAt;

  public RequestStatus() {}

  public RequestStatus(String id, RequestKind kind, RequestVerdict verdict, RequestReason reason, String message,
      String answeredAt) {
    this.id = id;
    this.kind = kind;
    this.verdict = verdict;
    this.reason = reason;
    this.message = message;
    this.answeredAt = answeredAt;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public RequestKind getKind() {
    return kind;
  }

  public void setKind(RequestKind kind) {
    this.kind = kind;
  }

  public RequestVerdict getVerdict() {
    return verdict;
  }

  public void setVerdict(RequestVerdict verdict) {
    this.verdict = verdict;
  }

  public RequestReason getReason() {
    return reason;
  }

  public void setReason(RequestReason reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getAnsweredAt() {
    return answeredAt;
  }

  public void setAnsweredAt(String answeredAt) {
    this.answeredAt = answeredAt;
  }
}
