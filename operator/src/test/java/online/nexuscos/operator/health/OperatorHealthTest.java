package online.nexuscos.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import online.nexuscos.operator.health.HealthSnapshot.Role;
import online.nexuscos.operator.testing.AdjustableClock;
import org.junit.jupiter.api.Test;

class OperatorHealthTest {

  private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final OperatorHealth health = new OperatorHealth(clock, Duration.ofMinutes(2));

  private static final HealthSnapshot STARTING = new HealthSnapshot(false, Role.LEADER, List.of());
  private static final HealthSnapshot SYNCED = new HealthSnapshot(true, Role.LEADER, List.of());
  private static final HealthSnapshot NOT_WATCHING =
      new HealthSnapshot(true, Role.LEADER, List.of("NexusPlatform not watching"));

  @Test
  void readyOnlyOnceStartedWithEveryInformerSyncedAndWatching() {
    assertThat(health.ready(STARTING)).isEqualTo(new OperatorHealth.Verdict(false, "starting (leader)"));
    assertThat(health.ready(NOT_WATCHING).ok()).isFalse();
    assertThat(health.ready(NOT_WATCHING).text()).contains("NexusPlatform not watching");
    assertThat(health.ready(SYNCED)).isEqualTo(new OperatorHealth.Verdict(true, "ok (leader)"));
  }

  @Test
  void aStandbyWithWarmCachesIsReadyAndSaysItIsTheStandby() {
    assertThat(health.ready(new HealthSnapshot(true, Role.STANDBY, List.of())))
        .isEqualTo(new OperatorHealth.Verdict(true, "ok (standby)"));
    assertThat(health.ready(new HealthSnapshot(true, Role.SINGLE, List.of())).text()).isEqualTo("ok (single)");
  }

  @Test
  void aShortWatchOutageKeepsTheProcessAliveAStuckInformerDoesNot() {
    assertThat(health.live(STARTING).ok()).isTrue();
    assertThat(health.live(NOT_WATCHING).ok()).isTrue();
    clock.advance(Duration.ofSeconds(119));
    assertThat(health.live(NOT_WATCHING).ok()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    OperatorHealth.Verdict stuck = health.live(NOT_WATCHING);
    assertThat(stuck.ok()).isFalse();
    assertThat(stuck.text()).isEqualTo("stuck: informers unhealthy for 120 s: NexusPlatform not watching");
  }

  @Test
  void recoveringResetsTheStuckTimer() {
    health.live(NOT_WATCHING);
    clock.advance(Duration.ofSeconds(100));
    assertThat(health.live(SYNCED).ok()).isTrue();
    health.live(NOT_WATCHING);
    clock.advance(Duration.ofSeconds(100));
    assertThat(health.live(NOT_WATCHING).ok()).as("100 s since it went unhealthy again").isTrue();
  }
}
