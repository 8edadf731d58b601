package online.nexuscos.operator.rollout;

/**
 * How far one service is towards a target revision.
 *
 * @param atTarget its Deployment carries the target revision's desired state
 * @param available that Deployment is fully available
 * @param failure why the rollout of this service failed (e.g. ProgressDeadlineExceeded), or null
 */
public record ServiceProgress(String service, boolean atTarget, boolean available, String failure) {

  public boolean done() {
    return atTarget && available;
  }
}
