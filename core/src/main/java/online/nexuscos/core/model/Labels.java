package online.nexuscos.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The label and annotation keys the operator puts on everything it creates, in one place. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String COMPONENT = "app.kubernetes.io/component";

  public static final String PART_OF_VALUE = "nexus-cos";
  public static final String MANAGED_BY_VALUE = "nexus-operator";

  /** Prefix of every label and annotation key the operator defines. */
  public static final String PREFIX = "platform.nexuscos.online/";
  /** Module of a service's objects. */
  public static final String MODULE = PREFIX + "module";
  /** Marks pods the gateway namespace may call. */
  public static final String GATEWAY = PREFIX + "gateway";

  /** Hash of the desired object the operator last wrote; a different hash means "rewrite". */
  public static final String DESIRED_HASH = PREFIX + "desired-hash";
  /** On a Deployment whose replica count belongs to an HPA. */
  public static final String REPLICAS_OWNER = PREFIX + "replicas-owner";
  /**
   * Set by a namespace's owner: the platforms (comma-separated names) that may use this existing
   * namespace. The operator never takes over a namespace it did not create without it.
   */
  public static final String OPEN_TO = PREFIX + "open-to";
  /** On a namespace the operator adopted rather than created; it is never deleted. */
  public static final String ADOPTED = PREFIX + "adopted";

  /** Pod template annotation: the platform-wide restart request (spec.restartedAt). */
  public static final String RESTARTED_AT = PREFIX + "restarted-at";
  /** Pod template annotation: a service's own restart request (spec.services[].restartedAt). */
  public static final String SERVICE_RESTARTED_AT = PREFIX + "service-restarted-at";
  /** On a ControllerRevision: the workload hash it records. */
  public static final String REVISION_HASH = PREFIX + "revision-hash";
  /**
   * On a ControllerRevision renumbered because its state was restored: the numbers it had before,
   * comma-separated, oldest first (as kubectl's {@code deployment.kubernetes.io/revision-history}).
   */
  public static final String PREVIOUS_REVISIONS = PREFIX + "previous-revisions";
  /** Request on a NexusPlatform: restore revision N (written back into the spec, then removed). */
  public static final String ROLLBACK_TO = PREFIX + "rollback-to";
  /** With {@link #ROLLBACK_TO}: restore only these services (comma-separated). */
  public static final String ROLLBACK_SERVICES = PREFIX + "rollback-services";

  /** Pod template annotation: checksum of the site endpoints, so a site switch reaches every pod. */
  public static final String ENDPOINTS_CHECKSUM = PREFIX + "endpoints-checksum";
  /** Request on a NexusPlatform: fail back to spec.failover.activeSite (removed once acted on). */
  public static final String FAILBACK = PREFIX + "failback";
  /** With a manual failover or failback: the person's reason, recorded in the failover history. */
  public static final String FAILOVER_REASON = PREFIX + "failover-reason";
  /**
   * One-shot: fail over to this site now (nexusctl failover). spec.failover.activeSite stays the
   * platform's home, where failback returns.
   */
  public static final String FAILOVER_TO = PREFIX + "failover-to";
  /**
   * One-shot: go to the requested site even though it cannot run the critical services now; the
   * value (who and why) is recorded in the failover history.
   */
  public static final String FAILOVER_FORCE = PREFIX + "failover-force";

  /**
   * With a one-shot request (rollback-to, failover-to, failback): an id the operator copies into
   * status.lastRequest with its verdict, so the requester can tell its answer from an older one.
   */
  public static final String REQUEST_ID = PREFIX + "request-id";

  /**
   * The one-shot request annotations. A platform carries one request at a time: the operator answers
   * it in status.lastRequest and removes it, and nexusctl asks for no second one before then.
   */
  public static final List<String> REQUESTS = List.of(ROLLBACK_TO, FAILOVER_TO, FAILBACK);

  /** Selector of every object any Nexus operator manages (what the informers watch). */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE;

  /** Component values. */
  public static final String COMPONENT_NAMESPACE = "namespace";
  public static final String COMPONENT_SERVICE = "microservice";
  public static final String COMPONENT_SETTINGS = "settings";
  public static final String COMPONENT_NETWORK = "network-policy";
  public static final String COMPONENT_REVISION = "platform-revision";

  private Labels() {}

  /** The common labels of one object of platform {@code instance}. */
  public static Map<String, String> common(String instance, String name, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, name);
    labels.put(INSTANCE, instance);
    labels.put(PART_OF, PART_OF_VALUE);
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    labels.put(COMPONENT, component);
    return labels;
  }

  /** The stable pod selector of a service's Deployment (immutable once created). */
  public static Map<String, String> selector(String instance, String service) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, service);
    labels.put(INSTANCE, instance);
    return labels;
  }

  /** The platform an object is managed for, or null when no Nexus operator manages it. */
  public static String instanceOf(Map<String, String> labels) {
    if (labels == null || !MANAGED_BY_VALUE.equals(labels.get(MANAGED_BY))) {
      return null;
    }
    return labels.get(INSTANCE);
  }
}
