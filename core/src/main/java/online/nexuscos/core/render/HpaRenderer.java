package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;

/**
 * Renders an autoscaling/v2 HorizontalPodAutoscaler for a service that has autoscaling on (none
 * while the platform is fenced, or it would scale the service back up).
 */
public final class HpaRenderer {

  private HpaRenderer() {}

  public static Optional<HorizontalPodAutoscaler> render(ResolvedPlatform platform, ResolvedService s) {
    ResolvedService.Autoscaling a = s.autoscaling();
    if (!a.enabled() || platform.fenced()) {
      return Optional.empty();
    }
    List<MetricSpec> metrics = new ArrayList<>();
    metrics.add(resourceMetric("cpu", a.targetCpu()));
    if (a.targetMemory() != null) {
      metrics.add(resourceMetric("memory", a.targetMemory()));
    }
    return Optional.of(
        new HorizontalPodAutoscalerBuilder()
            .withNewMetadata()
            .withName(Names.hpa(s.name()))
            .withNamespace(s.namespace())
            .withLabels(DeploymentRenderer.serviceLabels(platform, s))
            .endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(Names.deployment(s.name()))
            .endScaleTargetRef()
            .withMinReplicas(a.minReplicas())
            .withMaxReplicas(a.maxReplicas())
            .withMetrics(metrics)
            .endSpec()
            .build());
  }

  private static MetricSpec resourceMetric(String resource, int averageUtilization) {
    return new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
        .withName(resource)
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(averageUtilization)
        .endTarget()
        .endResource()
        .build();
  }
}
