package online.nexuscos.operator.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import online.nexuscos.platform.api.v1alpha1.ModuleSpec;
import online.nexuscos.platform.api.v1alpha1.NamespaceSpec;
import online.nexuscos.platform.api.v1alpha1.NetworkPolicySpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceDefaults;

/**
 * Every check a NexusPlatform must pass before anything is rendered: the schema's own rules (so
 * that a cluster without schema validation, the sandbox and {@code nexusctl} reject the same
 * input) and the rules no schema can express (references, cycles, uniqueness). Shared by the
 * operator and the CLI. Pure.
 */
public final class SpecValidator {

  private final Checks c = new Checks();
  private final ServiceRules services = new ServiceRules(c);

  private SpecValidator() {}

  /** All problems of the platform, in field order; empty when it is valid. */
  public static List<ValidationError> validate(NexusPlatform platform) {
    SpecValidator v = new SpecValidator();
    v.check(platform);
    return v.c.errors();
  }

  private void check(NexusPlatform platform) {
    String name = platform.getMetadata() == null ? null : platform.getMetadata().getName();
    c.dnsLabel("metadata.name", name, "name the platform with lowercase letters, digits and '-'");
    NexusPlatformSpec spec = platform.getSpec();
    if (spec == null) {
      c.error("spec", "is missing", "add a spec with version, imageRegistry, namespaces and services");
      return;
    }
    if (c.required("spec.version", spec.getVersion(), "set the platform version, e.g. \"2025.10.11\"")) {
      c.matches("spec.version", spec.getVersion(), Checks.TAG, "use an image tag: letters, digits, '_', '.', '-'");
    }
    if (c.required("spec.imageRegistry", spec.getImageRegistry(), "set the registry, e.g. ghcr.io/nexus-cos")) {
      c.matches("spec.imageRegistry", spec.getImageRegistry(), Checks.REPOSITORY,
          "use a lowercase registry host and path, e.g. ghcr.io/nexus-cos");
    }
    c.list("spec.imagePullSecrets", spec.getImagePullSecrets())
        .forEach((path, secret) -> c.dnsLabel(path, secret, "name an existing Secret"));
    Set<String> namespaces = namespaces(spec.getNamespaces());
    Map<String, Boolean> modules = modules(spec.getModules());
    defaults(spec.getDefaults());
    services.services(spec, namespaces, modules);
    network(spec.getNetworkPolicy());
    rollout(spec.getRollout());
    new FailoverRules(c).failover(spec.getFailover());
  }

  private Set<String> namespaces(List<NamespaceSpec> list) {
    Set<String> names = new HashSet<>();
    if (list == null || list.isEmpty()) {
      c.error("spec.namespaces", "is empty", "list the platform's namespaces, e.g. - name: nexus-platform");
      return names;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "spec.namespaces[" + i + "]";
      NamespaceSpec ns = list.get(i);
      if (ns == null) {
        c.error(path, "is empty", "remove the empty list entry");
        continue;
      }
      if (c.dnsLabel(path + ".name", ns.getName(), "use a DNS-1123 label such as nexus-auth")
          && !names.add(ns.getName())) {
        c.error(path + ".name", "namespace " + ns.getName() + " is listed twice", "remove the duplicate");
      }
      c.labels(path + ".labels", ns.getLabels());
    }
    return names;
  }

  private Map<String, Boolean> modules(List<ModuleSpec> list) {
    Map<String, Boolean> modules = new HashMap<>();
    for (var entry : c.list("spec.modules", list).entrySet()) {
      ModuleSpec m = entry.getValue();
      String path = entry.getKey();
      if (c.dnsLabel(path + ".name", m.getName(), "use a DNS-1123 label such as commerce")
          && modules.put(m.getName(), !Boolean.FALSE.equals(m.getEnabled())) != null) {
        c.error(path + ".name", "module " + m.getName() + " is listed twice", "remove the duplicate");
      }
    }
    return modules;
  }

  private void defaults(ServiceDefaults d) {
    if (d == null) {
      return;
    }
    c.min("spec.defaults.replicas", d.getReplicas(), 0);
    services.resources("spec.defaults.resources", d.getResources());
    services.probes("spec.defaults.probes", d.getProbes());
    services.autoscalingFields("spec.defaults.autoscaling", d.getAutoscaling());
    services.disruption("spec.defaults.podDisruptionBudget", d.getPodDisruptionBudget());
  }

  private void network(NetworkPolicySpec n) {
    if (n == null) {
      return;
    }
    if (n.getGatewayNamespace() != null) {
      c.dnsLabel("spec.networkPolicy.gatewayNamespace", n.getGatewayNamespace(), "name a namespace");
    }
    if (n.getMonitoringNamespace() != null) {
      c.dnsLabel("spec.networkPolicy.monitoringNamespace", n.getMonitoringNamespace(), "name a namespace");
    }
    if (n.getEgress() != null) {
      c.list("spec.networkPolicy.egress.allowedCIDRs", n.getEgress().getAllowedCIDRs())
          .forEach((p, cidr) -> c.matches(p, cidr, Checks.CIDR, "use CIDR notation such as 10.0.0.0/16"));
    }
  }

  private void rollout(RolloutSpec r) {
    if (r == null) {
      return;
    }
    c.min("spec.rollout.progressDeadlineSeconds", r.getProgressDeadlineSeconds(), 1);
    boolean unavailableOk = r.getMaxUnavailable() == null
        || c.matches("spec.rollout.maxUnavailable", r.getMaxUnavailable(), Checks.INT_OR_PERCENT, "use a number or a percentage such as 25%");
    boolean surgeOk = r.getMaxSurge() == null
        || c.matches("spec.rollout.maxSurge", r.getMaxSurge(), Checks.INT_OR_PERCENT, "use a number or a percentage such as 25%");
    if (unavailableOk && surgeOk && isZero(r.getMaxUnavailable()) && isZero(r.getMaxSurge())) {
      c.error("spec.rollout", "maxUnavailable and maxSurge are both 0, so no rolling update could progress",
          "allow at least one of them to be above 0");
    }
  }

  private static boolean isZero(String v) {
    return v != null && v.replace("%", "").matches("0+");
  }

}
