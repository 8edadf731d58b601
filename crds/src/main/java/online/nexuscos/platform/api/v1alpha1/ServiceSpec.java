package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** One microservice of the platform: a Deployment, a Service, and optionally an HPA and a PodDisruptionBudget. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSpec {

  @JsonPropertyDescription(
      "Service name (DNS-1123 label), unique in the platform; names the Deployment, "
          + "Service, HPA and PDB.")
  @Required
  @Pattern(ApiPatterns.DNS_1035_LABEL)
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("Namespace the service runs in; must be listed in spec.namespaces.")
  @Required
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String namespace;

  @JsonPropertyDescription("Module the service belongs to (listed in spec.modules). Unset means always on.")
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String module;

  @JsonPropertyDescription("Image repository without tag. Default: <spec.imageRegistry>/<name>.")
  @Pattern(ApiPatterns.IMAGE_REPOSITORY)
  @Size(max = 255)
  private String image;

  @JsonPropertyDescription("Image tag. Default: spec.version.")
  @Pattern(ApiPatterns.IMAGE_TAG)
  @Size(max = 128)
  private String tag;

  @JsonPropertyDescription("The port the service listens on; it also serves /health* and /metrics.")
  @Required
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("Replicas when autoscaling is off. Default: spec.defaults.replicas.")
  @Min(0)
  @Max(10000)
  private Integer replicas;

  @JsonPropertyDescription("Environment variables.")
  @Size(max = 200)
  private List<EnvVarSpec> env;

  @JsonPropertyDescription(
      "Secrets (in the service's namespace) whose every key becomes an environment "
          + "variable.")
  @Size(max = 32)
  private List<String> envFromSecrets;

  @JsonPropertyDescription("Requests and limits; unset fields come from spec.defaults.resources.")
  private ResourcesSpec resources;

  @JsonPropertyDescription("Probe timing; unset fields come from spec.defaults.probes.")
  private ProbesSpec probes;

  @JsonPropertyDescription("Autoscaling; unset fields come from spec.defaults.autoscaling.")
  private AutoscalingSpec autoscaling;

  @JsonPropertyDescription("Disruption budget; unset fields come from spec.defaults.podDisruptionBudget.")
  private PodDisruptionBudgetSpec podDisruptionBudget;

  @JsonPropertyDescription(
      "Services this one calls. Network policies allow these edges across namespaces; "
          + "rollouts can follow this order.")
  @Size(max = 100)
  private List<String> dependsOn;

  @JsonPropertyDescription(
      "Whether the API gateway namespace (spec.networkPolicy.gatewayNamespace) may call"
          + " this service.")
  private Boolean gateway;

  @JsonPropertyDescription("Whether the platform counts as unavailable while this service is.")
  private Boolean critical;

  @JsonPropertyDescription("Set (to a new value, e.g. the current time) to restart this service only, as kubectl rollout restart does.")
  @Size(max = 64)
  private String restartedAt;

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

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public List<EnvVarSpec> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVarSpec> env) {
    this.env = env;
  }

  public List<String> getEnvFromSecrets() {
    return envFromSecrets;
  }

  public void setEnvFromSecrets(List<String> envFromSecrets) {
    this.envFromSecrets = envFromSecrets;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }

  public ProbesSpec getProbes() {
    return probes;
  }

  public void setProbes(ProbesSpec probes) {
    this.probes = probes;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public PodDisruptionBudgetSpec getPodDisruptionBudget() {
    return podDisruptionBudget;
  }

  public void setPodDisruptionBudget(PodDisruptionBudgetSpec podDisruptionBudget) {
    this.podDisruptionBudget = podDisruptionBudget;
  }

  public List<String> getDependsOn() {
    return dependsOn;
  }

  public void setDependsOn(List<String> dependsOn) {
    this.dependsOn = dependsOn;
  }

  public Boolean getGateway() {
    return gateway;
  }

  public void setGateway(Boolean gateway) {
    this.gateway = gateway;
  }

  public Boolean getCritical() {
    return critical;
  }

  public void setCritical(Boolean critical) {
    this.critical = critical;
  }

  public String getRestartedAt() {
    return restartedAt;
  }

  public void setRestartedAt(String restartedAt) {
    this.restartedAt = restartedAt;
  }
}
