package online.nexuscos.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The operator's requests for three moments of a platform's life: its creation (until Ready),
 * one changed service (a new image tag, until Ready at the new generation and quiet again) and a
 * quiet resync (two resync periods with nothing changing).
 */
final class RequestCounts {

  private static final java.util.Set<String> WRITES = AuditLog.WRITE_VERBS;

  private final BenchTier tier;

  RequestCounts(BenchTier tier) {
    this.tier = tier;
  }

  /** {@code created} is Ready; {@code createMark} was taken before it was created. */
  Map<String, Object> measure(NexusPlatform created, long createMark) {
    KubernetesClient client = tier.client();
    String name = created.getMetadata().getName();
    awaitQuiet();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("create", summary(tier.operatorRequests(createMark)));

    long mark = tier.mark();
    NexusPlatform live = client.resources(NexusPlatform.class).withName(name).get();
    var service = live.getSpec().getServices().get(live.getSpec().getServices().size() - 1);
    service.setTag("bench-change-1");
    client.resource(live).update();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
        PlatformBench.ready(client.resources(NexusPlatform.class).withName(name).get()));
    awaitQuiet();
    r.put("one_change", summary(tier.operatorRequests(mark)));

    mark = tier.mark();
    long windowStart = System.nanoTime();
    Duration window = resync().multipliedBy(2).plusSeconds(1);
    await().pollDelay(window).atMost(window.plusSeconds(5)).until(() -> true); // the quiet window itself is the measurement
    r.put("quiet_resync", summary(tier.operatorRequests(mark)));
    r.put("quiet_window_ms", (System.nanoTime() - windowStart) / 1_000_000);
    r.put("resync_period_ms", resync().toMillis());
    return r;
  }

  private Duration resync() {
    return tier instanceof SandboxTier ? SandboxTier.RESYNC : Duration.parse("PT" + RealCluster.RESYNC);
  }

  /** Until the operator has written nothing for three seconds (its last status writes land). */
  private void awaitQuiet() {
    long[] last = {tier.mark(), System.nanoTime()};
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      long now = tier.mark();
      if (writes(tier.operatorRequests(last[0])) > 0) {
        last[0] = now;
        last[1] = System.nanoTime();
      }
      return System.nanoTime() - last[1] > 3_000_000_000L;
    });
  }

  private static long writes(Map<String, Long> counts) {
    return counts.entrySet().stream().filter(e -> WRITES.contains(e.getKey().split(" ")[0]))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static Map<String, Object> summary(Map<String, Long> counts) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("writes", writes(counts));
    s.put("requests", counts.entrySet().stream().filter(e -> !e.getKey().startsWith("watch "))
        .mapToLong(Map.Entry::getValue).sum());
    s.put("by_verb_resource", counts);
    return s;
  }
}
