package online.nexuscos.operator.validation;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import online.nexuscos.operator.model.PlatformResolver;
import online.nexuscos.operator.model.ResolvedService;
import online.nexuscos.platform.api.v1alpha1.ApiPatterns;
import online.nexuscos.platform.api.v1alpha1.AutoscalingSpec;
import online.nexuscos.platform.api.v1alpha1.ComputeResources;
import online.nexuscos.platform.api.v1alpha1.DataStoreSpec;
import online.nexuscos.platform.api.v1alpha1.DataStoresSpec;
import online.nexuscos.platform.api.v1alpha1.EnvVarSpec;
import online.nexuscos.platform.api.v1alpha1.FailoverSpec;
import online.nexuscos.platform.api.v1alpha1.NodeRequirement;
import online.nexuscos.platform.api.v1alpha1.PlacementSpec;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;
import online.nexuscos.platform.api.v1alpha1.ModuleSpec;
import online.nexuscos.platform.api.v1alpha1.NamespaceSpec;
import online.nexuscos.platform.api.v1alpha1.NetworkPolicySpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import online.nexuscos.platform.api.v1alpha1.PodDisruptionBudgetSpec;
import online.nexuscos.platform.api.v1alpha1.ProbesSpec;
import online.nexuscos.platform.api.v1alpha1.ResourcesSpec;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceDefaults;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/**
 * Every check a NexusPlatform must pass before anything is rendered: the schema's own rules (so
 * that a cluster without schema validation, the sandbox and {@code nexusctl} reject the same
 * input) and the rules no schema can express (references, cycles, uniqueness). Shared by the
 * operator and the CLI. Pure.
 */
public final class SpecValidator {

  private static final Pattern DNS_LABEL = Pattern.compile(ApiPatterns.DNS_LABEL);
  private static final Pattern REPOSITORY = Pattern.compile(ApiPatterns.IMAGE_REPOSITORY);
  private static final Pattern TAG = Pattern.compile(ApiPatterns.IMAGE_TAG);
  private static final Pattern QUANTITY = Pattern.compile(ApiPatterns.QUANTITY);
  private static final Pattern ENV_NAME = Pattern.compile(ApiPatterns.ENV_NAME);
  private static final Pattern INT_OR_PERCENT = Pattern.compile(ApiPatterns.INT_OR_PERCENT);
  private static final Pattern CIDR = Pattern.compile(ApiPatterns.CIDR);
  private static final Pattern LABEL_KEY = Pattern.compile(ApiPatterns.LABEL_KEY);
  private static final Pattern LABEL_VALUE = Pattern.compile(ApiPatterns.LABEL_VALUE);

  private final List<ValidationError> errors = new ArrayList<>();

  private SpecValidator() {}

  /** All problems of the platform, in field order; empty when it is valid. */
  public static List<ValidationError> validate(NexusPlatform platform) {
    SpecValidator v = new SpecValidator();
    v.check(platform);
    return List.copyOf(v.errors);
  }

  private void check(NexusPlatform platform) {
    String name = platform.getMetadata() == null ? null : platform.getMetadata().getName();
    dnsLabel("metadata.name", name, "name the platform with lowercase letters, digits and '-'");
    NexusPlatformSpec spec = platform.getSpec();
    if (spec == null) {
      error("spec", "is missing", "add a spec with version, imageRegistry, namespaces and services");
      return;
    }
    if (required("spec.version", spec.getVersion(), "set the platform version, e.g. \"2025.10.11\"")) {
      matches("spec.version", spec.getVersion(), TAG, "use an image tag: letters, digits, '_', '.', '-'");
    }
    if (required("spec.imageRegistry", spec.getImageRegistry(), "set the registry, e.g. ghcr.io/nexus-cos")) {
      matches("spec.imageRegistry", spec.getImageRegistry(), REPOSITORY,
          "use a lowercase registry host and path, e.g. ghcr.io/nexus-cos");
    }
    list("spec.imagePullSecrets", spec.getImagePullSecrets())
        .forEach((path, secret) -> dnsLabel(path, secret, "name an existing Secret"));
    Set<String> namespaces = namespaces(spec.getNamespaces());
    Map<String, Boolean> modules = modules(spec.getModules());
    defaults(spec.getDefaults());
    services(spec, namespaces, modules);
    network(spec.getNetworkPolicy());
    rollout(spec.getRollout());
    failover(spec.getFailover());
  }

  private void failover(FailoverSpec f) {
    if (f == null) {
      return;
    }
    String path = "spec.failover";
    Set<String> names = new HashSet<>();
    var sites = list(path + ".sites", f.getSites());
    if (sites.isEmpty()) {
      error(path + ".sites", "is empty", "declare at least one site with a name and a placement");
    }
    for (var entry : sites.entrySet()) {
      SiteSpec site = entry.getValue();
      String p = entry.getKey();
      if (dnsLabel(p + ".name", site.getName(), "use a DNS-1123 label such as primary") && !names.add(site.getName())) {
        error(p + ".name", "site " + site.getName() + " is listed twice", "remove the duplicate");
      }
      placement(p + ".placement", site.getPlacement());
      DataStoresSpec stores = site.getDataStores();
      if (stores != null) {
        dataStore(p + ".dataStores.postgresql", stores.getPostgresql());
        dataStore(p + ".dataStores.mongodb", stores.getMongodb());
        dataStore(p + ".dataStores.redis", stores.getRedis());
        dataStore(p + ".dataStores.rabbitmq", stores.getRabbitmq());
      }
    }
    if (required(path + ".activeSite", f.getActiveSite(), "name the site to run on") && !names.isEmpty()
        && !names.contains(f.getActiveSite())) {
      error(path + ".activeSite", "site " + f.getActiveSite() + " is not declared", "name one of " + names);
    }
    if (Boolean.TRUE.equals(f.getAutomatic()) && names.size() < 2) {
      error(path + ".automatic", "automatic failover needs a second site", "declare a standby site or set automatic: false");
    }
    min(path + ".gracePeriodSeconds", f.getGracePeriodSeconds(), 0);
    min(path + ".criticalUnavailableThreshold", f.getCriticalUnavailableThreshold(), 1);
    min(path + ".historyLimit", f.getHistoryLimit(), 1);
  }

  private void placement(String path, PlacementSpec placement) {
    boolean empty = placement == null
        || ((placement.getNodeSelector() == null || placement.getNodeSelector().isEmpty())
            && (placement.getMatchExpressions() == null || placement.getMatchExpressions().isEmpty()));
    if (empty) {
      error(path, "is empty, so the site would be every node", "give a nodeSelector or matchExpressions, e.g. a zone");
      return;
    }
    labels(path + ".nodeSelector", placement.getNodeSelector());
    for (var entry : list(path + ".matchExpressions", placement.getMatchExpressions()).entrySet()) {
      NodeRequirement r = entry.getValue();
      required(entry.getKey() + ".key", r.getKey(), "name a node label");
      String op = r.getOperator();
      boolean needsValues = "In".equals(op) || "NotIn".equals(op);
      if (!needsValues && !"Exists".equals(op) && !"DoesNotExist".equals(op)) {
        error(entry.getKey() + ".operator", "\"" + op + "\" is not an operator", "use In, NotIn, Exists or DoesNotExist");
      } else if (needsValues == (r.getValues() == null || r.getValues().isEmpty())) {
        error(entry.getKey() + ".values", needsValues ? "is empty" : "must be empty for " + op,
            needsValues ? "list the label values" : "remove the values");
      }
    }
  }

  private void dataStore(String path, DataStoreSpec store) {
    if (store == null) {
      return;
    }
    required(path + ".host", store.getHost(), "give the host name");
    if (store.getPort() == null || store.getPort() < 1 || store.getPort() > 65535) {
      error(path + ".port", store.getPort() + " is not a valid port", "use a port from 1 to 65535");
    }
    if (store.getCredentialsSecret() != null) {
      dnsLabel(path + ".credentialsSecret", store.getCredentialsSecret(), "name a Secret present in every platform namespace");
    }
  }

  private Set<String> namespaces(List<NamespaceSpec> list) {
    Set<String> names = new HashSet<>();
    if (list == null || list.isEmpty()) {
      error("spec.namespaces", "is empty", "list the platform's namespaces, e.g. - name: nexus-platform");
      return names;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "spec.namespaces[" + i + "]";
      NamespaceSpec ns = list.get(i);
      if (ns == null) {
        error(path, "is empty", "remove the empty list entry");
        continue;
      }
      if (dnsLabel(path + ".name", ns.getName(), "use a DNS-1123 label such as nexus-auth")
          && !names.add(ns.getName())) {
        error(path + ".name", "namespace " + ns.getName() + " is listed twice", "remove the duplicate");
      }
      labels(path + ".labels", ns.getLabels());
    }
    return names;
  }

  private Map<String, Boolean> modules(List<ModuleSpec> list) {
    Map<String, Boolean> modules = new HashMap<>();
    for (var entry : list("spec.modules", list).entrySet()) {
      ModuleSpec m = entry.getValue();
      String path = entry.getKey();
      if (dnsLabel(path + ".name", m.getName(), "use a DNS-1123 label such as commerce")
          && modules.put(m.getName(), !Boolean.FALSE.equals(m.getEnabled())) != null) {
        error(path + ".name", "module " + m.getName() + " is listed twice", "remove the duplicate");
      }
    }
    return modules;
  }

  private void defaults(ServiceDefaults d) {
    if (d == null) {
      return;
    }
    min("spec.defaults.replicas", d.getReplicas(), 0);
    resources("spec.defaults.resources", d.getResources());
    probes("spec.defaults.probes", d.getProbes());
    autoscalingFields("spec.defaults.autoscaling", d.getAutoscaling());
    disruption("spec.defaults.podDisruptionBudget", d.getPodDisruptionBudget());
  }

  private void services(NexusPlatformSpec spec, Set<String> namespaces, Map<String, Boolean> modules) {
    List<ServiceSpec> list = spec.getServices();
    if (list == null || list.isEmpty()) {
      error("spec.services", "is empty", "list at least one service with name, namespace and port");
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    Map<String, String> portOwners = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec s = list.get(i);
      String path = "spec.services[" + i + "]";
      if (s == null) {
        error(path, "is empty", "remove the empty list entry");
        continue;
      }
      if (dnsLabel(path + ".name", s.getName(), "use a DNS-1123 label such as auth-service")
          && index.putIfAbsent(s.getName(), i) != null) {
        error(path + ".name", "service " + s.getName() + " is already defined at spec.services["
            + index.get(s.getName()) + "]", "give every service a unique name");
      }
      if (dnsLabel(path + ".namespace", s.getNamespace(), "name one of spec.namespaces")
          && !namespaces.contains(s.getNamespace())) {
        error(path + ".namespace", "namespace " + s.getNamespace() + " is not declared",
            "add it to spec.namespaces or move the service to a declared namespace");
      }
      if (s.getModule() != null && !modules.containsKey(s.getModule())) {
        error(path + ".module", "module " + s.getModule() + " is not declared",
            "add it to spec.modules or remove the service's module field");
      }
      if (s.getImage() != null) {
        matches(path + ".image", s.getImage(), REPOSITORY,
            "give a repository without tag, e.g. ghcr.io/nexus-cos/auth-service (set the tag in .tag)");
      }
      if (s.getTag() != null) {
        matches(path + ".tag", s.getTag(), TAG, "use letters, digits, '_', '.', '-' (at most 128)");
      }
      if (s.getPort() == null) {
        error(path + ".port", "is missing", "set the port the service listens on (1-65535)");
      } else if (s.getPort() < 1 || s.getPort() > 65535) {
        error(path + ".port", s.getPort() + " is not a valid port", "use a port from 1 to 65535");
      } else if (s.getNamespace() != null) {
        String owner = portOwners.putIfAbsent(s.getNamespace() + ":" + s.getPort(), s.getName());
        if (owner != null) {
          error(path + ".port", "port " + s.getPort() + " is already used by " + owner + " in namespace "
              + s.getNamespace(), "give every service of a namespace its own port");
        }
      }
      min(path + ".replicas", s.getReplicas(), 0);
      env(path + ".env", s.getEnv());
      list(path + ".envFromSecrets", s.getEnvFromSecrets())
          .forEach((p, secret) -> dnsLabel(p, secret, "name a Secret in namespace " + s.getNamespace()));
      resources(path + ".resources", s.getResources());
      effectiveResources(path + ".resources", s.getResources(), spec.getDefaults());
      probes(path + ".probes", s.getProbes());
      autoscalingFields(path + ".autoscaling", s.getAutoscaling());
      ResolvedService.Autoscaling a = PlatformResolver.autoscaling(s, spec.getDefaults());
      if (a.minReplicas() > a.maxReplicas()) {
        error(path + ".autoscaling", "minReplicas " + a.minReplicas() + " is greater than maxReplicas "
            + a.maxReplicas() + " (after defaults)", "raise maxReplicas or lower minReplicas");
      }
      disruption(path + ".podDisruptionBudget", s.getPodDisruptionBudget());
    }
    dependencies(list, index, modules);
  }

  private void dependencies(List<ServiceSpec> list, Map<String, Integer> index, Map<String, Boolean> modules) {
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec s = list.get(i);
      if (s == null) {
        continue;
      }
      for (var entry : list("spec.services[" + i + "].dependsOn", s.getDependsOn()).entrySet()) {
        String dep = entry.getValue();
        Integer target = dep == null ? null : index.get(dep);
        if (target == null) {
          error(entry.getKey(), "service " + dep + " does not exist",
              "name a service of spec.services or remove the dependency");
        } else if (dep.equals(s.getName())) {
          error(entry.getKey(), "service " + dep + " depends on itself", "remove the dependency");
        } else if (enabled(s, modules) && !enabled(list.get(target), modules)) {
          error(entry.getKey(), "service " + dep + " is in disabled module " + list.get(target).getModule(),
              "enable module " + list.get(target).getModule() + " or remove the dependency");
        }
      }
    }
    DependencyCycles.find(list, index)
        .ifPresent(cycle -> error("spec.services[" + index.get(cycle.get(0)) + "].dependsOn",
            "dependency cycle " + String.join(" -> ", cycle), "break the cycle by removing one dependsOn entry"));
  }

  private static boolean enabled(ServiceSpec s, Map<String, Boolean> modules) {
    return s.getModule() == null || modules.getOrDefault(s.getModule(), true);
  }

  private void env(String path, List<EnvVarSpec> env) {
    Set<String> names = new HashSet<>();
    for (var entry : list(path, env).entrySet()) {
      EnvVarSpec e = entry.getValue();
      String p = entry.getKey();
      if (required(p + ".name", e.getName(), "name the variable")) {
        if (matches(p + ".name", e.getName(), ENV_NAME, "use letters, digits and '_', not starting with a digit")
            && !names.add(e.getName())) {
          error(p + ".name", "variable " + e.getName() + " is set twice", "remove the duplicate");
        }
      }
      if ((e.getValue() == null) == (e.getSecretKeyRef() == null)) {
        error(p, "has " + (e.getValue() == null ? "neither" : "both") + " value and secretKeyRef",
            "set exactly one of value or secretKeyRef");
      }
      if (e.getSecretKeyRef() != null) {
        dnsLabel(p + ".secretKeyRef.name", e.getSecretKeyRef().getName(), "name a Secret");
        required(p + ".secretKeyRef.key", e.getSecretKeyRef().getKey(), "name a key of the Secret");
      }
    }
  }

  private void resources(String path, ResourcesSpec r) {
    if (r == null) {
      return;
    }
    quantities(path + ".requests", r.getRequests());
    quantities(path + ".limits", r.getLimits());
  }

  private void quantities(String path, ComputeResources c) {
    if (c == null) {
      return;
    }
    if (c.getCpu() != null) {
      matches(path + ".cpu", c.getCpu(), QUANTITY, "use a quantity such as 250m or 1");
    }
    if (c.getMemory() != null) {
      matches(path + ".memory", c.getMemory(), QUANTITY, "use a quantity such as 256Mi or 1Gi");
    }
  }

  /** Requests above limits make the API server reject the Deployment: catch it here. */
  private void effectiveResources(String path, ResourcesSpec own, ServiceDefaults defaults) {
    ResourcesSpec def = defaults == null ? null : defaults.getResources();
    String[][] pairs = {
      {"cpu", pick(own, def, true, true, PlatformResolver.DEFAULT_REQUEST_CPU),
          pick(own, def, false, true, PlatformResolver.DEFAULT_LIMIT_CPU)},
      {"memory", pick(own, def, true, false, PlatformResolver.DEFAULT_REQUEST_MEMORY),
          pick(own, def, false, false, PlatformResolver.DEFAULT_LIMIT_MEMORY)}
    };
    for (String[] p : pairs) {
      if (QUANTITY.matcher(p[1]).matches() && QUANTITY.matcher(p[2]).matches()
          && Quantity.getAmountInBytes(new Quantity(p[1])).compareTo(Quantity.getAmountInBytes(new Quantity(p[2]))) > 0) {
        error(path + ".requests." + p[0], "request " + p[1] + " exceeds limit " + p[2] + " (after defaults)",
            "lower the request or raise the limit");
      }
    }
  }

  private static String pick(ResourcesSpec own, ResourcesSpec def, boolean request, boolean cpu, String builtIn) {
    for (ResourcesSpec r : new ResourcesSpec[] {own, def}) {
      ComputeResources c = r == null ? null : request ? r.getRequests() : r.getLimits();
      String v = c == null ? null : cpu ? c.getCpu() : c.getMemory();
      if (v != null) {
        return v;
      }
    }
    return builtIn;
  }

  private void probes(String path, ProbesSpec p) {
    if (p == null) {
      return;
    }
    min(path + ".initialDelaySeconds", p.getInitialDelaySeconds(), 0);
    min(path + ".periodSeconds", p.getPeriodSeconds(), 1);
    min(path + ".timeoutSeconds", p.getTimeoutSeconds(), 1);
    min(path + ".failureThreshold", p.getFailureThreshold(), 1);
    min(path + ".startupFailureThreshold", p.getStartupFailureThreshold(), 1);
  }

  private void autoscalingFields(String path, AutoscalingSpec a) {
    if (a == null) {
      return;
    }
    min(path + ".minReplicas", a.getMinReplicas(), 1);
    min(path + ".maxReplicas", a.getMaxReplicas(), 1);
    range(path + ".targetCPUUtilizationPercentage", a.getTargetCPUUtilizationPercentage(), 1, 1000);
    range(path + ".targetMemoryUtilizationPercentage", a.getTargetMemoryUtilizationPercentage(), 1, 1000);
    if (a.getMinReplicas() != null && a.getMaxReplicas() != null && a.getMinReplicas() > a.getMaxReplicas()) {
      error(path, "minReplicas " + a.getMinReplicas() + " is greater than maxReplicas " + a.getMaxReplicas(),
          "raise maxReplicas or lower minReplicas");
    }
  }

  private void disruption(String path, PodDisruptionBudgetSpec p) {
    if (p == null) {
      return;
    }
    min(path + ".minAvailable", p.getMinAvailable(), 0);
    min(path + ".maxUnavailable", p.getMaxUnavailable(), 0);
    if (p.getMinAvailable() != null && p.getMaxUnavailable() != null) {
      error(path, "sets both minAvailable and maxUnavailable", "keep one of the two");
    }
  }

  private void network(NetworkPolicySpec n) {
    if (n == null) {
      return;
    }
    if (n.getGatewayNamespace() != null) {
      dnsLabel("spec.networkPolicy.gatewayNamespace", n.getGatewayNamespace(), "name a namespace");
    }
    if (n.getMonitoringNamespace() != null) {
      dnsLabel("spec.networkPolicy.monitoringNamespace", n.getMonitoringNamespace(), "name a namespace");
    }
    if (n.getEgress() != null) {
      list("spec.networkPolicy.egress.allowedCIDRs", n.getEgress().getAllowedCIDRs())
          .forEach((p, cidr) -> matches(p, cidr, CIDR, "use CIDR notation such as 10.0.0.0/16"));
    }
  }

  private void rollout(RolloutSpec r) {
    if (r == null) {
      return;
    }
    min("spec.rollout.progressDeadlineSeconds", r.getProgressDeadlineSeconds(), 1);
    boolean unavailableOk = r.getMaxUnavailable() == null
        || matches("spec.rollout.maxUnavailable", r.getMaxUnavailable(), INT_OR_PERCENT, "use a number or a percentage such as 25%");
    boolean surgeOk = r.getMaxSurge() == null
        || matches("spec.rollout.maxSurge", r.getMaxSurge(), INT_OR_PERCENT, "use a number or a percentage such as 25%");
    if (unavailableOk && surgeOk && isZero(r.getMaxUnavailable()) && isZero(r.getMaxSurge())) {
      error("spec.rollout", "maxUnavailable and maxSurge are both 0, so no rolling update could progress",
          "allow at least one of them to be above 0");
    }
  }

  private static boolean isZero(String v) {
    return v != null && v.replace("%", "").matches("0+");
  }

  private void labels(String path, Map<String, String> labels) {
    if (labels == null) {
      return;
    }
    labels.forEach((k, v) -> {
      matches(path + "[" + k + "]", k, LABEL_KEY, "use a label key such as tier or example.com/team");
      if (v == null || v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
        error(path + "[" + k + "]", "value \"" + v + "\" is not a valid label value",
            "use at most 63 letters, digits, '-', '_' or '.'");
      }
    });
  }

  /** The non-empty entries of a list by field path; empty entries are reported. */
  private <T> Map<String, T> list(String path, List<T> list) {
    Map<String, T> entries = new java.util.LinkedHashMap<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null) {
          error(path + "[" + i + "]", "is empty", "remove the empty list entry");
        } else {
          entries.put(path + "[" + i + "]", list.get(i));
        }
      }
    }
    return entries;
  }

  private boolean required(String field, String value, String fix) {
    if (value == null || value.isBlank()) {
      error(field, "is missing", fix);
      return false;
    }
    return true;
  }

  private boolean dnsLabel(String field, String value, String fix) {
    if (!required(field, value, fix)) {
      return false;
    }
    if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      error(field, "\"" + value + "\" is not a DNS-1123 label (lowercase letters, digits, '-', at most 63)", fix);
      return false;
    }
    return true;
  }

  private boolean matches(String field, String value, Pattern pattern, String fix) {
    if (value == null || !pattern.matcher(value).matches()) {
      error(field, "\"" + value + "\" is not valid", fix);
      return false;
    }
    return true;
  }

  private void min(String field, Integer value, int min) {
    if (value != null && value < min) {
      error(field, value + " is below the minimum " + min, "use " + min + " or more");
    }
  }

  private void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      error(field, value + " is out of range", "use a value from " + min + " to " + max);
    }
  }

  private void error(String field, String problem, String fix) {
    errors.add(new ValidationError(field, problem, fix));
  }
}
