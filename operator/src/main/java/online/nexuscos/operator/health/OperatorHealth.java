package online.nexuscos.operator.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The verdicts of {@code /healthz} and {@code /readyz}. Ready: started and every informer synced
 * and watching (a standby replica keeps warm caches too, and says it is the standby). Alive:
 * unless an informer has been unhealthy for longer than {@code stuckAfter} without a break, the
 * state a restart cures (e.g. an informer that stopped watching for good); a short watch outage
 * while the API server restarts is not a reason to restart.
 */
public final class OperatorHealth {

  /** How long informers may stay unhealthy before the process counts as stuck. */
  public static final Duration DEFAULT_STUCK_AFTER = Duration.ofMinutes(2);

  /** An endpoint's answer: healthy or not, and a line for people. */
  public record Verdict(boolean ok, String text) {}

  private final Clock clock;
  private final Duration stuckAfter;
  private Instant unhealthySince;

  public OperatorHealth(Clock clock, Duration stuckAfter) {
    this.clock = clock;
    this.stuckAfter = stuckAfter;
  }

  /** {@code /healthz}; also tracks since when the informers have been unhealthy. */
  public synchronized Verdict live(HealthSnapshot snapshot) {
    if (!snapshot.started() || snapshot.unhealthyInformers().isEmpty()) {
      unhealthySince = null;
      return new Verdict(true, "ok");
    }
    Instant now = clock.instant();
    if (unhealthySince == null) {
      unhealthySince = now;
    }
    Duration unhealthyFor = Duration.between(unhealthySince, now);
    if (unhealthyFor.compareTo(stuckAfter) >= 0) {
      return new Verdict(false, "stuck: informers unhealthy for " + unhealthyFor.toSeconds() + " s: "
          + String.join("; ", snapshot.unhealthyInformers()));
    }
    return new Verdict(true, "ok (informers unhealthy for " + unhealthyFor.toSeconds() + " s of "
        + stuckAfter.toSeconds() + " s allowed)");
  }

  /** {@code /readyz}. */
  public Verdict ready(HealthSnapshot snapshot) {
    String role = snapshot.role().name().toLowerCase(java.util.Locale.ROOT);
    if (!snapshot.started()) {
      return new Verdict(false, "starting (" + role + ")");
    }
    if (!snapshot.unhealthyInformers().isEmpty()) {
      return new Verdict(false, "caches not synced (" + role + "): " + String.join("; ", snapshot.unhealthyInformers()));
    }
    return new Verdict(true, "ok (" + role + ")");
  }
}
