package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import online.nexuscos.core.status.StatusChange;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

  /** A clock the test moves. */
  private static final class StepClock extends Clock {
    Instant now = Instant.parse("2026-12-04T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final StepClock clock = new StepClock();
  private final ProgressThrottle throttle = new ProgressThrottle(clock);

  @Test
  void progressWaitsForTheRestOfTheIntervalAfterAWrite() {
    assertThat(throttle.holdBack("p1", StatusChange.PROGRESS)).as("nothing written yet").isNull();
    throttle.written("p1");
    clock.now = clock.now.plusSeconds(1);
    assertThat(throttle.holdBack("p1", StatusChange.PROGRESS)).isEqualTo(ProgressThrottle.INTERVAL.minusSeconds(1));
    clock.now = clock.now.plus(ProgressThrottle.INTERVAL);
    assertThat(throttle.holdBack("p1", StatusChange.PROGRESS)).isNull();
  }

  @Test
  void factsAreNeverHeldBackAndPlatformsAreThrottledApart() {
    throttle.written("p1");
    assertThat(throttle.holdBack("p1", StatusChange.SUBSTANTIVE)).isNull();
    assertThat(throttle.holdBack("p1", StatusChange.NONE)).isNull();
    assertThat(throttle.holdBack("p2", StatusChange.PROGRESS)).isNull();
    assertThat(throttle.holdBack("p1", StatusChange.PROGRESS)).isEqualTo(ProgressThrottle.INTERVAL);
    throttle.forget("p1");
    assertThat(throttle.holdBack("p1", StatusChange.PROGRESS)).isNull();
  }
}
