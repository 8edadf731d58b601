package online.nexuscos.operator.validation;

import static online.nexuscos.operator.validation.Checks.ENV_NAME;
import static online.nexuscos.operator.validation.Checks.QUANTITY;
import static online.nexuscos.operator.validation.Checks.REPOSITORY;
import static online.nexuscos.operator.validation.Checks.TAG;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import online.nexuscos.operator.model.PlatformResolver;
import online.nexuscos.operator.model.ResolvedService;
import online.nexuscos.platform.api.v1alpha1.AutoscalingSpec;
import online.nexuscos.platform.api.v1alpha1.ComputeResources;
import online.nexuscos.platform.api.v1alpha1.EnvVarSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import online.nexuscos.platform.api.v1alpha1.PodDisruptionBudgetSpec;
import online.nexuscos.platform.api.v1alpha1.ProbesSpec;
import online.nexuscos.platform.api.v1alpha1.ResourcesSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceDefaults;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/** The rules of spec.services (and the service-shaped spec.defaults): names, ports, references, cycles, resources. */
final class ServiceRules {

  private final Checks c;

  ServiceRules(Checks c) {
    this.c = c;
  }

  void services(NexusPlatformSpec spec, Set<String> namespaces, Map<String, Boolean> modules) {
    List<ServiceSpec> list = spec.getServices();
    if (list == null || list.isEmpty()) {
      c.error("spec.services", "is empty", "list at least one service with name, namespace and port");
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    Map<String, String> portOwners = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec s = list.get(i);
      String path = "spec.services[" + i + "]";
      if (s == null) {
        c.error(path, "is empty", "remove the empty list entry");
        continue;
      }
      if (c.dnsLabel(path + ".name", s.getName(), "use a DNS-1123 label such as auth-service")
          && index.putIfAbsent(s.getName(), i) != null) {
        c.error(path + ".name", "service " + s.getName() + " is already defined at spec.services["
            + index.get(s.getName()) + "]", "give every service a unique name");
      }
      if (c.dnsLabel(path + ".namespace", s.getNamespace(), "name one of spec.namespaces")
          && !namespaces.contains(s.getNamespace())) {
        c.error(path + ".namespace", "namespace " + s.getNamespace() + " is not declared",
            "add it to spec.namespaces or move the service to a declared namespace");
      }
      if (s.getModule() != null && !modules.containsKey(s.getModule())) {
        c.error(path + ".module", "module " + s.getModule() + " is not declared",
            "add it to spec.modules or remove the service's module field");
      }
      if (s.getImage() != null) {
        c.matches(path + ".image", s.getImage(), REPOSITORY,
            "give a repository without tag, e.g. ghcr.io/nexus-cos/auth-service (set the tag in .tag)");
      }
      if (s.getTag() != null) {
        c.matches(path + ".tag", s.getTag(), TAG, "use letters, digits, '_', '.', '-' (at most 128)");
      }
      if (s.getPort() == null) {
        c.error(path + ".port", "is missing", "set the port the service listens on (1-65535)");
      } else if (s.getPort() < 1 || s.getPort() > 65535) {
        c.error(path + ".port", s.getPort() + " is not a valid port", "use a port from 1 to 65535");
      } else if (s.getNamespace() != null) {
        String owner = portOwners.putIfAbsent(s.getNamespace() + ":" + s.getPort(), s.getName());
        if (owner != null) {
          c.error(path + ".port", "port " + s.getPort() + " is already used by " + owner + " in namespace "
              + s.getNamespace(), "give every service of a namespace its own port");
        }
      }
      c.min(path + ".replicas", s.getReplicas(), 0);
      env(path + ".env", s.getEnv());
      c.list(path + ".envFromSecrets", s.getEnvFromSecrets())
          .forEach((p, secret) -> c.dnsLabel(p, secret, "name a Secret in namespace " + s.getNamespace()));
      resources(path + ".resources", s.getResources());
      effectiveResources(path + ".resources", s.getResources(), spec.getDefaults());
      probes(path + ".probes", s.getProbes());
      autoscalingFields(path + ".autoscaling", s.getAutoscaling());
      ResolvedService.Autoscaling a = PlatformResolver.autoscaling(s, spec.getDefaults());
      if (a.minReplicas() > a.maxReplicas()) {
        c.error(path + ".autoscaling", "minReplicas " + a.minReplicas() + " is greater than maxReplicas "
            + a.maxReplicas() + " (after defaults)", "raise maxReplicas or lower minReplicas");
      }
      disruption(path + ".podDisruptionBudget", s.getPodDisruptionBudget());
    }
    dependencies(list, index, modules);
  }

  void dependencies(List<ServiceSpec> list, Map<String, Integer> index, Map<String, Boolean> modules) {
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec s = list.get(i);
      if (s == null) {
        continue;
      }
      for (var entry : c.list("spec.services[" + i + "].dependsOn", s.getDependsOn()).entrySet()) {
        String dep = entry.getValue();
        Integer target = dep == null ? null : index.get(dep);
        if (target == null) {
          c.error(entry.getKey(), "service " + dep + " does not exist",
              "name a service of spec.services or remove the dependency");
        } else if (dep.equals(s.getName())) {
          c.error(entry.getKey(), "service " + dep + " depends on itself", "remove the dependency");
        } else if (enabled(s, modules) && !enabled(list.get(target), modules)) {
          c.error(entry.getKey(), "service " + dep + " is in disabled module " + list.get(target).getModule(),
              "enable module " + list.get(target).getModule() + " or remove the dependency");
        }
      }
    }
    DependencyCycles.find(list, index)
        .ifPresent(cycle -> c.error("spec.services[" + index.get(cycle.get(0)) + "].dependsOn",
            "dependency cycle " + String.join(" -> ", cycle), "break the cycle by removing one dependsOn entry"));
  }

  static boolean enabled(ServiceSpec s, Map<String, Boolean> modules) {
    return s.getModule() == null || modules.getOrDefault(s.getModule(), true);
  }

  void env(String path, List<EnvVarSpec> env) {
    Set<String> names = new HashSet<>();
    for (var entry : c.list(path, env).entrySet()) {
      EnvVarSpec e = entry.getValue();
      String p = entry.getKey();
      if (c.required(p + ".name", e.getName(), "name the variable")) {
        if (c.matches(p + ".name", e.getName(), ENV_NAME, "use letters, digits and '_', not starting with a digit")
            && !names.add(e.getName())) {
          c.error(p + ".name", "variable " + e.getName() + " is set twice", "remove the duplicate");
        }
      }
      if ((e.getValue() == null) == (e.getSecretKeyRef() == null)) {
        c.error(p, "has " + (e.getValue() == null ? "neither" : "both") + " value and secretKeyRef",
            "set exactly one of value or secretKeyRef");
      }
      if (e.getSecretKeyRef() != null) {
        c.dnsLabel(p + ".secretKeyRef.name", e.getSecretKeyRef().getName(), "name a Secret");
        c.required(p + ".secretKeyRef.key", e.getSecretKeyRef().getKey(), "name a key of the Secret");
      }
    }
  }

  void resources(String path, ResourcesSpec r) {
    if (r == null) {
      return;
    }
    quantities(path + ".requests", r.getRequests());
    quantities(path + ".limits", r.getLimits());
  }

  void quantities(String path, ComputeResources amounts) {
    if (amounts == null) {
      return;
    }
    if (amounts.getCpu() != null) {
      c.matches(path + ".cpu", amounts.getCpu(), QUANTITY, "use a quantity such as 250m or 1");
    }
    if (amounts.getMemory() != null) {
      c.matches(path + ".memory", amounts.getMemory(), QUANTITY, "use a quantity such as 256Mi or 1Gi");
    }
  }

  /** Requests above limits make the API server reject the Deployment: catch it here. */
  void effectiveResources(String path, ResourcesSpec own, ServiceDefaults defaults) {
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
        c.error(path + ".requests." + p[0], "request " + p[1] + " exceeds limit " + p[2] + " (after defaults)",
            "lower the request or raise the limit");
      }
    }
  }

  static String pick(ResourcesSpec own, ResourcesSpec def, boolean request, boolean cpu, String builtIn) {
    for (ResourcesSpec r : new ResourcesSpec[] {own, def}) {
      ComputeResources c = r == null ? null : request ? r.getRequests() : r.getLimits();
      String v = c == null ? null : cpu ? c.getCpu() : c.getMemory();
      if (v != null) {
        return v;
      }
    }
    return builtIn;
  }

  void probes(String path, ProbesSpec p) {
    if (p == null) {
      return;
    }
    c.min(path + ".initialDelaySeconds", p.getInitialDelaySeconds(), 0);
    c.min(path + ".periodSeconds", p.getPeriodSeconds(), 1);
    c.min(path + ".timeoutSeconds", p.getTimeoutSeconds(), 1);
    c.min(path + ".failureThreshold", p.getFailureThreshold(), 1);
    c.min(path + ".startupFailureThreshold", p.getStartupFailureThreshold(), 1);
  }

  void autoscalingFields(String path, AutoscalingSpec a) {
    if (a == null) {
      return;
    }
    c.min(path + ".minReplicas", a.getMinReplicas(), 1);
    c.min(path + ".maxReplicas", a.getMaxReplicas(), 1);
    c.range(path + ".targetCPUUtilizationPercentage", a.getTargetCPUUtilizationPercentage(), 1, 1000);
    c.range(path + ".targetMemoryUtilizationPercentage", a.getTargetMemoryUtilizationPercentage(), 1, 1000);
    if (a.getMinReplicas() != null && a.getMaxReplicas() != null && a.getMinReplicas() > a.getMaxReplicas()) {
      c.error(path, "minReplicas " + a.getMinReplicas() + " is greater than maxReplicas " + a.getMaxReplicas(),
          "raise maxReplicas or lower minReplicas");
    }
  }

  void disruption(String path, PodDisruptionBudgetSpec p) {
    if (p == null) {
      return;
    }
    c.min(path + ".minAvailable", p.getMinAvailable(), 0);
    c.min(path + ".maxUnavailable", p.getMaxUnavailable(), 0);
    if (p.getMinAvailable() != null && p.getMaxUnavailable() != null) {
      c.error(path, "sets both minAvailable and maxUnavailable", "keep one of the two");
    }
  }
}
