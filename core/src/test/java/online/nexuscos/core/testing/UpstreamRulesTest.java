package online.nexuscos.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** The property tests' stand-in for the API server must itself catch what the API server refuses. */
class UpstreamRulesTest {

  private final NexusPlatform platform = Platforms.small("rules");
  private final List<HasMetadata> objects = PlatformRenderer.render(PlatformResolver.resolve(platform));

  private Deployment deployment() {
    return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
  }

  @Test
  void theRenderedSmallPlatformKeepsEveryRule() {
    assertThat(UpstreamRules.violations(objects, platform)).isEmpty();
  }

  @Test
  void aLabelValueOver63IsCaught() {
    deployment().getMetadata().getLabels().put("tier", "x".repeat(64));
    assertThat(UpstreamRules.violations(objects, platform)).singleElement().asString().contains("metadata.labels value tier=");
  }

  @Test
  void aRequestAboveItsLimitIsCaught() {
    var resources = deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    resources.getRequests().put("cpu", new Quantity("64"));
    assertThat(UpstreamRules.violations(objects, platform)).singleElement().asString().contains("cpu request 64 above limit");
  }

  @Test
  void aSelectorThatMissesTheTemplateIsCaught() {
    deployment().getSpec().getTemplate().getMetadata().getLabels().clear();
    assertThat(UpstreamRules.violations(objects, platform)).anyMatch(v -> v.contains("does not select the template"));
  }
}
