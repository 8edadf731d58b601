package online.nexuscos.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The kube-apiserver's audit log (JSON lines, one per completed request): the honest count of
 * what a client asked the real API server to do. A mark is a line number; requests are read
 * after it.
 */
final class AuditLog {

  static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One completed request. {@code resource} includes the subresource ("deployments/status");
   * {@code at} is when the API server received it (microseconds).
   */
  record Request(String user, String verb, String group, String resource, String namespace, String name, int code,
      String decision, java.time.Instant at) {
    /** Refused by the authorizer (not by admission, e.g. a Terminating namespace). */
    boolean forbiddenByRbac() {
      return "forbid".equals(decision);
    }

    boolean write() {
      return WRITE_VERBS.contains(verb);
    }

    /** group/resource verb, e.g. "apps/deployments update". */
    String key() {
      return (group.isEmpty() ? "" : group + "/") + resource + " " + verb;
    }

    @Override
    public String toString() {
      return key() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name + " -> " + code;
    }
  }

  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  /** The position after the last request logged so far. */
  long mark() {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Completed requests logged after {@code mark} that match {@code filter}. */
  List<Request> since(long mark, Predicate<Request> filter) {
    List<Request> requests = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file)) {
      lines.skip(mark).forEach(line -> {
        Request r = parse(line, false);
        if (r != null && filter.test(r)) {
          requests.add(r);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return requests;
  }

  /**
   * Every request of {@code user} in the whole log, watches included while they are still open
   * (logged once their response started; completed requests only appear at their end).
   */
  List<Request> everyRequestOf(String user) {
    List<Request> requests = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file)) {
      lines.forEach(line -> {
        Request r = parse(line, true);
        if (r != null && r.user().equals(user)) {
          requests.add(r);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return requests;
  }

  /** Requests of {@code user} after {@code mark}. */
  List<Request> by(String user, long mark) {
    return since(mark, r -> r.user().equals(user));
  }

  /** Writes counted by "group/resource verb", sorted. */
  static Map<String, Long> count(List<Request> requests) {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach(r -> counts.merge(r.key(), 1L, Long::sum));
    return counts;
  }

  private static Request parse(String line, boolean openWatches) {
    try {
      JsonNode e = JSON.readTree(line);
      String stage = e.path("stage").asText();
      boolean counted = "ResponseComplete".equals(stage)
          || openWatches && "ResponseStarted".equals(stage) && "watch".equals(e.path("verb").asText());
      if (!counted || e.path("objectRef").isMissingNode()) {
        return null;
      }
      JsonNode ref = e.path("objectRef");
      String resource = ref.path("resource").asText();
      if (ref.hasNonNull("subresource")) {
        resource += "/" + ref.path("subresource").asText();
      }
      return new Request(e.path("user").path("username").asText(), e.path("verb").asText(),
          ref.path("apiGroup").asText(""), resource, ref.path("namespace").asText(""), ref.path("name").asText(""),
          e.path("responseStatus").path("code").asInt(),
          e.path("annotations").path("authorization.k8s.io/decision").asText(""),
          java.time.Instant.parse(e.path("requestReceivedTimestamp").asText("1970-01-01T00:00:00Z")));
    } catch (IOException partialLine) {
      return null; // the line being written right now
    }
  }
}
