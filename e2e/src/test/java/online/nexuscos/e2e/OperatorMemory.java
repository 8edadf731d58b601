package online.nexuscos.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The operator process's memory as the benchmark reads it: the live heap (the total of jcmd
 * GC.class_histogram, which collects first), RSS from /proc, and the objects its
 * informers cache (counted on the API server: managed children, revisions, pods, Nodes, platforms).
 */
final class OperatorMemory {

  private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$", Pattern.MULTILINE);

  private final RealCluster cluster;

  private OperatorMemory(RealCluster cluster) {
    this.cluster = cluster;
  }

  static OperatorMemory of(RealCluster cluster) {
    return new OperatorMemory(cluster);
  }

  Map<String, Object> measure() {
    OperatorProcess op = cluster.operator();
    Command.run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(op.pid()), "GC.run"), Map.of(), null).ok();
    // Where the heap goes: the largest classes after that GC, kept beside the JSON.
    String histogram = Command.run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(op.pid()), "GC.class_histogram"), Map.of(), null).out();
    try {
      Path dir = cluster.repo().resolve("e2e/target/bench");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("heap-" + cachedObjects(cluster.admin()) + "-objects.txt"),
          String.join("\n", histogram.lines().limit(40).toList()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The histogram's total is the live heap at its own full GC; the heap gauge read afterwards
    // would also count what the operator allocated in between (tens of MB while 100 platforms settle).
    Matcher m = TOTAL.matcher(histogram);
    if (!m.find()) {
      throw new IllegalStateException("no Total line in jcmd GC.class_histogram:\n" + histogram);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("heap_after_gc_bytes", Long.parseLong(m.group(1)));
    r.put("rss_bytes", rss(op.pid()));
    r.put("cached_objects", cachedObjects(cluster.admin()));
    return r;
  }

  static long cachedObjects(KubernetesClient c) {
    return BenchTier.managed(c)
        + c.resources(ControllerRevision.class).inAnyNamespace().withLabelSelector(Labels.MANAGED_SELECTOR).list().getItems().size()
        + c.resources(Pod.class).inAnyNamespace().withLabelSelector(Labels.MANAGED_SELECTOR).list().getItems().size()
        + c.resources(Node.class).list().getItems().size()
        + c.resources(NexusPlatform.class).list().getItems().size();
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS for " + pid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces the suite's operator by a fresh process: milliseconds from its launch until /readyz
   * answers 200 (every informer synced, leadership held).
   */
  static long startToReady(RealCluster cluster, String identity) {
    cluster.operator().terminate(Duration.ofSeconds(30));
    long start = System.nanoTime();
    OperatorProcess next = OperatorProcess.start(cluster, identity, RealCluster.RESYNC);
    cluster.replaceOperator(next);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
        .until(() -> next.http("/readyz").status() == 200);
    return (System.nanoTime() - start) / 1_000_000;
  }
}
