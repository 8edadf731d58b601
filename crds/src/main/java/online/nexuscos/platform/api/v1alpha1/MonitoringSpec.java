package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Operator objects for the platform: a PodMonitor per namespace scraping the services'
 * /metrics, and a PrometheusRule with the SLO burn-rate and platform alerts (docs/observability.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonitoringSpec {

  @JsonPropertyDescription("Create the PodMonitors and the PrometheusRule (default false). Needs the monitoring.coreos.com"
      + " CRDs; without them the Monitoring condition says so and nothing else is affected.")
  @Default("false")
  private Boolean enabled;

  @JsonPropertyDescription("Scrape interval of the services' /metrics, a Prometheus duration (default 30s).")
  @Pattern("^[0-9]{1,4}(ms|s|m)$")
  @Default("30s")
  private String interval;

  @JsonPropertyDescription("Namespaces whose services are held to the streaming SLO (99.99% availability);"
      + " the others to the API SLO (99.95%).")
  @Size(max = 32)
  private List<@Pattern(ApiPatterns.DNS_LABEL) String> streamingNamespaces;

  @JsonPropertyDescription("Extra labels on the PodMonitors and the PrometheusRule, e.g. the one your Prometheus selects"
      + " them by (release: kube-prometheus-stack).")
  @Size(max = 16)
  private Map<String, String> labels;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public List<String> getStreamingNamespaces() {
    return streamingNamespaces;
  }

  public void setStreamingNamespaces(List<String> streamingNamespaces) {
    this.streamingNamespaces = streamingNamespaces;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }
}
