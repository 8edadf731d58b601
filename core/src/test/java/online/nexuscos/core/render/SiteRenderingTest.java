package online.nexuscos.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** Placement, endpoints and fencing, as rendered for a site. */
class SiteRenderingTest {

  private final NexusPlatform platform = Platforms.example("nexus-cos.yaml");

  private static Deployment deployment(List<HasMetadata> objects, String name) {
    return (Deployment) objects.stream().filter(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT
        && o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void podsArePlacedOnTheSiteAndLoadItsEndpoints() {
    List<HasMetadata> onSecondary = PlatformRenderer.render(PlatformResolver.resolve(platform, "secondary", false));
    Deployment d = deployment(onSecondary, "billing-service");
    var pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsEntry("topology.kubernetes.io/zone", "zone-b");
    assertThat(pod.getContainers().get(0).getEnvFrom()).anySatisfy(e ->
        assertThat(e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName()).isEqualTo(Names.SITE_ENDPOINTS_CONFIG_MAP));
    assertThat(pod.getContainers().get(0).getEnvFrom()).anySatisfy(e -> {
      assertThat(e.getPrefix()).isEqualTo("POSTGRES_");
      assertThat(e.getSecretRef().getName()).isEqualTo("postgres-secondary");
    });
    var endpoints = onSecondary.stream().filter(o -> o.getMetadata().getName().equals(Names.SITE_ENDPOINTS_CONFIG_MAP)).toList();
    assertThat(endpoints).hasSize(9);
    assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) endpoints.get(0)).getData())
        .containsEntry("NEXUS_ACTIVE_SITE", "secondary").containsEntry("REDIS_PORT", "6379");
  }

  @Test
  void aSiteSwitchChangesEveryPodTemplateButNotTheRevisionHash() {
    var onPrimary = PlatformRenderer.render(PlatformResolver.resolve(platform, "primary", false));
    var onSecondary = PlatformRenderer.render(PlatformResolver.resolve(platform, "secondary", false));
    assertThat(deployment(onPrimary, "kei-ai").getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.ENDPOINTS_CHECKSUM))
        .isNotEqualTo(deployment(onSecondary, "kei-ai").getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.ENDPOINTS_CHECKSUM));
    var neutral = PlatformRenderer.render(PlatformResolver.resolve(platform, null, false));
    assertThat(deployment(neutral, "kei-ai").getSpec().getTemplate().getSpec().getNodeSelector()).isNullOrEmpty();
    assertThat(Fingerprint.workload(neutral)).isNotEqualTo(Fingerprint.workload(onPrimary));
  }

  @Test
  void fencedPlatformScalesEverythingToZeroWithoutHpas() {
    var fenced = PlatformRenderer.render(PlatformResolver.resolve(platform, "primary", true));
    assertThat(fenced.stream().filter(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT))
        .hasSize(22).allSatisfy(o -> {
          assertThat(((Deployment) o).getSpec().getReplicas()).isZero();
          assertThat(o.getMetadata().getAnnotations()).doesNotContainKey(Labels.REPLICAS_OWNER);
        });
    assertThat(fenced).noneMatch(o -> ChildKind.of(o) == ChildKind.HPA);
  }
}
