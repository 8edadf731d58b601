package online.nexuscos.core.model;

/** Names of the Kubernetes objects the operator creates, in one place. */
public final class Names {

  /** Per-namespace ConfigMap of the active site's data store endpoints. */
  public static final String SITE_ENDPOINTS_CONFIG_MAP = "nexus-site-endpoints";

  /** Per-namespace ConfigMap of platform settings. */
  public static final String SETTINGS_CONFIG_MAP = "nexus-platform-settings";

  public static final String POLICY_DEFAULT_DENY = "nexus-default-deny";
  public static final String POLICY_SAME_NAMESPACE = "nexus-allow-same-namespace";
  public static final String POLICY_MONITORING = "nexus-allow-monitoring";
  public static final String POLICY_DNS_EGRESS = "nexus-allow-dns-egress";
  public static final String POLICY_PLATFORM_EGRESS = "nexus-allow-platform-egress";
  private static final String POLICY_GATEWAY_PREFIX = "nexus-allow-gateway-";
  private static final String POLICY_DEPENDENTS_PREFIX = "nexus-allow-dependents-";

  /** Name of the container in every service pod. */
  public static final String CONTAINER = "service";
  /** Name of the container port; it serves the API, /health* and /metrics. */
  public static final String PORT_NAME = "http-metrics";
  /** Name of the Service port. */
  public static final String SERVICE_PORT_NAME = "http";

  private Names() {}

  public static String deployment(String service) {
    return service;
  }

  public static String service(String service) {
    return service;
  }

  public static String hpa(String service) {
    return service;
  }

  public static String pdb(String service) {
    return service;
  }

  /** Allows the gateway namespace to call one gateway service. */
  public static String gatewayPolicy(String service) {
    return POLICY_GATEWAY_PREFIX + service;
  }

  /** Allows the declared dependents (in other namespaces) to call one service. */
  public static String dependentsPolicy(String service) {
    return POLICY_DEPENDENTS_PREFIX + service;
  }

  /** The ControllerRevision recording one workload state of a platform. */
  public static String revision(String platform, String hash) {
    return platform + "-" + hash;
  }

  /** In-cluster DNS name of a service. */
  public static String serviceHost(String service, String namespace) {
    return service + "." + namespace + ".svc";
  }
}
