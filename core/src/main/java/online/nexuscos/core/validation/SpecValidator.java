package online.nexuscos.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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

/**
 * The one validator of a NexusPlatform, shared by the operator, {@code nexusctl validate},
 * {@code render} and {@code diff}: first the CRD's own schema (types, required fields, patterns,
 * bounds, generated from the annotated API types, so a cluster without schema validation, the
 * sandbox and the CLI refuse exactly what the API server refuses), then the rules no schema can
 * express (references, uniqueness, cycles, depth, list entries, tenancy of namespaces). Pure.
 */
public final class SpecValidator {

  /** Namespaces no platform may use: the cluster's own. The operator adds its own namespace. */
  static final Set<String> SYSTEM_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Checks c = new Checks();
  private final ServiceRules services = new ServiceRules(c);
  private final Set<String> reserved;

  private SpecValidator(Set<String> reserved) {
    this.reserved = reserved;
  }

  /** All problems of the platform, schema first, in field order; empty when it is valid. */
  public static List<ValidationError> validate(NexusPlatform platform) {
    return validate(platform, Set.of());
  }

  /**
   * @param reservedNamespaces namespaces refused besides the system ones (the operator's own)
   */
  public static List<ValidationError> validate(NexusPlatform platform, Set<String> reservedNamespaces) {
    List<ValidationError> errors = new ArrayList<>();
    String name = platform.getMetadata() == null ? null : platform.getMetadata().getName();
    Checks meta = new Checks();
    meta.dnsLabel("metadata.name", name, "name the platform with at most 63 lowercase letters, digits and '-'");
    errors.addAll(meta.errors());
    if (platform.getSpec() == null) {
      errors.add(new ValidationError("spec", "is missing", "add a spec with version, imageRegistry, namespaces and services"));
      return errors;
    }
    JsonNode document = JSON.createObjectNode().set("spec", JSON.valueToTree(platform.getSpec()));
    errors.addAll(CrdSchema.shared().validate(document));
    SpecValidator v = new SpecValidator(reservedNamespaces);
    v.check(platform.getSpec());
    errors.addAll(v.c.errors());
    return errors;
  }

  private void check(NexusPlatformSpec spec) {
    Checks.list("spec.imagePullSecrets", spec.getImagePullSecrets())
        .forEach((path, secret) -> c.secretName(path, secret, "present in every platform namespace"));
    Set<String> namespaces = namespaces(spec.getNamespaces());
    Map<String, Boolean> modules = modules(spec.getModules());
    services.services(spec, namespaces, modules);
    network(spec.getNetworkPolicy());
    rollout(spec.getRollout());
    new FailoverRules(c).failover(spec.getFailover());
    monitoring(spec.getMonitoring(), namespaces);
  }

  private void monitoring(online.nexuscos.platform.api.v1alpha1.MonitoringSpec m, Set<String> namespaces) {
    if (m == null) {
      return;
    }
    Checks.list("spec.monitoring.streamingNamespaces", m.getStreamingNamespaces()).forEach((path, ns) -> {
      if (ns != null && !namespaces.contains(ns)) {
        c.error(path, "namespace " + ns + " is not one of the platform's", "name a namespace listed in spec.namespaces");
      }
    });
    c.labels("spec.monitoring.labels", m.getLabels());
  }

  private Set<String> namespaces(List<NamespaceSpec> list) {
    Set<String> names = new HashSet<>();
    for (var entry : Checks.list("spec.namespaces", list).entrySet()) {
      String path = entry.getKey();
      NamespaceSpec ns = entry.getValue();
      String name = ns.getName();
      if (name == null) {
        continue;
      }
      if (!names.add(name)) {
        c.error(path + ".name", "namespace " + name + " is listed twice", "remove the duplicate");
      }
      if (SYSTEM_NAMESPACES.contains(name) || name.startsWith("kube-") || reserved.contains(name)) {
        c.error(path + ".name", "namespace " + name + " belongs to the cluster" + (reserved.contains(name)
            ? " (the operator runs there)" : ""), "use a namespace of the platform's own, e.g. nexus-" + name);
      }
      c.labels(path + ".labels", ns.getLabels());
    }
    return names;
  }

  private Map<String, Boolean> modules(List<ModuleSpec> list) {
    Map<String, Boolean> modules = new HashMap<>();
    for (var entry : Checks.list("spec.modules", list).entrySet()) {
      ModuleSpec m = entry.getValue();
      if (m.getName() != null && modules.put(m.getName(), !Boolean.FALSE.equals(m.getEnabled())) != null) {
        c.error(entry.getKey() + ".name", "module " + m.getName() + " is listed twice", "remove the duplicate");
      }
    }
    return modules;
  }

  private void network(NetworkPolicySpec n) {
    if (n != null && n.getEgress() != null) {
      Checks.list("spec.networkPolicy.egress.allowedCIDRs", n.getEgress().getAllowedCIDRs()).forEach(c::cidr);
    }
  }

  private void rollout(RolloutSpec r) {
    if (r == null) {
      return;
    }
    String unavailable = r.getMaxUnavailable();
    if (unavailable != null && unavailable.endsWith("%") && percent(unavailable) > 100) {
      c.error("spec.rollout.maxUnavailable", unavailable + " is more than 100%", "use at most 100%");
    }
    if (isZero(unavailable) && isZero(r.getMaxSurge())) {
      c.error("spec.rollout", "maxUnavailable and maxSurge are both 0, so no rolling update could progress",
          "allow at least one of them to be above 0");
    }
  }

  private static long percent(String v) {
    String digits = v.substring(0, v.length() - 1);
    return digits.matches("[0-9]{1,9}") ? Long.parseLong(digits) : 0;
  }

  private static boolean isZero(String v) {
    return v != null && v.matches("0+%?");
  }
}
