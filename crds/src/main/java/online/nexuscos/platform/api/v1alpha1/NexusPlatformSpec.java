package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The desired Nexus COS platform: namespaces, modules, services and the policies around them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NexusPlatformSpec {

  @JsonPropertyDescription("Platform version; the default image tag of every service.")
  @Required
  @Pattern(ApiPatterns.IMAGE_TAG)
  @Size(max = 128)
  private String version;

  @JsonPropertyDescription("Registry and path prefix of the service images, e.g. ghcr.io/nexus-cos.")
  @Required
  @Pattern(ApiPatterns.IMAGE_REGISTRY)
  @Size(max = 200)
  private String imageRegistry;

  @JsonPropertyDescription("Secrets (present in every platform namespace) used to pull images.")
  @Size(max = 16)
  private List<String> imagePullSecrets;

  @JsonPropertyDescription(
      "While true the operator writes nothing to the platform's objects (it still "
          + "reports status).")
  private Boolean paused;

  @JsonPropertyDescription(
      "What deleting this resource does: Retain (default) leaves everything running, "
          + "unmanaged; Delete removes everything the platform created.")
  @Default("Retain")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("The platform's namespaces.")
  @Required
  @Size(min = 1, max = 100)
  private List<NamespaceSpec> namespaces;

  @JsonPropertyDescription("Defaults for every service.")
  private ServiceDefaults defaults;

  @JsonPropertyDescription("Named groups of services that can be switched off as a whole.")
  @Size(max = 100)
  private List<ModuleSpec> modules;

  @JsonPropertyDescription("The platform's microservices.")
  @Required
  @Size(min = 1, max = 1000)
  private List<ServiceSpec> services;

  @JsonPropertyDescription("Namespace isolation policy.")
  private NetworkPolicySpec networkPolicy;

  @JsonPropertyDescription("Rolling update settings.")
  private RolloutSpec rollout;

  @JsonPropertyDescription("Set (to a new value, e.g. the current time) to restart every service, as kubectl rollout restart does; nexusctl restart sets it.")
  @Size(max = 64)
  private String restartedAt;

  @JsonPropertyDescription("Sites (placement and data store endpoints) and failover between them; see docs/failover.md.")
  private FailoverSpec failover;

  @JsonPropertyDescription("Prometheus Operator objects (PodMonitors, a PrometheusRule with the SLO alerts); see docs/observability.md.")
  private MonitoringSpec monitoring;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getImageRegistry() {
    return imageRegistry;
  }

  public void setImageRegistry(String imageRegistry) {
    this.imageRegistry = imageRegistry;
  }

  public List<String> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<String> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public List<NamespaceSpec> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<NamespaceSpec> namespaces) {
    this.namespaces = namespaces;
  }

  public ServiceDefaults getDefaults() {
    return defaults;
  }

  public void setDefaults(ServiceDefaults defaults) {
    this.defaults = defaults;
  }

  public List<ModuleSpec> getModules() {
    return modules;
  }

  public void setModules(List<ModuleSpec> modules) {
    this.modules = modules;
  }

  public List<ServiceSpec> getServices() {
    return services;
  }

  public void setServices(List<ServiceSpec> services) {
    this.services = services;
  }

  public NetworkPolicySpec getNetworkPolicy() {
    return networkPolicy;
  }

  public void setNetworkPolicy(NetworkPolicySpec networkPolicy) {
    this.networkPolicy = networkPolicy;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }

  public String getRestartedAt() {
    return restartedAt;
  }

  public void setRestartedAt(String restartedAt) {
    this.restartedAt = restartedAt;
  }

  public FailoverSpec getFailover() {
    return failover;
  }

  public void setFailover(FailoverSpec failover) {
    this.failover = failover;
  }

  public MonitoringSpec getMonitoring() {
    return monitoring;
  }

  public void setMonitoring(MonitoringSpec monitoring) {
    this.monitoring = monitoring;
  }
}
