package online.nexuscos.core.validation;

import static online.nexuscos.core.validation.Checks.QUANTITY;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.platform.api.v1alpha1.EnvVarSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import online.nexuscos.platform.api.v1alpha1.ResourcesSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceDefaults;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;
import online.nexuscos.platform.api.v1alpha1.ComputeResources;

/** The rules of spec.services no schema can express: references, uniqueness, cycles, depth, pairs of fields. */
final class ServiceRules {

  /** Most rollout waves (services in the longest dependsOn chain) a platform may have. */
  static final int MAX_DEPENDENCY_DEPTH = 32;
  /** Longest image reference a container runtime accepts (the name part). */
  static final int MAX_IMAGE_LENGTH = 255;

  private final Checks c;

  ServiceRules(Checks c) {
    this.c = c;
  }

  void services(NexusPlatformSpec spec, Set<String> namespaces, Map<String, Boolean> modules) {
    List<ServiceSpec> list = spec.getServices();
    if (list == null) {
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    Map<String, String> portOwners = new HashMap<>();
    for (var entry : Checks.list("spec.services", list).entrySet()) {
      String path = entry.getKey();
      ServiceSpec s = entry.getValue();
      int i = list.indexOf(s);
      if (s.getName() != null && index.putIfAbsent(s.getName(), i) != null) {
        c.error(path + ".name", "service " + s.getName() + " is already defined at spec.services["
            + index.get(s.getName()) + "]", "give every service a unique name");
      }
      if (s.getNamespace() != null && !namespaces.contains(s.getNamespace())) {
        c.error(path + ".namespace", "namespace " + s.getNamespace() + " is not declared",
            "add it to spec.namespaces or move the service to a declared namespace");
      }
      if (s.getModule() != null && !modules.containsKey(s.getModule())) {
        c.error(path + ".module", "module " + s.getModule() + " is not declared",
            "add it to spec.modules or remove the service's module field");
      }
      image(path, s, spec);
      if (s.getPort() != null && s.getNamespace() != null) {
        String owner = portOwners.putIfAbsent(s.getNamespace() + ":" + s.getPort(), s.getName());
        if (owner != null) {
          c.error(path + ".port", "port " + s.getPort() + " is already used by " + owner + " in namespace "
              + s.getNamespace(), "give every service of a namespace its own port");
        }
      }
      env(path + ".env", s.getEnv());
      Checks.list(path + ".envFromSecrets", s.getEnvFromSecrets())
          .forEach((p, secret) -> c.secretName(p, secret, "in namespace " + s.getNamespace()));
      effectiveResources(path + ".resources", s.getResources(), spec.getDefaults());
      ResolvedService.Autoscaling a = PlatformResolver.autoscaling(s, spec.getDefaults());
      if (a.minReplicas() > a.maxReplicas()) {
        c.error(path + ".autoscaling", "minReplicas " + a.minReplicas() + " is greater than maxReplicas "
            + a.maxReplicas() + " (after defaults)", "raise maxReplicas or lower minReplicas");
      }
      if (s.getPodDisruptionBudget() != null && s.getPodDisruptionBudget().getMinAvailable() != null
          && s.getPodDisruptionBudget().getMaxUnavailable() != null) {
        c.error(path + ".podDisruptionBudget", "set minAvailable or maxUnavailable, not both", "keep one of the two");
      }
    }
    ServiceDefaults d = spec.getDefaults();
    if (d != null && d.getPodDisruptionBudget() != null && d.getPodDisruptionBudget().getMinAvailable() != null
        && d.getPodDisruptionBudget().getMaxUnavailable() != null) {
      c.error("spec.defaults.podDisruptionBudget", "set minAvailable or maxUnavailable, not both", "keep one of the two");
    }
    var da = d == null ? null : d.getAutoscaling();
    if (da != null && da.getMinReplicas() != null && da.getMaxReplicas() != null && da.getMinReplicas() > da.getMaxReplicas()) {
      c.error("spec.defaults.autoscaling", "minReplicas " + da.getMinReplicas() + " is greater than maxReplicas "
          + da.getMaxReplicas(), "raise maxReplicas or lower minReplicas");
    }
    dependencies(list, index, modules);
  }

  /** The reference the Deployment will carry must be one a runtime can pull. */
  private void image(String path, ServiceSpec s, NexusPlatformSpec spec) {
    String repository = s.getImage() != null ? s.getImage()
        : spec.getImageRegistry() == null || s.getName() == null ? null : spec.getImageRegistry() + "/" + s.getName();
    if (repository != null && repository.length() > MAX_IMAGE_LENGTH) {
      c.error(s.getImage() != null ? path + ".image" : "spec.imageRegistry", "image " + repository + " is longer than "
          + MAX_IMAGE_LENGTH + " characters", "use a shorter registry path or service name");
    }
  }

  void dependencies(List<ServiceSpec> list, Map<String, Integer> index, Map<String, Boolean> modules) {
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec s = list.get(i);
      if (s == null) {
        continue;
      }
      for (var entry : Checks.list("spec.services[" + i + "].dependsOn", s.getDependsOn()).entrySet()) {
        String dep = entry.getValue();
        Integer target = index.get(dep);
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
    DependencyGraph graph = new DependencyGraph(list, index);
    var cycle = graph.cycle();
    if (cycle.isPresent()) {
      c.error("spec.services[" + index.get(cycle.get().get(0)) + "].dependsOn", "dependency cycle "
          + String.join(" -> ", cycle.get()), "break the cycle by removing one dependsOn entry");
    } else if (graph.depth() > MAX_DEPENDENCY_DEPTH) {
      c.error("spec.services", "the longest dependsOn chain has " + graph.depth() + " services, more than "
          + MAX_DEPENDENCY_DEPTH + " rollout waves", "flatten the dependencies: a service needs only its direct callees");
    }
  }

  static boolean enabled(ServiceSpec s, Map<String, Boolean> modules) {
    return s.getModule() == null || modules.getOrDefault(s.getModule(), true);
  }

  void env(String path, List<EnvVarSpec> env) {
    Set<String> names = new HashSet<>();
    for (var entry : Checks.list(path, env).entrySet()) {
      EnvVarSpec e = entry.getValue();
      String p = entry.getKey();
      if (e.getName() != null && !names.add(e.getName())) {
        c.error(p + ".name", "variable " + e.getName() + " is set twice", "remove the duplicate");
      }
      if ((e.getValue() == null) == (e.getSecretKeyRef() == null)) {
        c.error(p, "has " + (e.getValue() == null ? "neither" : "both") + " value and secretKeyRef",
            "set exactly one of value or secretKeyRef");
      }
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
      if (QUANTITY.matcher(p[1]).matches() && QUANTITY.matcher(p[2]).matches() && compare(p[1], p[2]) > 0) {
        c.error(path + ".requests." + p[0], "request " + p[1] + " exceeds limit " + p[2] + " (after defaults)",
            "lower the request or raise the limit");
      }
    }
  }

  /** Compares two quantities the schema accepted; 0 when fabric8 cannot read one (the schema already judged it). */
  private static int compare(String a, String b) {
    try {
      return Quantity.getAmountInBytes(new Quantity(a)).compareTo(Quantity.getAmountInBytes(new Quantity(b)));
    } catch (RuntimeException e) {
      return 0;
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
}
