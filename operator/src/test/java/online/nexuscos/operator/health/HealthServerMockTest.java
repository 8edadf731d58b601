package online.nexuscos.operator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import online.nexuscos.operator.testing.OperatorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The health port of an operator running against the mock API server, over real HTTP. */
class HealthServerMockTest {

  @RegisterExtension final OperatorHarness harness = new OperatorHarness();
  private final HttpClient http = HttpClient.newHttpClient();
  private HealthServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void servesReadinessLivenessAndJvmMetricsOnOnePort() throws IOException {
    CollectorRegistry registry = new CollectorRegistry();
    new io.prometheus.client.hotspot.MemoryPoolsExports().register(registry);
    server = HealthServer.start(0, harness.operator()::health,
        new OperatorHealth(Clock.systemUTC(), OperatorHealth.DEFAULT_STUCK_AFTER), registry);

    await().atMost(Duration.ofSeconds(20)).until(() -> get("/readyz").statusCode() == 200);
    assertThat(get("/readyz").body()).isEqualTo("ok (single)\n");
    assertThat(get("/healthz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok\n");
    });
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE jvm_memory_bytes_used gauge");
  }

  @Test
  void aStoppedOperatorIsNotReady() throws IOException {
    server = HealthServer.start(0, harness.operator()::health,
        new OperatorHealth(Clock.systemUTC(), OperatorHealth.DEFAULT_STUCK_AFTER), new CollectorRegistry());
    await().atMost(Duration.ofSeconds(20)).until(() -> get("/readyz").statusCode() == 200);
    harness.operator().close();
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).startsWith("starting");
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
