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

  @JsonPropertyDescription("Kubernetes-style conditions: Ready, Progressing, Degraded, InvalidSpec, Paused.")
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
}
