package online.nexuscos.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.RolloutOrder;

/**
 * A validated platform spec with every default applied and disabled modules left out, placed on
 * one site: the single input of rendering.
 *
 * @param site the site the platform runs on, or null when the spec declares no sites
 * @param fenced every Deployment scaled to zero (and no HPA), the first step of a failover
 * @param servicesByName the services indexed by name (derived from {@code services}: lookups stay
 *     constant-time, so rendering and planning grow linearly with the platform)
 */
public record ResolvedPlatform(
    String name,
    String version,
    DeletionPolicy deletionPolicy,
    List<Namespace> namespaces,
    List<ResolvedService> services,
    List<String> imagePullSecrets,
    Network network,
    Rollout rollout,
    Site site,
    boolean fenced,
    Map<String, ResolvedService> servicesByName) {

  public ResolvedPlatform(String name, String version, DeletionPolicy deletionPolicy, List<Namespace> namespaces,
      List<ResolvedService> services, List<String> imagePullSecrets, Network network, Rollout rollout, Site site,
      boolean fenced) {
    this(name, version, deletionPolicy, namespaces, services, imagePullSecrets, network, rollout, site, fenced,
        index(services));
  }

  private static Map<String, ResolvedService> index(List<ResolvedService> services) {
    Map<String, ResolvedService> byName = new java.util.HashMap<>();
    services.forEach(s -> byName.putIfAbsent(s.name(), s));
    return java.util.Collections.unmodifiableMap(byName);
  }

  /**
   * The site the platform runs on: where pods go and the data store endpoints they get.
   *
   * @param endpoints environment variables of the site endpoints ConfigMap
   * @param credentials Secret name by environment variable prefix (e.g. POSTGRES_)
   */
  public record Site(
      String name,
      Map<String, String> nodeSelector,
      List<online.nexuscos.platform.api.v1alpha1.NodeRequirement> matchExpressions,
      Map<String, String> endpoints,
      Map<String, String> credentials) {}

  /** A platform namespace with the user's extra labels and annotations. */
  public record Namespace(String name, Map<String, String> labels, Map<String, String> annotations) {}

  /** Network isolation settings. */
  public record Network(
      boolean enabled,
      String gatewayNamespace,
      String monitoringNamespace,
      boolean restrictEgress,
      List<String> allowedEgressCidrs) {}

  /**
   * Rollout settings: passed to every Deployment, and driving revisions and rollback.
   *
   * @param restartedAt the platform-wide restart request, or null
   */
  public record Rollout(
      int progressDeadlineSeconds,
      String maxUnavailable,
      String maxSurge,
      boolean autoRollback,
      RolloutOrder order,
      int revisionHistoryLimit,
      String restartedAt) {}

  public Optional<ResolvedService> service(String serviceName) {
    return Optional.ofNullable(servicesByName.get(serviceName));
  }

  public List<ResolvedService> servicesIn(String namespace) {
    return services.stream().filter(s -> s.namespace().equals(namespace)).toList();
  }
}
