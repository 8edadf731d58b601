package online.nexuscos.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 15's goals judged from one benchmark JSON: each with the figure that decides it, so that
 * docs/performance.md says plainly which are met, from the run it was generated from.
 */
final class BenchGoals {

  /** A goal, the measured figure, and whether the figure meets it (null: not measured). */
  record Goal(String goal, String figure, Boolean met) {}

  /** controller-runtime's RSS over ~8k cached objects (the anchor). */
  static final long CONTROLLER_RUNTIME_RSS_AT_8K = 281L * 1_000_000;

  private BenchGoals() {}

  static List<Goal> judge(Map<String, Object> result) {
    List<Goal> goals = new ArrayList<>();
    Map<String, Object> tiers = map(result, "tiers");
    for (String tier : List.of("real", "sandbox")) {
      Map<String, Object> converge = map(map(tiers, tier), "converge");
      ratio(goals, tier, converge, "example", 1.5);
      ratio(goals, tier, converge, "example-parallel", 1.5); // the same goal without the dependency waits
      ratio(goals, tier, converge, "synthetic-500", 1.3);
      converge.keySet().stream().filter(k -> k.startsWith("burst")).forEach(k -> ratio(goals, tier, converge, k, 1.3));
    }
    Map<String, Object> real = map(tiers, "real");
    Map<String, Object> requests = map(real, "requests");
    if (!requests.isEmpty()) {
      long writes = num(map(requests, "one_change"), "writes");
      goals.add(new Goal("one changed service = 3 writes (real)", writes + " writes", writes <= 3));
      long quiet = num(map(requests, "quiet_resync"), "requests");
      goals.add(new Goal("quiet resync = 0 requests (real)", quiet + " requests", quiet == 0));
    }
    if (real.containsKey("start_to_ready_ms")) {
      long ms = num(real, "start_to_ready_ms");
      goals.add(new Goal("operator start → synced ≤ 1.5 s (real, no platform)", ms + " ms", ms <= 1500));
    }
    memory(goals, real);
    Map<String, Object> cli = map(map(result, "nexusctl"), "commands");
    cli.forEach((name, v) -> {
      long ms = num(map(cli, name), "median_ms");
      long goal = name.equals("get") ? 600 : name.equals("status") ? 0 : 300;
      if (goal > 0) {
        goals.add(new Goal("`nexusctl " + name + "` ≤ " + goal + " ms", ms + " ms", ms <= goal));
      }
    });
    return goals;
  }

  private static void ratio(List<Goal> goals, String tier, Map<String, Object> converge, String name, double goal) {
    Map<String, Object> c = map(converge, name);
    if (!c.isEmpty() && c.get("ratio") instanceof Number ratio) {
      goals.add(new Goal(name + " converge ≤ " + goal + "× the floor (" + tier + ")", ratio + "×",
          ratio.doubleValue() <= goal));
    }
  }

  /** Heap per cached object, and RSS at 16k objects (extrapolated linearly when the burst caches fewer). */
  private static void memory(List<Goal> goals, Map<String, Object> real) {
    Growth g = growth(real);
    if (g == null) {
      return;
    }
    long perObject = g.heapPerObject();
    goals.add(new Goal("heap ≤ 3 KB per cached object (real)", perObject + " bytes", perObject <= 3000));
    long rssPerObject = (num(g.at(), "rss_bytes") - num(g.zero(), "rss_bytes")) / g.objects();
    long cached = num(g.at(), "cached_objects");
    long rssAt16k = cached >= 16_000 ? num(g.at(), "rss_bytes")
        : num(g.zero(), "rss_bytes") + rssPerObject * (16_000 - num(g.zero(), "cached_objects"));
    goals.add(new Goal("RSS at 16k cached objects < controller-runtime's 281 MB at ~8k (real)",
        rssAt16k / 1_000_000 + " MB" + (cached >= 16_000 ? "" : " (extrapolated from " + cached + " objects)"),
        rssAt16k < CONTROLLER_RUNTIME_RSS_AT_8K));
  }

  /**
   * A tier's memory before the burst ({@code zero}: the same process just before it; in older
   * benchmark files without that figure, the operator with no platform) and after it ({@code at}),
   * and the cached objects the burst added.
   */
  record Growth(Map<String, Object> zero, Map<String, Object> at, long objects) {
    /** From {@code zero} to {@code at}, or null when no objects were added between them. */
    static Growth between(Map<String, Object> zero, Map<String, Object> at) {
      long objects = num(at, "cached_objects") - num(zero, "cached_objects");
      return objects > 0 ? new Growth(zero, at, objects) : null;
    }

    /** (heap after GC after the burst − heap before it) / (objects after − objects before). */
    long heapPerObject() {
      return (num(at, "heap_after_gc_bytes") - num(zero, "heap_after_gc_bytes")) / objects;
    }
  }

  /** The memory growth of a tier over its burst, or null when the tier has no burst or no baseline. */
  static Growth growth(Map<String, Object> tier) {
    Map<String, Object> empty = map(map(tier, "memory"), "0");
    for (Object v : map(tier, "converge").values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) v;
      Map<String, Object> before = map(c, "memory_before_" + c.get("platforms"));
      Map<String, Object> zero = before.isEmpty() ? empty : before;
      if (!c.containsKey("platforms") || zero.isEmpty()) {
        continue;
      }
      Growth g = Growth.between(zero, map(c, "memory_at_" + c.get("platforms")));
      if (g != null) {
        return g;
      }
    }
    return null;
  }

  /** The map under {@code key} of a benchmark JSON object, or an empty one (the report reads with these too). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  /** The number under {@code key}, or 0. */
  static long num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number n ? n.longValue() : 0;
  }
}
