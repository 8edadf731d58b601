package online.nexuscos.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.core.testing.Platforms;
import org.junit.jupiter.api.Test;

/** Each renderer, as a pure function of the resolved spec. */
class RenderersTest {

  private final ResolvedPlatform platform = PlatformResolver.resolve(Platforms.example("nexus-cos.yaml"));
  private final ResolvedService api = platform.service("backend-api").orElseThrow();
  private final ResolvedService auth = platform.service("auth-service").orElseThrow();

  @Test
  void namespaceCarriesUserLabelsOurLabelsAndRestrictedPodSecurity() {
    var ns = NamespaceRenderer.render(platform, platform.namespaces().get(0));
    assertThat(ns.getMetadata().getName()).isEqualTo("nexus-platform");
    assertThat(ns.getMetadata().getLabels())
        .containsEntry("nexuscos.online/tier", "core")
        .containsEntry(Labels.MANAGED_BY, "nexus-operator")
        .containsEntry(Labels.PART_OF, "nexus-cos")
        .containsEntry(Labels.INSTANCE, "nexus-cos")
        .containsEntry(Labels.COMPONENT, Labels.COMPONENT_NAMESPACE)
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void deploymentHasProbesMetricsSecurityResourcesAndSpread() {
    Deployment d = DeploymentRenderer.render(platform, auth);
    var pod = d.getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    assertThat(c.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo(Names.PORT_NAME);
      assertThat(p.getContainerPort()).isEqualTo(3021);
    });
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "3021")
        .containsEntry("prometheus.io/path", "/metrics");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("100m");
    assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("512Mi");
    assertThat(pod.getTopologySpreadConstraints()).extracting(t -> t.getTopologyKey())
        .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Map.of(Labels.NAME, "auth-service", Labels.INSTANCE, "nexus-cos"));
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels())
        .containsEntry(Labels.GATEWAY, "true");
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("JWT_SECRET");
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("nexus-jwt");
    });
    assertThat(c.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo(Names.SETTINGS_CONFIG_MAP);
  }

  @Test
  void autoscaledDeploymentMarksItsReplicasAsOwnedByTheHpa() {
    Deployment d = DeploymentRenderer.render(platform, api);
    assertThat(d.getMetadata().getAnnotations()).containsEntry(Labels.REPLICAS_OWNER, "hpa");
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    var minimal = PlatformResolver.resolve(Platforms.example("minimal.yaml"));
    Deployment fixed = DeploymentRenderer.render(minimal, minimal.services().get(0));
    assertThat(fixed.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(fixed.getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void serviceTargetsTheNamedPort() {
    Service s = ServiceRenderer.render(platform, api);
    assertThat(s.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getPort()).isEqualTo(3000);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo(Names.PORT_NAME);
    });
    assertThat(s.getSpec().getSelector()).isEqualTo(Labels.selector("nexus-cos", "backend-api"));
  }

  @Test
  void settingsConfigMapListsTheUrlsOfTheNamespacesDependencies() {
    var cm = SettingsConfigMapRenderer.render(platform, "nexus-platform");
    assertThat(cm.getData())
        .containsEntry("NEXUS_PLATFORM", "nexus-cos")
        .containsEntry("NEXUS_NAMESPACE", "nexus-platform")
        .containsEntry("AUTH_SERVICE_URL", "http://auth-service.nexus-auth.svc:3021")
        .containsEntry("TOKEN_MGR_URL", "http://token-mgr.nexus-platform.svc:3031")
        .doesNotContainKey("LEDGER_MGR_URL");
  }

  @Test
  void hpaIsAutoscalingV2WithCpuAndMemoryTargets() {
    HorizontalPodAutoscaler hpa = HpaRenderer.render(platform, api).orElseThrow();
    assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("backend-api");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
    assertThat(hpa.getSpec().getMetrics()).extracting(m -> m.getResource().getName() + "=" + m.getResource().getTarget().getAverageUtilization())
        .containsExactly("cpu=70", "memory=80");
    var minimal = PlatformResolver.resolve(Platforms.example("minimal.yaml"));
    assertThat(HpaRenderer.render(minimal, minimal.services().get(0))).isEmpty();
  }

  @Test
  void pdbIsPolicyV1WithOneBound() {
    PodDisruptionBudget pdb = PdbRenderer.render(platform, api).orElseThrow();
    assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getMinAvailable()).isNull();
    assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector("nexus-cos", "backend-api"));
  }

  @Test
  void networkPoliciesIsolateEachNamespaceAndAllowDeclaredTraffic() {
    List<NetworkPolicy> auth = NetworkPolicyRenderer.render(platform, "nexus-auth");
    assertThat(auth).extracting(p -> p.getMetadata().getName()).contains(
        Names.POLICY_DEFAULT_DENY, Names.POLICY_SAME_NAMESPACE, Names.POLICY_MONITORING,
        Names.gatewayPolicy("auth-service"), Names.dependentsPolicy("auth-service"))
        .as("user-auth is only called from its own namespace").doesNotContain(Names.dependentsPolicy("user-auth"));
    NetworkPolicy deny = byName(auth, Names.POLICY_DEFAULT_DENY);
    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(deny.getSpec().getIngress()).isNullOrEmpty();

    NetworkPolicy dependents = byName(auth, Names.dependentsPolicy("auth-service"));
    assertThat(dependents.getSpec().getIngress().get(0).getFrom())
        .extracting(f -> f.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")
            + "/" + f.getPodSelector().getMatchLabels().get(Labels.NAME))
        .containsExactlyInAnyOrder("nexus-platform/backend-api", "nexus-content/content-management",
            "nexus-content/streaming-service-v2", "nexus-finance/puabo-blac-loan-processor",
            "nexus-logistics/puabo-nexus-driver-app-backend");
    assertThat(dependents.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal()).isEqualTo(3021);

    NetworkPolicy monitoring = byName(auth, Names.POLICY_MONITORING);
    assertThat(monitoring.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "monitoring");
    assertThat(monitoring.getSpec().getIngress().get(0).getPorts().get(0).getPort().getStrVal()).isEqualTo(Names.PORT_NAME);

    assertThat(NetworkPolicyRenderer.render(platform, "nexus-platform")).extracting(p -> p.getMetadata().getName())
        .as("the gateway's own namespace needs no gateway policy").noneMatch(n -> n.startsWith("nexus-allow-gateway-"));
  }

  @Test
  void restrictedEgressAddsDnsAndPlatformEgressAndDisabledPolicyRendersNone() {
    var spec = Platforms.example("nexus-cos.yaml");
    spec.getSpec().getNetworkPolicy().getEgress().setRestrict(true);
    spec.getSpec().getNetworkPolicy().getEgress().setAllowedCIDRs(List.of("10.20.0.0/16"));
    List<NetworkPolicy> policies = NetworkPolicyRenderer.render(PlatformResolver.resolve(spec), "nexus-finance");
    assertThat(byName(policies, Names.POLICY_DEFAULT_DENY).getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    NetworkPolicy dns = byName(policies, Names.POLICY_DNS_EGRESS);
    assertThat(dns.getSpec().getEgress().get(0).getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("UDP/53", "TCP/53");
    assertThat(byName(policies, Names.POLICY_PLATFORM_EGRESS).getSpec().getEgress().get(0).getTo())
        .extracting(t -> t.getIpBlock() == null ? null : t.getIpBlock().getCidr()).contains("10.20.0.0/16");

    spec.getSpec().getNetworkPolicy().setEnabled(false);
    assertThat(NetworkPolicyRenderer.render(PlatformResolver.resolve(spec), "nexus-finance")).isEmpty();
  }

  @Test
  void everyObjectIsLabelledPerTheConventions() {
    for (HasMetadata o : PlatformRenderer.render(platform)) {
      assertThat(o.getMetadata().getLabels()).as(o.getKind() + " " + o.getMetadata().getName())
          .containsEntry(Labels.INSTANCE, "nexus-cos")
          .containsEntry(Labels.PART_OF, "nexus-cos")
          .containsEntry(Labels.MANAGED_BY, "nexus-operator")
          .containsKeys(Labels.NAME, Labels.COMPONENT);
      assertThat(o.getMetadata().getAnnotations()).containsKey(Labels.DESIRED_HASH);
    }
  }

  private static NetworkPolicy byName(List<NetworkPolicy> policies, String name) {
    return policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }
}
