package online.nexuscos.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.function.Consumer;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.Platforms;
import org.junit.jupiter.api.Test;

/** Hand-added privilege in a pod template is drift, whatever field it uses; server defaults are not. */
class PodSecurityTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private final Deployment rendered = PlatformRenderer.render(PlatformResolver.resolve(Platforms.small("p"))).stream()
      .filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();

  private java.util.List<String> driftAfter(Consumer<Deployment> edit) {
    Deployment live = JSON.clone(rendered);
    edit.accept(live);
    return PodSecurity.drift(live, rendered);
  }

  @Test
  void theRenderedTemplateAndServerDefaultsAreNoDrift() {
    assertThat(driftAfter(d -> {
      d.getSpec().getTemplate().getSpec().setDnsPolicy("ClusterFirst");
      d.getSpec().getTemplate().getSpec().setHostNetwork(false);
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setTerminationMessagePath("/dev/termination-log");
    })).isEmpty();
  }

  @Test
  void everyKindOfAddedPrivilegeIsDrift() {
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().setHostNetwork(true))).containsExactly("hostNetwork");
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().setServiceAccountName("cluster-admin-sa")))
        .containsExactly("serviceAccountName");
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().setPrivileged(true)))
        .singleElement().asString().endsWith(".securityContext");
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext()
        .setCapabilities(new CapabilitiesBuilder().addToAdd("SYS_ADMIN").addToDrop("ALL").build())))
        .singleElement().asString().endsWith(".securityContext");
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().getVolumes().add(new VolumeBuilder().withName("root")
        .withNewHostPath().withPath("/").endHostPath().build()))).containsExactly("volumes");
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().getContainers().add(new ContainerBuilder()
        .withName("miner").withImage("evil:1").build()))).containsExactly("containers (2 instead of 1)");
    assertThat(driftAfter(d -> d.getSpec().getTemplate().getSpec().setInitContainers(java.util.List.of(new ContainerBuilder()
        .withName("init").withImage("evil:1").build())))).containsExactly("initContainers");
  }
}
