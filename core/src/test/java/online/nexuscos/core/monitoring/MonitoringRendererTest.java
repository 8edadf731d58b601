package online.nexuscos.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.MonitoringSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

class MonitoringRendererTest {

  private static MonitoringSpec enabled(List<String> streaming) {
    MonitoringSpec spec = new MonitoringSpec();
    spec.setEnabled(true);
    spec.setStreamingNamespaces(streaming);
    spec.setLabels(Map.of("release", "kube-prometheus-stack"));
    return spec;
  }

  @Test
  void aPodMonitorPerNamespaceWithItsServicePortsAndOneRuleWithThePlatformsName() {
    NexusPlatform platform = Platforms.example("nexus-cos.yaml");
    var resolved = PlatformResolver.resolve(platform);
    List<GenericKubernetesResource> objects = MonitoringRenderer.render(resolved, enabled(List.of("nexus-content")));

    long namespacesWithServices = resolved.services().stream().map(s -> s.namespace()).distinct().count();
    List<GenericKubernetesResource> monitors = objects.stream().filter(o -> o.getKind().equals("PodMonitor")).toList();
    assertThat(monitors).hasSize((int) namespacesWithServices);
    GenericKubernetesResource content = monitors.stream().filter(m -> m.getMetadata().getNamespace().equals("nexus-content"))
        .findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    var endpoints = (List<Map<String, Object>>) ((Map<String, Object>) content.getAdditionalProperties().get("spec"))
        .get("podMetricsEndpoints");
    assertThat(endpoints.stream().map(e -> e.get("portNumber")).toList()).containsExactlyElementsOf(resolved.services()
        .stream().filter(s -> s.namespace().equals("nexus-content")).map(s -> s.port()).distinct().sorted().toList());
    assertThat(endpoints.get(0)).containsEntry("interval", "30s").containsEntry("path", "/metrics");
    assertThat(content.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack")
        .containsEntry(Labels.INSTANCE, "nexus-cos").containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    assertThat(content.getMetadata().getAnnotations()).containsKey(Labels.DESIRED_HASH);

    GenericKubernetesResource rule = objects.stream().filter(o -> o.getKind().equals("PrometheusRule")).findFirst().orElseThrow();
    assertThat(rule.getMetadata().getNamespace()).isEqualTo(resolved.namespaces().get(0).name());
    String ruleText = rule.getAdditionalProperties().get("spec").toString();
    assertThat(ruleText).contains("groups").contains("platform=\"nexus-cos\"").contains("nexus-content")
        .doesNotContain(MonitoringRules.PLATFORM).doesNotContain(MonitoringRules.STREAMING_NAMESPACES);
  }

  @Test
  void disabledOrAbsentRendersNothingAndTheSameSpecTheSameHash() {
    var resolved = PlatformResolver.resolve(Platforms.small("s"));
    assertThat(MonitoringRenderer.render(resolved, null)).isEmpty();
    MonitoringSpec off = enabled(List.of());
    off.setEnabled(false);
    assertThat(MonitoringRenderer.render(resolved, off)).isEmpty();
    var a = MonitoringRenderer.render(resolved, enabled(List.of()));
    var b = MonitoringRenderer.render(resolved, enabled(List.of()));
    assertThat(a).extracting(o -> o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH))
        .isEqualTo(b.stream().map(o -> o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH)).toList());
    assertThat(a.stream().filter(o -> o.getKind().equals("PrometheusRule")).findFirst().orElseThrow()
        .getAdditionalProperties().get("spec").toString()).contains(MonitoringRules.NONE);
  }
}
