package online.nexuscos.platform.api.v1alpha1;

/**
 * The regular expressions of the NexusPlatform schema, shared by the CRD (via annotations) and the
 * operator's own validation, so both accept exactly the same strings.
 */
public final class ApiPatterns {

  /** RFC 1123 label: names of namespaces, services, modules (at most 63 characters). */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** An image repository without tag, optionally with a registry host and port. */
  public static final String IMAGE_REPOSITORY =
      "^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$";

  /** An image tag as the OCI distribution spec defines it. */
  public static final String IMAGE_TAG = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

  /** A Kubernetes resource quantity such as {@code 250m}, {@code 1}, {@code 512Mi}. */
  public static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

  /** An environment variable name (C identifier). */
  public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  /** A percentage or an absolute number, as Deployments take for maxSurge/maxUnavailable. */
  public static final String INT_OR_PERCENT = "^[0-9]+%?$";

  /** An IPv4 or IPv6 CIDR block. */
  public static final String CIDR = "^([0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3})$";

  /** A label key (optional DNS prefix, then a name of at most 63 characters). */
  public static final String LABEL_KEY =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  /** A label value (empty, or at most 63 alphanumerics, '-', '_', '.'). */
  public static final String LABEL_VALUE = "^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$";

  private ApiPatterns() {}
}
