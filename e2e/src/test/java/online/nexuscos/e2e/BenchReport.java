package online.nexuscos.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's figures as JSON, and docs/performance.md generated from them (with a
 * baseline's figures beside them when {@code -Dbench.baseline=FILE} names an earlier JSON).
 */
final class BenchReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path REPO = Path.of(System.getProperty("nexus.repo", "..")).toAbsolutePath().normalize();

  private BenchReport() {}

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", Instant.now().toString());
    m.put("commit", Command.run(List.of("git", "-C", REPO.toString(), "rev-parse", "--short", "HEAD"), Map.of(), null)
        .out().strip());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory_bytes", memTotal());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("runs", PlatformBench.RUNS);
    return m;
  }

  private static long memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
    } catch (IOException e) {
      return 0;
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  static double ratio(long a, long b) {
    return b == 0 ? 0 : Math.round(100.0 * a / b) / 100.0;
  }

  static void writeJson(Path file, Map<String, Object> result) {
    try {
      JSON.writeValue(file.toFile(), result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** nexusctl start-up through its launcher, by bench/cli-startup (5 runs each after one warm-up). */
  static Map<String, Object> cliStartup() throws IOException {
    Path out = REPO.resolve("e2e/target/bench/cli-startup.json");
    // The launcher records its class-data archive in the background after its first run: wait for it.
    String script = "cd " + REPO + " && cli/target/kubectl-nexus version --client >/dev/null"
        + " && for i in $(seq 1 600); do ls \"${XDG_CACHE_HOME:-$HOME/.cache}\"/nexusctl/nexusctl-$(stat -c %s-%Y cli/target/nexusctl.jar).jsa"
        + " >/dev/null 2>&1 && break; sleep 0.1; done"
        + " && NEXUSCTL=cli/target/kubectl-nexus OUT=" + out + " bench/cli-startup 5";
    Command.run(List.of("bash", "-c", script), Map.of(), null).ok();
    return read(out);
  }

  /** The earlier run given as -Dbench.baseline; a relative path is read from the repository root, as bench/run is run. */
  static Map<String, Object> baseline() throws IOException {
    String file = System.getProperty("bench.baseline", "");
    return file.isBlank() ? null : read(Path.of(System.getProperty("nexus.repo", "..")).resolve(file));
  }

  private static Map<String, Object> read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  static String markdown(Map<String, Object> result, Map<String, Object> baseline) {
    return new PerformanceMarkdown(result, baseline).render();
  }
}
