package online.nexuscos.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import online.nexuscos.sandbox.Sandbox;
import online.nexuscos.sandbox.SandboxApiServer;
import online.nexuscos.sandbox.SandboxOptions;

/**
 * The sandbox as a benchmark tier: a fresh sandbox (mock API server, simulated controllers, the
 * real operator in this JVM) for every run; for the floor its operator is stopped at once. The
 * operator's requests are counted from the mock server's request log.
 */
final class SandboxTier implements BenchTier {

  static final Duration RESYNC = Duration.ofSeconds(4);
  /** The mock web server logs every request through java.util.logging at INFO: kept (strongly) at WARNING. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private Sandbox sandbox;

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public void begin(boolean withOperator) {
    close();
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    sandbox = Sandbox.start(SandboxOptions.defaults().withResyncPeriod(RESYNC));
    if (!withOperator) {
      sandbox.stopOperator();
    }
  }

  @Override
  public void end(List<String> platforms, List<String> floorInstances) {
    close();
  }

  @Override
  public KubernetesClient client() {
    return sandbox.client();
  }

  @Override
  public long mark() {
    return sandbox.apiServer().requests().size();
  }

  @Override
  public Map<String, Long> operatorRequests(long mark) {
    List<SandboxApiServer.Request> all = sandbox.apiServer().requests();
    Map<String, Long> counts = new TreeMap<>();
    all.subList((int) mark, all.size()).stream()
        .filter(r -> Sandbox.OPERATOR_AGENT.equals(r.userAgent()))
        .map(SandboxTier::key).filter(k -> !k.endsWith(" leases"))
        .forEach(k -> counts.merge(k, 1L, Long::sum));
    return counts;
  }

  /** "verb resource" of a request, as the audit log names them. */
  static String key(SandboxApiServer.Request r) {
    String path = r.path();
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    String[] s = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).replaceFirst("^/", "").split("/");
    int rest = s.length > 0 && s[0].equals("api") ? 2 : 3; // api/v1/... or apis/GROUP/VERSION/...
    String resource = "";
    boolean named = false;
    if (s.length > rest + 1 && s[rest].equals("namespaces") && s.length > rest + 2) {
      resource = s[rest + 2];
      named = s.length > rest + 3;
      if (s.length > rest + 4) {
        resource += "/" + s[rest + 4];
      }
    } else if (s.length > rest) {
      resource = s[rest];
      named = s.length > rest + 1;
      if (s.length > rest + 2) {
        resource += "/" + s[rest + 2];
      }
    }
    String verb = switch (r.method()) {
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
    };
    return verb + " " + resource;
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }
}
