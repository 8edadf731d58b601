package online.nexuscos.core.monitoring;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.core.render.Fingerprint;
import online.nexuscos.platform.api.v1alpha1.MonitoringSpec;

/**
 * The Prometheus Operator objects of a platform with spec.monitoring enabled: one PodMonitor per
 * namespace with services (an endpoint per service port, series labelled {@code nexus_platform}
 * and {@code service}), and one PrometheusRule, in the platform's first namespace, holding
 * {@link MonitoringRules}. Pure; each object carries its desired hash like every child.
 */
public final class MonitoringRenderer {

  public static final String API_VERSION = "monitoring.coreos.com/v1";
  public static final String POD_MONITOR = "PodMonitor";
  public static final String PROMETHEUS_RULE = "PrometheusRule";
  public static final String DEFAULT_INTERVAL = "30s";

  private MonitoringRenderer() {}

  public static List<GenericKubernetesResource> render(ResolvedPlatform platform, MonitoringSpec spec) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    if (spec == null || !Boolean.TRUE.equals(spec.getEnabled())) {
      return objects;
    }
    String interval = spec.getInterval() == null ? DEFAULT_INTERVAL : spec.getInterval();
    for (ResolvedPlatform.Namespace ns : platform.namespaces()) {
      TreeSet<Integer> ports = new TreeSet<>();
      platform.services().stream().filter(s -> s.namespace().equals(ns.name())).map(ResolvedService::port).forEach(ports::add);
      if (ports.isEmpty()) {
        continue;
      }
      List<Map<String, Object>> endpoints = new ArrayList<>();
      for (int port : ports) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("portNumber", port);
        endpoint.put("path", "/metrics");
        endpoint.put("interval", interval);
        endpoint.put("relabelings", List.of(
            relabel("__meta_kubernetes_pod_label_app_kubernetes_io_instance", "nexus_platform"),
            relabel("__meta_kubernetes_pod_label_app_kubernetes_io_name", "service")));
        endpoints.add(endpoint);
      }
      Map<String, Object> podMonitor = new LinkedHashMap<>();
      podMonitor.put("selector", Map.of("matchLabels", Map.of(Labels.INSTANCE, platform.name(),
          Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)));
      podMonitor.put("podMetricsEndpoints", endpoints);
      objects.add(object(platform, spec, POD_MONITOR, platform.name() + "-services", ns.name(), podMonitor));
    }
    if (!platform.namespaces().isEmpty()) {
      String rules = MonitoringRules.forPlatform(platform.name(),
          spec.getStreamingNamespaces() == null ? List.of() : spec.getStreamingNamespaces());
      @SuppressWarnings("unchecked")
      Map<String, Object> ruleSpec = KubeJson.shared().unmarshal(rules, Map.class);
      objects.add(object(platform, spec, PROMETHEUS_RULE, platform.name() + "-slos", platform.namespaces().get(0).name(),
          ruleSpec));
    }
    return objects;
  }

  private static Map<String, Object> relabel(String source, String target) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("sourceLabels", List.of(source));
    r.put("targetLabel", target);
    r.put("action", "replace");
    return r;
  }

  private static GenericKubernetesResource object(ResolvedPlatform platform, MonitoringSpec spec, String kind,
      String name, String namespace, Map<String, Object> body) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (spec.getLabels() != null) {
      labels.putAll(spec.getLabels());
    }
    labels.putAll(Labels.common(platform.name(), "nexus-monitoring", "monitoring"));
    GenericKubernetesResource object = new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION).withKind(kind)
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
        .build();
    object.setAdditionalProperty("spec", body);
    object.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(Labels.DESIRED_HASH, Fingerprint.of(object))));
    return object;
  }
}
