package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Namespace isolation: NetworkPolicies rendered per namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkPolicySpec {

  @JsonPropertyDescription(
      "Whether NetworkPolicies are created (default true): default-deny ingress, then "
          + "explicit allows.")
  @Default("true")
  private Boolean enabled;

  @JsonPropertyDescription(
      "Namespace whose pods may call services marked gateway: true (default nexus-"
          + "platform).")
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String gatewayNamespace;

  @JsonPropertyDescription("Namespace allowed to scrape every pod's metrics port (default monitoring).")
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String monitoringNamespace;

  @JsonPropertyDescription("Outbound policy; egress is open unless restrict is true.")
  private EgressSpec egress;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getGatewayNamespace() {
    return gatewayNamespace;
  }

  public void setGatewayNamespace(String gatewayNamespace) {
    this.gatewayNamespace = gatewayNamespace;
  }

  public String getMonitoringNamespace() {
    return monitoringNamespace;
  }

  public void setMonitoringNamespace(String monitoringNamespace) {
    this.monitoringNamespace = monitoringNamespace;
  }

  public EgressSpec getEgress() {
    return egress;
  }

  public void setEgress(EgressSpec egress) {
    this.egress = egress;
  }
}
