package online.nexuscos.core.rollout;

import java.time.Instant;
import online.nexuscos.core.Timestamps;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;

/**
 * The rollout bookkeeping kept in a platform's status, so that an operator restarted in the
 * middle of a rollout resumes it. Revision numbers are null until there is such a revision.
 */
public record RolloutState(
    Integer current,
    String currentHash,
    Integer stable,
    String stableHash,
    Integer failed,
    String failedHash,
    Instant startedAt) {

  public static final RolloutState EMPTY = new RolloutState(null, null, null, null, null, null, null);

  /** The state kept in {@code status}; an unreadable rolloutStartedAt reads as {@code now} (the deadline starts again). */
  public static RolloutState of(NexusPlatformStatus status, Instant now) {
    if (status == null) {
      return EMPTY;
    }
    return new RolloutState(status.getCurrentRevision(), status.getCurrentRevisionHash(),
        status.getStableRevision(), status.getStableRevisionHash(),
        status.getFailedRevision(), status.getFailedRevisionHash(),
        status.getRolloutStartedAt() == null ? null
            : Timestamps.parse("status.rolloutStartedAt", status.getRolloutStartedAt(), now));
  }

  public void writeTo(NexusPlatformStatus status) {
    status.setCurrentRevision(current);
    status.setCurrentRevisionHash(currentHash);
    status.setStableRevision(stable);
    status.setStableRevisionHash(stableHash);
    status.setFailedRevision(failed);
    status.setFailedRevisionHash(failedHash);
    status.setRolloutStartedAt(startedAt == null ? null : startedAt.toString());
  }

  RolloutState startRollout(int number, String hash, Instant now) {
    return new RolloutState(number, hash, stable, stableHash, null, null, now);
  }

  RolloutState markStable() {
    return new RolloutState(current, currentHash, current, currentHash, failed, failedHash, null);
  }

  /**
   * The current revision failed: run the stable one, remember the failed one. Restoring it is a
   * release under way ({@code startedAt} set) until every service is available at it again.
   */
  RolloutState rollBack(Instant now) {
    return new RolloutState(stable, stableHash, stable, stableHash, current, currentHash, now);
  }

  /** The stable revision restored by a rollback is available again: no release under way. */
  public RolloutState restored() {
    return new RolloutState(current, currentHash, stable, stableHash, failed, failedHash, null);
  }

  RolloutState clearFailed() {
    return new RolloutState(current, currentHash, stable, stableHash, null, null, startedAt);
  }
}
