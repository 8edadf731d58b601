package online.nexuscos.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import online.nexuscos.core.status.StatusChange;

/**
 * Spaces out status writes that carry only a rollout's progress (replica counts, messages of
 * services that stay Progressing): at most one per {@link #INTERVAL} per platform, so a Deployment
 * stepping through its rollout does not cost a platform status write per step. Facts are never
 * held back. Only when the last write happened is kept here, never what was written: the status
 * the decisions read is always the cluster's, and an operator restart just writes the next one.
 */
final class ProgressThrottle {

  static final Duration INTERVAL = StatusChange.PROGRESS_INTERVAL;

  private final Clock clock;
  private final Map<String, Instant> lastWrite = new ConcurrentHashMap<>();

  ProgressThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * How long the write of a {@code change} to platform {@code uid} should wait, or null to write now
   * (facts, and progress when the last write is at least {@link #INTERVAL} old).
   */
  Duration holdBack(String uid, StatusChange change) {
    if (change != StatusChange.PROGRESS) {
      return null;
    }
    Instant last = lastWrite.get(uid);
    if (last == null) {
      return null;
    }
    Duration left = Duration.between(Instant.now(clock), last.plus(INTERVAL));
    return left.isNegative() || left.isZero() ? null : left;
  }

  /** The platform's status was written now. */
  void written(String uid) {
    lastWrite.put(uid, Instant.now(clock));
  }

  /** The platform is gone. */
  void forget(String uid) {
    lastWrite.remove(uid);
  }
}
