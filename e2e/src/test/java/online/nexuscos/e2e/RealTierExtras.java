package online.nexuscos.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * What only the real control plane can show: the operator process's start-up and memory, and its
 * reaction times in incidents, timed by the API server's audit log (microseconds, server side):
 * the deployment controller's ProgressDeadlineExceeded → the restoring write, and a failover
 * request → the operator's decision → the fenced Deployments.
 */
final class RealTierExtras {

  static final int START_RUNS = 5;

  private final RealTier tier;
  private final RealCluster cluster;

  RealTierExtras(RealTier tier) {
    this.tier = tier;
    this.cluster = tier.cluster();
  }

  Map<String, Object> measure() {
    Map<String, Object> r = new LinkedHashMap<>();
    List<Long> starts = new ArrayList<>();
    // A restart takes seconds and one varies by a third on 2 cores: the median of at least 5.
    for (int i = 0; i < Math.max(START_RUNS, PlatformBench.RUNS); i++) {
      starts.add(OperatorMemory.startToReady(cluster, "bench-start-" + i));
    }
    r.put("start_to_ready_ms", BenchReport.median(starts));
    r.put("start_to_ready_runs_ms", starts);
    r.put("memory", memory());
    r.put("rollback_reaction", rollback());
    r.put("failover", failover());
    return r;
  }

  private Map<String, Object> memory() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("0", OperatorMemory.of(cluster).measure());
    List<NexusPlatform> first = List.of(BenchPlatforms.synthetic("mem-0", "mem-0-", 10, 2));
    PlatformBench.converge(cluster.admin(), first, PlatformBench.objectsOf(first.get(0)));
    m.put("1", OperatorMemory.of(cluster).measure());
    List<NexusPlatform> more = BenchPlatforms.burstNames("mem-", 10).subList(1, 10).stream()
        .map(n -> BenchPlatforms.synthetic(n, n + "-", 10, 2)).toList();
    PlatformBench.converge(cluster.admin(), more, PlatformBench.objectsOf(first.get(0)) * 10L);
    m.put("10", OperatorMemory.of(cluster).measure());
    tier.end(BenchPlatforms.burstNames("mem-", 10), List.of());
    return m;
  }

  private Map<String, Object> rollback() {
    String name = "bench-rollback";
    NexusPlatform p = Platforms.parse(BenchPlatforms.syntheticYaml(name, "rb-", 5, 1,
        "  rollout: {progressDeadlineSeconds: 10, maxUnavailable: \"100%\", maxSurge: \"0%\"}\n"));
    PlatformBench.converge(cluster.admin(), List.of(p), PlatformBench.objectsOf(p));
    long mark = cluster.audit().mark();
    NexusPlatform live = cluster.platform(name);
    live.getSpec().getServices().get(0).setTag("broken-2");
    cluster.admin().resource(live).update();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
        E2E.image(cluster, "rb-n0", "s0").endsWith(":1.0.0")
            && cluster.operatorWrites(mark).stream().filter(w -> isDeployment(w, "s0")).count() >= 2);
    List<AuditLog.Request> writes = cluster.operatorWrites(mark).stream().filter(w -> isDeployment(w, "s0")).toList();
    Instant restoring = writes.get(1).at();
    long brokenToRestoring = Duration.between(writes.get(0).at(), restoring).toMillis();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("broken_write_to_restoring_write_ms", brokenToRestoring);
    // The deadline runs from the broken release's write: what passes after it is the reaction.
    r.put("deadline_to_restoring_write_ms", brokenToRestoring - 10_000);
    r.put("progress_deadline_seconds", 10);
    tier.end(List.of(name), List.of());
    return r;
  }

  private Map<String, Object> failover() {
    String name = "bench-failover";
    NexusPlatform p = Platforms.parse(BenchPlatforms.syntheticYaml(name, "fo-", 10, 2,
        "  failover:\n    activeSite: primary\n" + E2E.ZONE_SITES.indent(4)));
    PlatformBench.converge(cluster.admin(), List.of(p), PlatformBench.objectsOf(p));
    long mark = cluster.audit().mark();
    cluster.nexusctl("failover", name, "--to", "secondary").ok();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
      NexusPlatform now = cluster.platform(name);
      return PlatformBench.ready(now) && now.getStatus().getFailover() != null
          && "secondary".equals(now.getStatus().getFailover().getActiveSite());
    });
    List<AuditLog.Request> all = cluster.audit().since(mark, q -> true);
    Instant request = all.stream().filter(q -> !q.user().equals(RealCluster.OPERATOR_USER)
        && q.resource().equals("nexusplatforms") && q.write()).map(AuditLog.Request::at).findFirst().orElseThrow();
    List<AuditLog.Request> ops = cluster.operatorWrites(mark);
    Set<String> fenced = new LinkedHashSet<>();
    Instant firstFence = null;
    Instant allFenced = null;
    for (AuditLog.Request q : ops) {
      if (q.resource().equals("deployments") && fenced.add(q.namespace() + "/" + q.name())) {
        firstFence = firstFence == null ? q.at() : firstFence;
        if (fenced.size() == 10) {
          allFenced = q.at();
          break;
        }
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    // The operator fences first and records the failover in the status after: the request is the start.
    r.put("request_to_first_fence_write_ms", Duration.between(request, firstFence).toMillis());
    r.put("request_to_all_fenced_ms", Duration.between(request, allFenced).toMillis());
    r.put("request_to_ready_on_secondary_ms", Duration.between(request, Instant.now()).toMillis());
    r.put("deployments", 10);
    tier.end(List.of(name), List.of());
    return r;
  }

  private static boolean isDeployment(AuditLog.Request q, String name) {
    return q.resource().equals("deployments") && q.name().equals(name);
  }
}
