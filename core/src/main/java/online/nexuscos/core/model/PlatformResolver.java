package online.nexuscos.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import online.nexuscos.platform.api.v1alpha1.AutoscalingSpec;
import online.nexuscos.platform.api.v1alpha1.ComputeResources;
import online.nexuscos.platform.api.v1alpha1.DataStoreSpec;
import online.nexuscos.platform.api.v1alpha1.DataStoresSpec;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.FailoverSpec;
import online.nexuscos.platform.api.v1alpha1.PlacementSpec;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;
import online.nexuscos.platform.api.v1alpha1.EgressSpec;
import online.nexuscos.platform.api.v1alpha1.ModuleSpec;
import online.nexuscos.platform.api.v1alpha1.NetworkPolicySpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import online.nexuscos.platform.api.v1alpha1.PodDisruptionBudgetSpec;
import online.nexuscos.platform.api.v1alpha1.ProbesSpec;
import online.nexuscos.platform.api.v1alpha1.ResourcesSpec;
import online.nexuscos.platform.api.v1alpha1.RolloutOrder;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceDefaults;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/**
 * Applies the defaults (the service's own value, else {@code spec.defaults}, else the built-in
 * value documented in docs/api.md) and drops services of disabled modules. Pure; expects a spec
 * that passed {@code SpecValidator}.
 */
public final class PlatformResolver {

  public static final int DEFAULT_REPLICAS = 2;
  public static final String DEFAULT_REQUEST_CPU = "100m";
  public static final String DEFAULT_REQUEST_MEMORY = "128Mi";
  public static final String DEFAULT_LIMIT_CPU = "500m";
  public static final String DEFAULT_LIMIT_MEMORY = "512Mi";
  public static final ResolvedService.Probes DEFAULT_PROBES =
      new ResolvedService.Probes(5, 10, 2, 3, 30);
  public static final int DEFAULT_MAX_REPLICAS = 5;
  public static final int DEFAULT_TARGET_CPU = 70;
  public static final int DEFAULT_PDB_MAX_UNAVAILABLE = 1;
  public static final String DEFAULT_GATEWAY_NAMESPACE = "nexus-platform";
  public static final String DEFAULT_MONITORING_NAMESPACE = "monitoring";
  public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
  public static final String DEFAULT_MAX_UNAVAILABLE = "25%";
  public static final String DEFAULT_MAX_SURGE = "25%";
  public static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;

  private PlatformResolver() {}

  /** The platform on the site its spec chooses ({@code spec.failover.activeSite}), not fenced. */
  public static ResolvedPlatform resolve(NexusPlatform platform) {
    FailoverSpec failover = platform.getSpec().getFailover();
    return resolve(platform, failover == null ? null : failover.getActiveSite(), false);
  }

  /**
   * The platform on site {@code siteName} (null: no site, as for a site-neutral revision hash),
   * optionally fenced (every Deployment at zero replicas).
   */
  public static ResolvedPlatform resolve(NexusPlatform platform, String siteName, boolean fenced) {
    NexusPlatformSpec spec = platform.getSpec();
    ServiceDefaults defaults = Optional.ofNullable(spec.getDefaults()).orElseGet(ServiceDefaults::new);
    Set<String> disabledModules =
        list(spec.getModules()).stream()
            .filter(m -> Boolean.FALSE.equals(m.getEnabled()))
            .map(ModuleSpec::getName)
            .collect(Collectors.toSet());
    String registry = spec.getImageRegistry().replaceAll("/+$", "");

    List<ResolvedService> services =
        list(spec.getServices()).stream()
            .filter(s -> s.getModule() == null || !disabledModules.contains(s.getModule()))
            .map(s -> service(s, defaults, registry, spec.getVersion()))
            .toList();
    List<ResolvedPlatform.Namespace> namespaces =
        list(spec.getNamespaces()).stream()
            .map(n -> new ResolvedPlatform.Namespace(n.getName(), map(n.getLabels()), map(n.getAnnotations())))
            .toList();
    return new ResolvedPlatform(
        platform.getMetadata().getName(),
        spec.getVersion(),
        Objects.requireNonNullElse(spec.getDeletionPolicy(), DeletionPolicy.Retain),
        namespaces,
        services,
        list(spec.getImagePullSecrets()),
        network(spec.getNetworkPolicy()),
        rollout(spec.getRollout(), spec.getRestartedAt()),
        site(spec.getFailover(), siteName),
        fenced);
  }

  private static ResolvedPlatform.Site site(FailoverSpec failover, String name) {
    if (failover == null || name == null) {
      return null;
    }
    SiteSpec site = list(failover.getSites()).stream().filter(s -> name.equals(s.getName())).findFirst().orElse(null);
    if (site == null) {
      return null;
    }
    Map<String, String> endpoints = new java.util.TreeMap<>();
    Map<String, String> credentials = new java.util.TreeMap<>();
    endpoints.put("NEXUS_ACTIVE_SITE", site.getName());
    DataStoresSpec stores = site.getDataStores() == null ? new DataStoresSpec() : site.getDataStores();
    store("POSTGRES_", stores.getPostgresql(), endpoints, credentials);
    store("MONGODB_", stores.getMongodb(), endpoints, credentials);
    store("REDIS_", stores.getRedis(), endpoints, credentials);
    store("RABBITMQ_", stores.getRabbitmq(), endpoints, credentials);
    PlacementSpec placement = site.getPlacement() == null ? new PlacementSpec() : site.getPlacement();
    return new ResolvedPlatform.Site(site.getName(), map(placement.getNodeSelector()),
        list(placement.getMatchExpressions()), endpoints, credentials);
  }

  private static void store(String prefix, DataStoreSpec store, Map<String, String> endpoints,
      Map<String, String> credentials) {
    if (store == null) {
      return;
    }
    endpoints.put(prefix + "HOST", store.getHost());
    endpoints.put(prefix + "PORT", String.valueOf(store.getPort()));
    if (store.getDatabase() != null) {
      endpoints.put(prefix + "DATABASE", store.getDatabase());
    }
    if (store.getCredentialsSecret() != null) {
      credentials.put(prefix, store.getCredentialsSecret());
    }
  }

  /** The full image reference of a service: repository override or registry/name, then tag. */
  public static String image(ServiceSpec s, String registry, String version) {
    String repository = s.getImage() != null ? s.getImage() : registry + "/" + s.getName();
    return repository + ":" + (s.getTag() != null ? s.getTag() : version);
  }

  private static ResolvedService service(
      ServiceSpec s, ServiceDefaults d, String registry, String version) {
    ResolvedService.Autoscaling autoscaling = autoscaling(s, d);
    int replicas =
        autoscaling.enabled()
            ? autoscaling.minReplicas()
            : first(s.getReplicas(), d.getReplicas(), DEFAULT_REPLICAS);
    return new ResolvedService(
        s.getName(),
        s.getNamespace(),
        s.getModule(),
        image(s, registry, version),
        s.getPort(),
        replicas,
        list(s.getEnv()),
        list(s.getEnvFromSecrets()),
        resources(s.getResources(), d.getResources()),
        probes(s.getProbes(), d.getProbes()),
        autoscaling,
        disruption(s.getPodDisruptionBudget(), d.getPodDisruptionBudget()),
        list(s.getDependsOn()),
        Boolean.TRUE.equals(s.getGateway()),
        Boolean.TRUE.equals(s.getCritical()),
        s.getRestartedAt());
  }

  private static ResolvedService.Resources resources(ResourcesSpec own, ResourcesSpec def) {
    Function<ResourcesSpec, ComputeResources> req = r -> r == null ? null : r.getRequests();
    Function<ResourcesSpec, ComputeResources> lim = r -> r == null ? null : r.getLimits();
    return new ResolvedService.Resources(
        first(cpu(req.apply(own)), cpu(req.apply(def)), DEFAULT_REQUEST_CPU),
        first(memory(req.apply(own)), memory(req.apply(def)), DEFAULT_REQUEST_MEMORY),
        first(cpu(lim.apply(own)), cpu(lim.apply(def)), DEFAULT_LIMIT_CPU),
        first(memory(lim.apply(own)), memory(lim.apply(def)), DEFAULT_LIMIT_MEMORY));
  }

  private static ResolvedService.Probes probes(ProbesSpec own, ProbesSpec def) {
    ProbesSpec o = own == null ? new ProbesSpec() : own;
    ProbesSpec d = def == null ? new ProbesSpec() : def;
    ResolvedService.Probes b = DEFAULT_PROBES;
    return new ResolvedService.Probes(
        first(o.getInitialDelaySeconds(), d.getInitialDelaySeconds(), b.initialDelaySeconds()),
        first(o.getPeriodSeconds(), d.getPeriodSeconds(), b.periodSeconds()),
        first(o.getTimeoutSeconds(), d.getTimeoutSeconds(), b.timeoutSeconds()),
        first(o.getFailureThreshold(), d.getFailureThreshold(), b.failureThreshold()),
        first(o.getStartupFailureThreshold(), d.getStartupFailureThreshold(), b.startupFailureThreshold()));
  }

  /** The effective autoscaling of a service (shared with validation, which checks min <= max). */
  public static ResolvedService.Autoscaling autoscaling(ServiceSpec s, ServiceDefaults defaults) {
    AutoscalingSpec o = s.getAutoscaling() == null ? new AutoscalingSpec() : s.getAutoscaling();
    AutoscalingSpec d =
        defaults == null || defaults.getAutoscaling() == null
            ? new AutoscalingSpec()
            : defaults.getAutoscaling();
    boolean enabled = first(o.getEnabled(), d.getEnabled(), false);
    int fixed = first(s.getReplicas(), defaults == null ? null : defaults.getReplicas(), DEFAULT_REPLICAS);
    int min = first(o.getMinReplicas(), d.getMinReplicas(), Math.max(1, fixed));
    int max = first(o.getMaxReplicas(), d.getMaxReplicas(), Math.max(min, DEFAULT_MAX_REPLICAS));
    return new ResolvedService.Autoscaling(
        enabled,
        min,
        max,
        first(o.getTargetCPUUtilizationPercentage(), d.getTargetCPUUtilizationPercentage(), DEFAULT_TARGET_CPU),
        o.getTargetMemoryUtilizationPercentage() != null
            ? o.getTargetMemoryUtilizationPercentage()
            : d.getTargetMemoryUtilizationPercentage());
  }

  private static ResolvedService.Disruption disruption(
      PodDisruptionBudgetSpec own, PodDisruptionBudgetSpec def) {
    PodDisruptionBudgetSpec o = own == null ? new PodDisruptionBudgetSpec() : own;
    PodDisruptionBudgetSpec d = def == null ? new PodDisruptionBudgetSpec() : def;
    boolean enabled = first(o.getEnabled(), d.getEnabled(), true);
    // The service's own choice of field wins as a whole, so min and max never mix across levels.
    PodDisruptionBudgetSpec chosen =
        (o.getMinAvailable() != null || o.getMaxUnavailable() != null) ? o : d;
    if (chosen.getMinAvailable() != null) {
      return new ResolvedService.Disruption(enabled, chosen.getMinAvailable(), null);
    }
    return new ResolvedService.Disruption(
        enabled, null, first(chosen.getMaxUnavailable(), null, DEFAULT_PDB_MAX_UNAVAILABLE));
  }

  private static ResolvedPlatform.Network network(NetworkPolicySpec n) {
    NetworkPolicySpec s = n == null ? new NetworkPolicySpec() : n;
    EgressSpec e = s.getEgress() == null ? new EgressSpec() : s.getEgress();
    return new ResolvedPlatform.Network(
        first(s.getEnabled(), null, true),
        first(s.getGatewayNamespace(), null, DEFAULT_GATEWAY_NAMESPACE),
        first(s.getMonitoringNamespace(), null, DEFAULT_MONITORING_NAMESPACE),
        Boolean.TRUE.equals(e.getRestrict()),
        list(e.getAllowedCIDRs()));
  }

  private static ResolvedPlatform.Rollout rollout(RolloutSpec r, String restartedAt) {
    RolloutSpec s = r == null ? new RolloutSpec() : r;
    return new ResolvedPlatform.Rollout(
        first(s.getProgressDeadlineSeconds(), null, DEFAULT_PROGRESS_DEADLINE_SECONDS),
        first(s.getMaxUnavailable(), null, DEFAULT_MAX_UNAVAILABLE),
        first(s.getMaxSurge(), null, DEFAULT_MAX_SURGE),
        first(s.getAutoRollback(), null, true),
        first(s.getOrder(), null, RolloutOrder.dependencies),
        first(s.getRevisionHistoryLimit(), null, DEFAULT_REVISION_HISTORY_LIMIT),
        restartedAt);
  }

  private static String cpu(ComputeResources r) {
    return r == null ? null : r.getCpu();
  }

  private static String memory(ComputeResources r) {
    return r == null ? null : r.getMemory();
  }

  private static <T> T first(T own, T fallback, T builtIn) {
    return own != null ? own : fallback != null ? fallback : builtIn;
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> map(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
