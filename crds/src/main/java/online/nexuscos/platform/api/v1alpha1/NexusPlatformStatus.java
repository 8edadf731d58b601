package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did; written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NexusPlatformStatus {

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("One-word summary: Pending, Progressing, Ready, Degraded, Paused or Invalid.")
  private Phase phase;

  @JsonPropertyDescription("Kubernetes-style conditions: Ready, Progressing, Degraded, InvalidSpec, Paused, RolledBack, FailedOver.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Available services out of enabled services, as n/m.")
  private String servicesReady;

  @JsonPropertyDescription("Enabled services that are available.")
  private Integer readyServices;

  @JsonPropertyDescription("Enabled services.")
  private Integer desiredServices;

  @JsonPropertyDescription(
      "Number of the current rendered workload state; it grows by one whenever the "
          + "workloads change.")
  private Integer currentRevision;

  @JsonPropertyDescription("Hash of the rendered workload state of currentRevision.")
  private String currentRevisionHash;

  @JsonPropertyDescription("Per-service state, sorted by namespace and name.")
  private List<ServiceStatus> services;

  @JsonPropertyDescription("The last revision that became fully available.")
  private Integer stableRevision;

  @JsonPropertyDescription("Hash of the rendered workload state of stableRevision.")
  private String stableRevisionHash;

  @JsonPropertyDescription("The revision that failed and was rolled back; it is not retried until the spec changes.")
  private Integer failedRevision;

  @JsonPropertyDescription("Hash of failedRevision.")
  private String failedRevisionHash;

  @JsonPropertyDescription("When the rollout of currentRevision started (RFC 3339); unset once it is stable or rolled back.")
  private String rolloutStartedAt;

  @JsonPropertyDescription("Services available at currentRevision during a rollout.")
  private List<String> updatedServices;

  @JsonPropertyDescription("Active site and failovers.")
  private FailoverStatus failover;

  @JsonPropertyDescription("The operator's verdict on the last one-shot request (rollback, failover, failback).")
  private RequestStatus lastRequest;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getServicesReady() {
    return servicesReady;
  }

  public void setServicesReady(String servicesReady) {
    this.servicesReady = servicesReady;
  }

  public Integer getReadyServices() {
    return readyServices;
  }

  public void setReadyServices(Integer readyServices) {
    this.readyServices = readyServices;
  }

  public Integer getDesiredServices() {
    return desiredServices;
  }

  public void setDesiredServices(Integer desiredServices) {
    this.desiredServices = desiredServices;
  }

  public Integer getCurrentRevision() {
    return currentRevision;
  }

  public void setCurrentRevision(Integer currentRevision) {
    this.currentRevision = currentRevision;
  }

  public String getCurrentRevisionHash() {
    return currentRevisionHash;
  }

  public void setCurrentRevisionHash(String currentRevisionHash) {
    this.currentRevisionHash = currentRevisionHash;
  }

  public List<ServiceStatus> getServices() {
    return services;
  }

  public void setServices(List<ServiceStatus> services) {
    this.services = services;
  }

  public Integer getStableRevision() {
    return stableRevision;
  }

  public void setStableRevision(Integer stableRevision) {
    this.stableRevision = stableRevision;
  }

  public String getStableRevisionHash() {
    return stableRevisionHash;
  }

  public void setStableRevisionHash(String stableRevisionHash) {
    this.stableRevisionHash = stableRevisionHash;
  }

  public Integer getFailedRevision() {
    return failedRevision;
  }

  public void setFailedRevision(Integer failedRevision) {
    this.failedRevision = failedRevision;
  }

  public String getFailedRevisionHash() {
    return failedRevisionHash;
  }

  public void setFailedRevisionHash(String failedRevisionHash) {
    this.failedRevisionHash = failedRevisionHash;
  }

  public String getRolloutStartedAt() {
    return rolloutStartedAt;
  }

  public void setRolloutStartedAt(String rolloutStartedAt) {
    this.rolloutStartedAt = rolloutStartedAt;
  }

  public List<String> getUpdatedServices() {
    return updatedServices;
  }

  public void setUpdatedServices(List<String> updatedServices) {
    this.updatedServices = updatedServices;
  }

  public FailoverStatus getFailover() {
    return failover;
  }

  public void setFailover(FailoverStatus failover) {
    this.failover = failover;
  }

  public RequestStatus getLastRequest() {
    return lastRequest;
  }

  public void setLastRequest(RequestStatus lastRequest) {
    this.lastRequest = lastRequest;
  }
}
