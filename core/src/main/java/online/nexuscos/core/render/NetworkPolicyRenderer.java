package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;

/**
 * Renders a namespace's isolation: deny all ingress (and egress, when restricted), then allow the
 * same namespace, the monitoring namespace to the metrics port, the gateway namespace to gateway
 * services, declared {@code dependsOn} edges from other namespaces, and (egress restricted) DNS,
 * the platform's own namespaces and the allowed CIDRs.
 */
public final class NetworkPolicyRenderer {

  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private NetworkPolicyRenderer() {}

  public static List<NetworkPolicy> render(ResolvedPlatform platform, String namespace) {
    ResolvedPlatform.Network net = platform.network();
    if (!net.enabled()) {
      return List.of();
    }
    List<NetworkPolicy> policies = new ArrayList<>();
    List<String> denyTypes = net.restrictEgress() ? List.of("Ingress", "Egress") : List.of("Ingress");
    policies.add(policy(platform, namespace, Names.POLICY_DEFAULT_DENY, Names.POLICY_DEFAULT_DENY, spec(all(), denyTypes)));

    NetworkPolicySpec same = spec(all(), List.of("Ingress"));
    same.setIngress(List.of(ingress(List.of(new NetworkPolicyPeerBuilder().withPodSelector(all()).build()), null)));
    policies.add(policy(platform, namespace, Names.POLICY_SAME_NAMESPACE, Names.POLICY_SAME_NAMESPACE, same));

    NetworkPolicySpec monitoring = spec(all(), List.of("Ingress"));
    monitoring.setIngress(
        List.of(ingress(List.of(namespacePeer(net.monitoringNamespace())), namedPort())));
    policies.add(policy(platform, namespace, Names.POLICY_MONITORING, Names.POLICY_MONITORING, monitoring));

    for (ResolvedService s : platform.servicesIn(namespace)) {
      if (s.gateway() && !net.gatewayNamespace().equals(namespace)) {
        NetworkPolicySpec gw = spec(podsOf(platform, s), List.of("Ingress"));
        gw.setIngress(List.of(ingress(List.of(namespacePeer(net.gatewayNamespace())), port(s))));
        policies.add(policy(platform, namespace, Names.gatewayPolicy(s.name()), s.name(), gw));
      }
      List<NetworkPolicyPeer> dependents = crossNamespaceDependents(platform, s);
      if (!dependents.isEmpty()) {
        NetworkPolicySpec deps = spec(podsOf(platform, s), List.of("Ingress"));
        deps.setIngress(List.of(ingress(dependents, port(s))));
        policies.add(policy(platform, namespace, Names.dependentsPolicy(s.name()), s.name(), deps));
      }
    }

    if (net.restrictEgress()) {
      policies.add(policy(platform, namespace, Names.POLICY_DNS_EGRESS, Names.POLICY_DNS_EGRESS, dnsEgress()));
      policies.add(policy(platform, namespace, Names.POLICY_PLATFORM_EGRESS, Names.POLICY_PLATFORM_EGRESS, platformEgress(platform)));
    }
    return policies;
  }

  /** Pods of other namespaces whose service declares {@code dependsOn: [s]}. */
  private static List<NetworkPolicyPeer> crossNamespaceDependents(
      ResolvedPlatform platform, ResolvedService s) {
    List<NetworkPolicyPeer> peers = new ArrayList<>();
    for (ResolvedService caller : platform.services()) {
      if (caller.dependsOn().contains(s.name()) && !caller.namespace().equals(s.namespace())) {
        peers.add(
            new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(namespaceSelector(caller.namespace()))
                .withPodSelector(podsOf(platform, caller))
                .build());
      }
    }
    return peers;
  }

  private static NetworkPolicySpec dnsEgress() {
    NetworkPolicySpec dns = spec(all(), List.of("Egress"));
    NetworkPolicyPeer kubeDns =
        new NetworkPolicyPeerBuilder()
            .withNamespaceSelector(namespaceSelector("kube-system"))
            .withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("k8s-app", "kube-dns")).build())
            .build();
    dns.setEgress(
        List.of(
            new NetworkPolicyEgressRuleBuilder()
                .withTo(kubeDns)
                .withPorts(
                    new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
                    new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build())
                .build()));
    return dns;
  }

  private static NetworkPolicySpec platformEgress(ResolvedPlatform platform) {
    NetworkPolicySpec egress = spec(all(), List.of("Egress"));
    List<NetworkPolicyPeer> to = new ArrayList<>();
    to.add(
        new NetworkPolicyPeerBuilder()
            .withNamespaceSelector(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of(Labels.INSTANCE, platform.name(), Labels.PART_OF, Labels.PART_OF_VALUE))
                    .build())
            .build());
    for (String cidr : platform.network().allowedEgressCidrs()) {
      to.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
    }
    egress.setEgress(
        List.of(new NetworkPolicyEgressRuleBuilder().withTo(to).build()));
    return egress;
  }

  /** @param subject the app.kubernetes.io/name label: the policy, or the service a per-service policy is about (a label value, at most 63) */
  private static NetworkPolicy policy(
      ResolvedPlatform platform, String namespace, String name, String subject, NetworkPolicySpec spec) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Labels.common(platform.name(), subject, Labels.COMPONENT_NETWORK))
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  private static NetworkPolicySpec spec(LabelSelector podSelector, List<String> types) {
    NetworkPolicySpec spec = new NetworkPolicySpec();
    spec.setPodSelector(podSelector);
    spec.setPolicyTypes(new ArrayList<>(types));
    return spec;
  }

  private static NetworkPolicyIngressRule ingress(
      List<NetworkPolicyPeer> from, NetworkPolicyPort port) {
    var rule = new NetworkPolicyIngressRuleBuilder().withFrom(from);
    if (port != null) {
      rule.withPorts(port);
    }
    return rule.build();
  }

  private static LabelSelector all() {
    return new LabelSelector();
  }

  private static LabelSelector podsOf(ResolvedPlatform platform, ResolvedService s) {
    return new LabelSelectorBuilder().withMatchLabels(Labels.selector(platform.name(), s.name())).build();
  }

  private static LabelSelector namespaceSelector(String namespace) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, namespace)).build();
  }

  private static NetworkPolicyPeer namespacePeer(String namespace) {
    return new NetworkPolicyPeerBuilder().withNamespaceSelector(namespaceSelector(namespace)).build();
  }

  private static NetworkPolicyPort port(ResolvedService s) {
    return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(s.port())).build();
  }

  private static NetworkPolicyPort namedPort() {
    return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(Names.PORT_NAME)).build();
  }
}
