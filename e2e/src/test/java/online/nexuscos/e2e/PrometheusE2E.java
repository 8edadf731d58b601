package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Prometheus (Debian's) scrapes the operator running on the real control plane; a rollback
 * and a failover move nexus_rollbacks_total and nexus_failovers_total, read through Prometheus's
 * HTTP API. The queries and answers go to target/prometheus-queries.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusE2E {

  static final String NAME = "prometheus-e2e";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();
  private final List<String> report = new ArrayList<>();
  private Process prometheus;
  private int port;
  private Path dir;

  private static String platform(String version) {
    return E2E.platform(NAME, version, "e2e-prometheus", """
        services:
          - {name: api, namespace: e2e-prometheus, port: 3000, replicas: 1, critical: true}
        failover:
          activeSite: primary
          automatic: false
        """ + E2E.ZONE_SITES.indent(2));
  }

  @BeforeAll
  void startPrometheus() throws IOException {
    Path binary = Path.of("/usr/bin/prometheus");
    assertThat(binary).as("Prometheus is needed: apt-get install --no-install-recommends prometheus (.ci/run does)")
        .isExecutable();
    dir = Files.createTempDirectory("nexus-prometheus");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(dir.resolve("prometheus.yml"), """
        global: {scrape_interval: 1s, evaluation_interval: 1s}
        scrape_configs:
          - job_name: nexus-operator
            static_configs: [{targets: ["127.0.0.1:%d"]}]
        """.formatted(cluster.operator().metricsPort()));
    prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> "1".equals(value("up{job=\"nexus-operator\"}")));
  }

  @Test
  void rollbacksAndFailoversMoveTheirCountersAsPrometheusScrapesThem() throws IOException {
    cluster.kubectl("apply", "-f", E2E.file(platform("1.0.0"))).ok();
    E2E.awaitReady(cluster, NAME);
    cluster.kubectl("apply", "-f", E2E.file(platform("1.1.0"))).ok();
    E2E.awaitPlatform(cluster, NAME, p -> Integer.valueOf(2).equals(p.getStatus().getStableRevision()));
    awaitScraped("nexus_platform_stable_revision{platform=\"" + NAME + "\"}", "2");

    String rollbacks = "sum(nexus_rollbacks_total{reason=\"Requested\"}) or vector(0)";
    String failovers = "sum(nexus_failovers_total{from=\"primary\",to=\"secondary\",trigger=\"Manual\"}) or vector(0)";
    double rollbacksBefore = number(ask(rollbacks));
    double failoversBefore = number(ask(failovers));

    cluster.nexusctl("rollback", NAME, "--to-revision", "1", "--wait", "--timeout", "2m").ok();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> number(value(rollbacks)) == rollbacksBefore + 1);
    ask(rollbacks);

    cluster.nexusctl("failover", NAME, "--to", "secondary", "--wait", "--timeout", "2m").ok();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> number(value(failovers)) == failoversBefore + 1);
    ask(failovers);
    awaitScraped("nexus_platform_active_site{platform=\"" + NAME + "\",site=\"secondary\"}", "1");
    ask("nexus_platform_active_site{platform=\"" + NAME + "\",site=\"secondary\"}");
    ask("nexus_platform_phase{platform=\"" + NAME + "\",phase=\"Ready\"}");
    assertThat(number(ask("sum(nexus_api_writes_total{kind=\"deployments\"})"))).isPositive();
    assertThat(number(ask("sum(nexus_reconciliations_started_total)"))).isPositive();
  }

  @AfterAll
  void stop() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "prometheus-queries.txt"), report);
    report.forEach(System.out::println);
    if (prometheus != null) {
      prometheus.destroy();
    }
    E2E.removePlatform(cluster, NAME, start);
  }

  private void awaitScraped(String query, String expected) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> expected.equals(value(query)));
  }

  /** The query's answer, recorded for the report. */
  private String ask(String query) {
    String answer = value(query);
    report.add(java.time.Instant.now() + "  " + query + "  =>  " + answer);
    return answer;
  }

  /** The first sample's value of an instant query ("" when there is none), as Prometheus answers it. */
  private String value(String query) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode result = JSON.readTree(r.body()).at("/data/result");
      return result.isArray() && result.size() > 0 ? result.get(0).at("/value/1").asText() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static double number(String value) {
    return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
  }
}
