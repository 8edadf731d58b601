package online.nexuscos.operator.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The operator's one HTTP port ({@code --metrics-port}): {@code /metrics} in the Prometheus text
 * format, {@code /healthz} and {@code /readyz} for the Deployment's probes (200 or 503, one line
 * of text saying why).
 */
public final class HealthServer implements AutoCloseable {

  private final HTTPServer server;

  private HealthServer(HTTPServer server) {
    this.server = server;
  }

  /** Listens on {@code port} of every interface (0: a free port, see {@link #port()}). */
  public static HealthServer start(int port, Supplier<HealthSnapshot> snapshot, OperatorHealth health,
      CollectorRegistry registry) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(port), 16);
    http.createContext("/healthz", exchange -> answer(exchange, health.live(snapshot.get())));
    http.createContext("/readyz", exchange -> answer(exchange, health.ready(snapshot.get())));
    return new HealthServer(new HTTPServer.Builder().withHttpServer(http).withRegistry(registry).build());
  }

  public int port() {
    return server.getPort();
  }

  private static void answer(HttpExchange exchange, OperatorHealth.Verdict verdict) throws IOException {
    try (exchange) {
      byte[] body = (verdict.text() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(verdict.ok() ? 200 : 503, -1);
        return;
      }
      exchange.sendResponseHeaders(verdict.ok() ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
