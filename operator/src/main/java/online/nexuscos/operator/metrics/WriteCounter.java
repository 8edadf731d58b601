package online.nexuscos.operator.metrics;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.prometheus.client.Counter;
import java.util.List;
import java.util.Locale;

/**
 * Counts each request the client sends that writes (create, update, patch, delete) by resource
 * and verb, at the HTTP layer, so that every write path (children, revisions, status, Events,
 * Leases) is counted the same way the API server's audit log counts it.
 */
final class WriteCounter implements Interceptor {

  private final Counter writes;

  WriteCounter(Counter writes) {
    this.writes = writes;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String verb = switch (request.method().toUpperCase(Locale.ROOT)) {
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> null;
    };
    if (verb != null) {
      writes.labels(resource(request.uri().getPath()), verb).inc();
    }
  }

  /**
   * The resource a request path names: {@code /api/v1/namespaces/ns/pods/p/status} is
   * {@code pods/status}, {@code /apis/apps/v1/namespaces/ns/deployments} is {@code deployments}.
   */
  static String resource(String path) {
    List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/"));
    int start = parts.isEmpty() ? 0 : "api".equals(parts.get(0)) ? 2 : "apis".equals(parts.get(0)) ? 3 : parts.size();
    if (start >= parts.size()) {
      return "other";
    }
    List<String> rest = parts.subList(start, parts.size());
    if (rest.size() == 3 && "namespaces".equals(rest.get(0)) && List.of("status", "finalize").contains(rest.get(2))) {
      return "namespaces/" + rest.get(2); // a Namespace's own subresource
    }
    if (rest.size() >= 3 && "namespaces".equals(rest.get(0))) {
      rest = rest.subList(2, rest.size()); // a namespaced resource ("namespaces/NAME" alone is a namespace)
    }
    String resource = rest.get(0);
    return rest.size() >= 3 ? resource + "/" + rest.get(2) : resource;
  }
}
