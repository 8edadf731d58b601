package online.nexuscos.core.rollout;

/**
 * How far one service is towards a target revision.
 *
 * @param atTarget its Deployment carries the target revision's desired state
 * @param available that Deployment is fully available
 * @param failure why the rollout of this service failed (e.g. ProgressDeadlineExceeded), or null
 * @param detail where it stands when not done (e.g. "0 of 2 updated replicas available"), or null
 */
public record ServiceProgress(String service, boolean atTarget, boolean available, String failure, String detail) {

  public ServiceProgress(String service, boolean atTarget, boolean available, String failure) {
    this(service, atTarget, available, failure, null);
  }

  /** The service, with where it stands when known: {@code billing-service (0 of 2 ... available)}. */
  public String describe() {
    return detail == null ? service : service + " (" + detail + ")";
  }

  public boolean done() {
    return atTarget && available;
  }
}
