package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchGoalsTest {

  @Test
  void ratiosWritesAndStartUpAreJudgedAgainstTheirGoals() {
    Map<String, Object> real = Map.of(
        "converge", Map.of("example", Map.of("ratio", 1.49), "synthetic-500", Map.of("ratio", 1.31)),
        "requests", Map.of("one_change", Map.of("writes", 5), "quiet_resync", Map.of("requests", 0)),
        "start_to_ready_ms", 1501);
    List<BenchGoals.Goal> goals = BenchGoals.judge(Map.of("tiers", Map.of("real", real)));
    assertThat(goals).extracting(BenchGoals.Goal::goal, BenchGoals.Goal::met).containsExactly(
        org.assertj.core.groups.Tuple.tuple("example converge ≤ 1.5× the floor (real)", true),
        org.assertj.core.groups.Tuple.tuple("synthetic-500 converge ≤ 1.3× the floor (real)", false),
        org.assertj.core.groups.Tuple.tuple("one changed service = 3 writes (real)", false),
        org.assertj.core.groups.Tuple.tuple("quiet resync = 0 requests (real)", true),
        org.assertj.core.groups.Tuple.tuple("operator start → synced ≤ 1.5 s (real, no platform)", false));
  }

  @Test
  void memoryIsPerCachedObjectAboveTheEmptyOperatorAndRssIsExtrapolatedTo16k() {
    Map<String, Object> real = Map.of(
        "memory", Map.of("0", Map.of("heap_after_gc_bytes", 20_000_000, "rss_bytes", 100_000_000, "cached_objects", 20)),
        "converge", Map.of("burst-100", Map.of("platforms", 100, "ratio", 1.2, "memory_at_100",
            Map.of("heap_after_gc_bytes", 30_000_000, "rss_bytes", 140_000_000, "cached_objects", 4020))));
    List<BenchGoals.Goal> goals = BenchGoals.judge(Map.of("tiers", Map.of("real", real)));
    assertThat(goals).filteredOn(g -> g.goal().startsWith("heap")).singleElement()
        .satisfies(g -> {
          assertThat(g.figure()).isEqualTo("2500 bytes");
          assertThat(g.met()).isTrue();
        });
    // 100 MB + 10 kB per object × (16k − the 20 there before) = 259.8 MB: below 281 MB
    assertThat(goals).filteredOn(g -> g.goal().startsWith("RSS")).singleElement()
        .satisfies(g -> {
          assertThat(g.figure()).isEqualTo("259 MB (extrapolated from 4020 objects)");
          assertThat(g.met()).isTrue();
        });
  }

  @Test
  void memoryBeforeTheBurstInTheSameProcessIsTheBaselineWhenMeasured() {
    Map<String, Object> real = Map.of(
        "memory", Map.of("0", Map.of("heap_after_gc_bytes", 20_000_000, "rss_bytes", 100_000_000, "cached_objects", 20)),
        "converge", Map.of("burst-100", Map.of("platforms", 100, "ratio", 1.2,
            "memory_before_100", Map.of("heap_after_gc_bytes", 26_000_000, "rss_bytes", 150_000_000, "cached_objects", 520),
            "memory_at_100", Map.of("heap_after_gc_bytes", 36_000_000, "rss_bytes", 190_000_000, "cached_objects", 5520))));
    List<BenchGoals.Goal> goals = BenchGoals.judge(Map.of("tiers", Map.of("real", real)));
    // (36 − 26) MB / 5000 objects
    assertThat(goals).filteredOn(g -> g.goal().startsWith("heap")).singleElement()
        .satisfies(g -> assertThat(g.figure()).isEqualTo("2000 bytes"));
    // 150 MB + 8 kB per object × (16k − the 520 there before) = 273.8 MB
    assertThat(goals).filteredOn(g -> g.goal().startsWith("RSS")).singleElement()
        .satisfies(g -> assertThat(g.figure()).isEqualTo("273 MB (extrapolated from 5520 objects)"));
  }
}
