package online.nexuscos.platform.api.v1alpha1;

/**
 * The regular expressions of the NexusPlatform schema, shared by the CRD (via annotations) and the
 * operator's own validation, so both accept exactly the same strings.
 */
public final class ApiPatterns {

  /** RFC 1123 label: names of namespaces, services, modules (at most 63 characters). */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** RFC 1035 label: names of services, which become Kubernetes Service names (start with a letter). */
  public static final String DNS_1035_LABEL = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

  /** RFC 1123 subdomain: names of Secrets (dots allowed, at most 253). */
  public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  private static final String DOMAIN =
      "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]{1,5})?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*";

  /**
   * An image repository without tag or digest, as the distribution reference grammar reads it: a
   * registry host (with an optional port) only before a '/', so {@code redis:7} is a repository
   * with a tag and is refused here (the tag belongs in {@code tag}).
   */
  public static final String IMAGE_REPOSITORY =
      "^(" + DOMAIN + "/)?" + PATH_COMPONENT + "(/" + PATH_COMPONENT + ")*$";

  /** A registry host (optional port) and optional path prefix, e.g. ghcr.io/nexus-cos or localhost:5000. */
  public static final String IMAGE_REGISTRY = "^" + DOMAIN + "(/" + PATH_COMPONENT + ")*$";

  /** An image tag as the OCI distribution spec defines it. */
  public static final String IMAGE_TAG = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";

  /**
   * A non-negative resource quantity in the API server's grammar: a decimal number, then a binary
   * suffix (Ki..Ei), a decimal suffix (n, u, m, k, M..E) or a decimal exponent (e3, E-2), e.g.
   * {@code 250m}, {@code 0.5}, {@code 512Mi}, {@code 1e3}.
   */
  public static final String QUANTITY =
      "^\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|([eE][-+]?[0-9]+))?$";

  /** A key of a Secret or ConfigMap: letters, digits, '-', '_', '.'. */
  public static final String CONFIG_KEY = "^[-._a-zA-Z0-9]+$";

  /** An environment variable name (C identifier). */
  public static final String ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  /** A percentage or an absolute number (within int32), as Deployments take for maxSurge/maxUnavailable. */
  public static final String INT_OR_PERCENT = "^[0-9]{1,9}%?$";

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

  /**
   * An IPv4 CIDR block (octets 0-255 without leading zeros, prefix 0-32) or the shape of an IPv6
   * one; the validator parses IPv6 blocks fully (prefix 0-128).
   */
  public static final String CIDR = "^(" + OCTET + "(\\." + OCTET + "){3}/(3[0-2]|[12]?[0-9])"
      + "|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$";

  /** A label key (optional DNS prefix, then a name of at most 63 characters). */
  public static final String LABEL_KEY =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  /** A label value (empty, or at most 63 alphanumerics, '-', '_', '.'). */
  public static final String LABEL_VALUE = "^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$";

  private static final java.util.Map<String, String> HINTS = java.util.Map.ofEntries(
      java.util.Map.entry(DNS_LABEL, "use a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, e.g. nexus-auth"),
      java.util.Map.entry(DNS_1035_LABEL, "use a DNS-1035 label (it becomes a Kubernetes Service name): lowercase letters, digits and '-', starting with a letter, e.g. auth-service"),
      java.util.Map.entry(DNS_SUBDOMAIN, "use a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', e.g. db-credentials.v2"),
      java.util.Map.entry(IMAGE_REPOSITORY, "give a repository without tag or digest, e.g. ghcr.io/nexus-cos/auth-service or redis (put the tag in .tag)"),
      java.util.Map.entry(IMAGE_REGISTRY, "give a registry host and optional path, e.g. ghcr.io/nexus-cos or localhost:5000"),
      java.util.Map.entry(IMAGE_TAG, "use an image tag: letters, digits, '_', '.', '-', not starting with '.' or '-', at most 128"),
      java.util.Map.entry(QUANTITY, "use a quantity such as 250m, 0.5, 1, 512Mi or 1e3"),
      java.util.Map.entry(ENV_NAME, "use letters, digits and '_', not starting with a digit"),
      java.util.Map.entry(CONFIG_KEY, "use letters, digits, '-', '_' or '.'"),
      java.util.Map.entry(INT_OR_PERCENT, "use a whole number or a percentage such as 25%"),
      java.util.Map.entry(CIDR, "use CIDR notation such as 10.0.0.0/16 or fd00::/8"),
      java.util.Map.entry(LABEL_KEY, "use a label key such as tier or example.com/team"),
      java.util.Map.entry(LABEL_VALUE, "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"));

  private ApiPatterns() {}

  /** What to write instead of a string that does not match {@code pattern} (a generic hint for others). */
  public static String hint(String pattern) {
    return HINTS.getOrDefault(pattern, "see `kubectl explain` or docs/api.md for the format");
  }
}
