package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator observed of one service's Deployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceStatus {

  @JsonPropertyDescription("Service name.")
  private String name;

  @JsonPropertyDescription("Namespace.")
  private String namespace;

  @JsonPropertyDescription("Image the Deployment runs.")
  private String image;

  @JsonPropertyDescription("Pending, Progressing, Available, Failed or Conflict.")
  private ServiceState state;

  @JsonPropertyDescription("Replicas the Deployment wants.")
  private Integer desiredReplicas;

  @JsonPropertyDescription("Replicas passing their readiness probe.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Replicas available for at least minReadySeconds.")
  private Integer availableReplicas;

  @JsonPropertyDescription("Why the service is not Available, when it is not.")
  private String message;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ServiceState getState() {
    return state;
  }

  public void setState(ServiceState state) {
    this.state = state;
  }

  public Integer getDesiredReplicas() {
    return desiredReplicas;
  }

  public void setDesiredReplicas(Integer desiredReplicas) {
    this.desiredReplicas = desiredReplicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Integer getAvailableReplicas() {
    return availableReplicas;
  }

  public void setAvailableReplicas(Integer availableReplicas) {
    this.availableReplicas = availableReplicas;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
