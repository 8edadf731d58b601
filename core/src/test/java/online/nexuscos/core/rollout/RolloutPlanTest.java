package online.nexuscos.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.Platforms;
import org.junit.jupiter.api.Test;

/** Dependency order: who waits, and in which order Deployments are written. */
class RolloutPlanTest {

  private final ResolvedPlatform platform = PlatformResolver.resolve(Platforms.example("nexus-cos.yaml"));
  private final List<HasMetadata> desired = PlatformRenderer.render(platform);

  private Map<String, ServiceProgress> progress(List<String> done) {
    Map<String, ServiceProgress> map = new HashMap<>();
    platform.services().forEach(s -> map.put(s.name(),
        new ServiceProgress(s.name(), done.contains(s.name()), done.contains(s.name()), null)));
    return map;
  }

  private static List<String> deployments(List<HasMetadata> objects) {
    return objects.stream().filter(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT)
        .map(o -> o.getMetadata().getName()).toList();
  }

  @Test
  void dependencyOrderPutsEveryServiceAfterItsDependencies() {
    List<String> order = RolloutPlan.dependencyOrder(platform);
    assertThat(order).hasSize(22);
    platform.services().forEach(s -> s.dependsOn().forEach(dep ->
        assertThat(order.indexOf(dep)).as(dep + " before " + s.name()).isLessThan(order.indexOf(s.name()))));
  }

  @Test
  void servicesWaitForTheirDependenciesAtTheTargetRevision() {
    RolloutPlan.Plan first = RolloutPlan.plan(desired, platform, progress(List.of()), true, false);
    assertThat(deployments(first.objects())).contains("token-mgr", "user-auth", "ledger-mgr", "puaboai-sdk")
        .doesNotContain("backend-api", "auth-service", "billing-service");
    assertThat(first.waiting()).contains("backend-api", "auth-service", "session-mgr");
    assertThat(first.objects()).as("non-workloads are not held")
        .anyMatch(o -> ChildKind.of(o) == ChildKind.NAMESPACE);

    RolloutPlan.Plan next = RolloutPlan.plan(desired, platform, progress(List.of("token-mgr", "user-auth")), true, false);
    assertThat(deployments(next.objects())).contains("auth-service", "session-mgr").doesNotContain("backend-api");

    RolloutPlan.Plan parallel = RolloutPlan.plan(desired, platform, progress(List.of()), false, false);
    assertThat(deployments(parallel.objects())).hasSize(22);
    assertThat(parallel.waiting()).isEmpty();
  }

  @Test
  void rollbackWritesDependentsFirst() {
    List<String> forward = deployments(RolloutPlan.plan(desired, platform, progress(List.of()), false, false).objects());
    List<String> back = deployments(RolloutPlan.plan(desired, platform, progress(List.of()), false, true).objects());
    assertThat(forward.indexOf("token-mgr")).isLessThan(forward.indexOf("backend-api"));
    assertThat(back.indexOf("backend-api")).isLessThan(back.indexOf("auth-service"));
    assertThat(back.indexOf("auth-service")).isLessThan(back.indexOf("token-mgr"));
  }
}
