package online.nexuscos.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** Defaults apply field by field: the service's own value, then spec.defaults, then built-ins. */
class PlatformResolverTest {

  @Test
  void serviceValuesWinOverSpecDefaultsWhichWinOverBuiltIns() {
    ResolvedPlatform p = PlatformResolver.resolve(Platforms.example("nexus-cos.yaml"));
    ResolvedService api = p.service("backend-api").orElseThrow();
    assertThat(api.autoscaling().minReplicas()).as("own").isEqualTo(3);
    assertThat(api.autoscaling().maxReplicas()).as("own").isEqualTo(10);
    assertThat(api.autoscaling().targetCpu()).as("spec.defaults").isEqualTo(70);
    assertThat(api.replicas()).as("HPA minimum").isEqualTo(3);
    ResolvedService ledger = p.service("ledger-mgr").orElseThrow();
    assertThat(ledger.resources().requestCpu()).isEqualTo("250m");
    assertThat(p.service("kei-ai").orElseThrow().resources().requestCpu()).isEqualTo("100m");
    assertThat(api.image()).isEqualTo("ghcr.io/nexus-cos/backend-api:2025.10.11");
  }

  @Test
  void builtInsFillAnEmptySpec() {
    ResolvedPlatform p = PlatformResolver.resolve(Platforms.example("minimal.yaml"));
    ResolvedService s = p.services().get(0);
    assertThat(p.deletionPolicy()).isEqualTo(DeletionPolicy.Retain);
    assertThat(s.replicas()).isEqualTo(1);
    assertThat(s.autoscaling().enabled()).isFalse();
    assertThat(s.disruption()).isEqualTo(new ResolvedService.Disruption(true, null, 1));
    assertThat(s.probes()).isEqualTo(PlatformResolver.DEFAULT_PROBES);
    assertThat(p.network().enabled()).isTrue();
    assertThat(p.network().gatewayNamespace()).isEqualTo("nexus-platform");
    assertThat(p.rollout().progressDeadlineSeconds()).isEqualTo(600);
  }

  @Test
  void disabledModulesServicesAreLeftOutAndImageOverridesApply() {
    NexusPlatform platform = Platforms.small("r");
    platform.getSpec().getServices().get(0).setImage("docker.io/acme/api");
    platform.getSpec().getServices().get(0).setTag("7");
    platform.getSpec().getModules().get(0).setEnabled(false);
    ResolvedPlatform p = PlatformResolver.resolve(platform);
    assertThat(p.services()).extracting(ResolvedService::name).containsExactly("backend-api");
    assertThat(p.services().get(0).image()).isEqualTo("docker.io/acme/api:7");
  }
}
