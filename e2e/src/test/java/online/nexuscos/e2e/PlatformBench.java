package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;

/**
 * The benchmark (a measurement, not a test: run by {@code bench/run}, never by the test command).
 * On each tier, side by side and repeated: the floor (the same rendered objects created one after
 * another by a plain client) and the operator converging the example, synthetic platforms and a
 * burst of platforms; then requests, memory, start-up and incident reactions. Writes
 * {@code target/bench/bench.json} and the tables of docs/performance.md ({@link BenchReport}).
 */
class PlatformBench {

  static final int RUNS = Integer.getInteger("bench.runs", 3);
  static final int BURST = Integer.getInteger("bench.burst", 100);
  static final List<Integer> SIZES = List.of(43, 100, 500);
  static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(10);

  @Test
  void benchmark() throws Exception {
    Map<String, Object> baseline = BenchReport.baseline(); // read first: a wrong path fails now, not after the run
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", BenchReport.machine());
    Map<String, Object> tiers = new LinkedHashMap<>();
    result.put("tiers", tiers);
    List<String> only = List.of(System.getProperty("bench.tiers", "real,sandbox").split(","));
    Path out = Path.of(System.getProperty("nexus.repo", "..")).resolve("e2e/target/bench");
    Files.createDirectories(out);
    if (only.contains("sandbox")) {
      try (SandboxTier sandbox = new SandboxTier()) {
        tiers.put("sandbox", run(sandbox));
      }
      BenchReport.writeJson(out.resolve("bench.json"), result);
    }
    if (only.contains("real")) {
      try (RealTier real = new RealTier()) {
        Map<String, Object> figures = run(real);
        figures.putAll(new RealTierExtras(real).measure());
        tiers.put("real", figures);
      }
      BenchReport.writeJson(out.resolve("bench.json"), result);
    }
    result.put("nexusctl", BenchReport.cliStartup());
    BenchReport.writeJson(out.resolve("bench.json"), result);
    String markdown = BenchReport.markdown(result, baseline);
    Files.writeString(out.resolve("performance.md"), markdown);
    System.out.println(markdown);
    assertThat(tiers).as("tiers measured").isNotEmpty();
  }

  private Map<String, Object> run(BenchTier tier) {
    Map<String, Object> figures = new LinkedHashMap<>();
    Path repo = Path.of(System.getProperty("nexus.repo", ".."));
    // Warm-up (not reported): the first requests of a JVM and of a fresh API server are slow.
    NexusPlatform warm = BenchPlatforms.synthetic("floor-warmup", "fwarm-", 20, 2);
    tier.begin(false);
    createAll(tier.client(), PlatformRenderer.render(PlatformResolver.resolve(warm)));
    tier.end(List.of(), List.of("floor-warmup"));
    Map<String, Object> converge = new LinkedHashMap<>();
    converge.put("example", converge(tier, "ex", (n, pre) -> BenchPlatforms.example(repo, n, pre), true, figures));
    // The same with rollout.order parallel: the operator's own cost, without the waits its
    // dependency order makes (each wave until the one before is available), which the floor never does.
    converge.put("example-parallel", converge(tier, "exp", (n, pre) -> BenchPlatforms.parallel(
        BenchPlatforms.example(repo, n, pre)), false, figures));
    for (int size : SIZES) {
      converge.put("synthetic-" + size, converge(tier, "s" + size,
          (n, pre) -> BenchPlatforms.synthetic(n, pre, size, Math.max(1, size / 10)), false, figures));
    }
    converge.put("burst-" + BURST, burst(tier, BURST));
    figures.put("converge", converge);
    return figures;
  }

  /**
   * Floor and operator, alternating, {@link #RUNS} times; medians, their ratio, and (with
   * {@code requests}, from the last run) the operator's requests and where a dependency-ordered
   * converge waited ({@link DependencyWaits}).
   */
  private Map<String, Object> converge(BenchTier tier, String label,
      BiFunction<String, String, NexusPlatform> make, boolean requests, Map<String, Object> figures) {
    List<Long> floor = new ArrayList<>();
    List<Long> written = new ArrayList<>();
    List<Long> ready = new ArrayList<>();
    Map<String, Object> dependencyWaits = new LinkedHashMap<>();
    int objects = 0;
    for (int i = 0; i < RUNS; i++) {
      String floorName = "floor-" + label + "-" + i;
      NexusPlatform f = make.apply(floorName, "f" + label + i + "-");
      List<HasMetadata> desired = PlatformRenderer.render(PlatformResolver.resolve(f));
      objects = desired.size();
      tier.begin(false);
      floor.add(createAll(tier.client(), desired));
      tier.end(List.of(), List.of(floorName));

      String name = "op-" + label + "-" + i;
      NexusPlatform p = make.apply(name, "o" + label + i + "-");
      tier.begin(true);
      long mark = tier.mark();
      boolean last = requests && i == RUNS - 1;
      try (DependencyWaits waits = last ? DependencyWaits.watch(tier.client(), name) : null) {
        long[] times = converge(tier.client(), List.of(p), objects);
        written.add(times[0]);
        ready.add(times[1]);
        if (waits != null) {
          dependencyWaits.putAll(waits.figures(p));
        }
      }
      if (last) {
        figures.put("requests", new RequestCounts(tier).measure(p, mark));
      }
      tier.end(List.of(name), List.of());
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("objects", objects);
    r.put("floor_ms", BenchReport.median(floor));
    r.put("operator_written_ms", BenchReport.median(written));
    r.put("operator_ready_ms", BenchReport.median(ready));
    r.put("ratio", BenchReport.ratio(BenchReport.median(written), BenchReport.median(floor)));
    r.put("runs", Map.of("floor_ms", floor, "operator_written_ms", written, "operator_ready_ms", ready));
    if (!dependencyWaits.isEmpty()) {
      r.put("dependency_waits", dependencyWaits);
    }
    System.out.printf("[bench] %s %s: %s%n", tier.name(), label, r);
    return r;
  }

  /** {@code count} small platforms (10 services, 2 namespaces) at once: floor and operator, once each. */
  private Map<String, Object> burst(BenchTier tier, int count) {
    List<HasMetadata> all = new ArrayList<>();
    List<String> floorNames = BenchPlatforms.burstNames("floor-burst-", count);
    floorNames.forEach(n -> all.addAll(PlatformRenderer.render(PlatformResolver.resolve(
        BenchPlatforms.synthetic(n, n + "-", 10, 2)))));
    tier.begin(false);
    long floor = createAll(tier.client(), all);
    tier.end(List.of(), floorNames);

    List<String> names = BenchPlatforms.burstNames("burst-", count);
    List<NexusPlatform> platforms = names.stream().map(n -> BenchPlatforms.synthetic(n, n + "-", 10, 2)).toList();
    Map<String, Object> r = new LinkedHashMap<>();
    if (tier instanceof RealTier real) {
      // The same process just before and after the burst: what its objects add, the operator's
      // one-time costs (classes, serializers of every kind, thread pools) already paid by the runs before.
      r.put("memory_before_" + count, OperatorMemory.of(real.cluster()).measure());
    }
    tier.begin(true);
    long[] times = converge(tier.client(), platforms, all.size());
    r.put("platforms", count);
    r.put("objects", all.size());
    r.put("floor_ms", floor);
    r.put("operator_written_ms", times[0]);
    r.put("operator_ready_ms", times[1]);
    r.put("ratio", BenchReport.ratio(times[0], floor));
    if (tier instanceof RealTier real) {
      r.put("memory_at_" + count, OperatorMemory.of(real.cluster()).measure());
      r.put("start_to_ready_ms_with_" + count + "_platforms", OperatorMemory.startToReady(real.cluster(), "bench-burst"));
    }
    tier.end(names, List.of());
    System.out.printf("[bench] %s burst: %s%n", tier.name(), r);
    return r;
  }

  /** How many children the operator writes for {@code platform} on its chosen site. */
  static int objectsOf(NexusPlatform platform) {
    return PlatformRenderer.render(PlatformResolver.resolve(platform)).size();
  }

  /** Creates {@code objects} in order, one request each; the milliseconds it took. */
  static long createAll(KubernetesClient client, List<HasMetadata> objects) {
    long start = System.nanoTime();
    for (HasMetadata o : objects) {
      client.resource(o).create();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Creates the platforms and waits until {@code expected} children are written (one platform's,
   * or, for several, every managed object) and then until each is Ready at its generation: both
   * in milliseconds from the first create.
   */
  static long[] converge(KubernetesClient client, List<NexusPlatform> platforms, long expected) {
    long start = System.nanoTime();
    platforms.forEach(p -> client.resource(p).create());
    long[] times = new long[2];
    await().atMost(CONVERGE_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> platforms.size() == 1
        ? BenchTier.written(client, platforms.get(0).getMetadata().getName()) >= expected
        : BenchTier.managed(client) >= expected);
    times[0] = (System.nanoTime() - start) / 1_000_000;
    await().atMost(CONVERGE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
        allReady(client, platforms));
    times[1] = (System.nanoTime() - start) / 1_000_000;
    return times;
  }

  private static boolean allReady(KubernetesClient client, List<NexusPlatform> platforms) {
    if (platforms.size() == 1) {
      return ready(client.resources(NexusPlatform.class).withName(platforms.get(0).getMetadata().getName()).get());
    }
    var names = platforms.stream().map(p -> p.getMetadata().getName()).collect(java.util.stream.Collectors.toSet());
    return client.resources(NexusPlatform.class).list().getItems().stream()
        .filter(p -> names.contains(p.getMetadata().getName()) && ready(p)).count() == names.size();
  }

  static boolean ready(NexusPlatform p) {
    return p != null && p.getStatus() != null && p.getStatus().getPhase() == Phase.Ready
        && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration());
  }
}
