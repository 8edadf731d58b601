package online.nexuscos.sandbox;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Faults for the operator's requests, drawn from one seed: on a fraction of them a 500, a 409
 * (after a concurrent writer landed the same change, so the object did change, as behind every
 * real 409), a lost response (the request is applied, then answered 504 as a timed-out request would be: the
 * operator cannot tell whether it landed), a watch refused with 410 Gone or 500, or a watch that
 * is dropped a moment after it opened; and "kills": at the k-th write of a phase the operator
 * incarnation sending it is cut off (that write lands or not, by the seed; nothing it sends after
 * reaches the cluster) and {@code onKill} starts the next one. Requests of others pass untouched.
 */
final class SeededFaults implements FaultPolicy {

  /** What was injected, by kind. */
  enum Fault { SERVER_ERROR, CONFLICT, LOST_RESPONSE, WATCH_REFUSED, WATCH_DROPPED, KILL }

  private final Random random;
  private final double fraction;
  private final Consumer<String> onKill;
  private final Set<String> dead = ConcurrentHashMap.newKeySet();
  private final Map<Fault, AtomicInteger> counts = new ConcurrentSkipListMap<>();
  private final List<String> kills = new ArrayList<>();
  private final ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "watch-dropper");
    t.setDaemon(true);
    return t;
  });
  private String phase = "none";
  private int killAt;
  private int phaseWrites;

  SeededFaults(long seed, double fraction, Consumer<String> onKill) {
    this.random = new Random(seed);
    this.fraction = fraction;
    this.onKill = onKill;
    for (Fault f : Fault.values()) {
      counts.put(f, new AtomicInteger());
    }
  }

  /** A new phase: with probability 3/4 the operator is killed at one of its first 12 writes in it. */
  synchronized void phase(String name) {
    phase = name;
    phaseWrites = 0;
    killAt = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(12);
  }

  synchronized Map<Fault, Integer> counts() {
    Map<Fault, Integer> copy = new java.util.LinkedHashMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** Where each kill happened, e.g. "rollout@3+landed". */
  synchronized List<String> kills() {
    return List.copyOf(kills);
  }

  @Override
  public MockResponse answer(RecordedRequest request, Supplier<MockResponse> serve) {
    String agent = request.getHeader("User-Agent");
    if (agent == null || !agent.startsWith(Sandbox.OPERATOR_AGENT) || request.getPath().contains("selfsubjectrulesreviews")) {
      return serve.get();
    }
    if (dead.contains(agent)) {
      return status(503, "ServiceUnavailable", "the operator incarnation was killed");
    }
    boolean write = !"GET".equals(request.getMethod());
    boolean watch = request.getPath().contains("watch=true");
    // Any watch may be refused, an informer's first included (it lists again and watches; the
    // sandbox server resumes watches as a real one does, ResumingWatchMockTest).
    Decision d = decide(agent, write, watch);
    return switch (d) {
      case SERVE -> serve.get();
      case KILL_BEFORE -> status(503, "ServiceUnavailable", "the operator incarnation was killed");
      case KILL_AFTER -> {
        serve.get();
        yield status(503, "ServiceUnavailable", "the operator incarnation was killed");
      }
      case SERVER_ERROR -> status(500, "InternalError", "injected: etcdserver: request timed out");
      case CONFLICT -> {
        // A concurrent writer got there first: the object changed (a newer resourceVersion reaches
        // the watch), as behind every real 409; here that writer wrote the same change.
        serve.get();
        yield "POST".equals(request.getMethod())
            ? status(409, "AlreadyExists", "injected: already exists")
            : status(409, "Conflict", "injected: the object has been modified; please apply your changes to the latest version and try again");
      }
      case LOST_RESPONSE -> {
        serve.get();
        yield status(504, "Timeout", "injected: the request was applied but its response was lost");
      }
      case WATCH_REFUSED -> random(2) ? status(410, "Expired", "injected: too old resource version") : status(500, "InternalError", "injected");
      case WATCH_DROPPED -> dropLater(serve.get());
    };
  }

  private enum Decision { SERVE, KILL_BEFORE, KILL_AFTER, SERVER_ERROR, CONFLICT, LOST_RESPONSE, WATCH_REFUSED, WATCH_DROPPED }

  private synchronized Decision decide(String agent, boolean write, boolean watch) {
    if (write && ++phaseWrites == killAt) {
      dead.add(agent);
      boolean landed = random.nextBoolean();
      kills.add(phase + "@" + phaseWrites + (landed ? "+landed" : ""));
      counts.get(Fault.KILL).incrementAndGet();
      onKill.accept(agent);
      return landed ? Decision.KILL_AFTER : Decision.KILL_BEFORE;
    }
    if (random.nextDouble() >= fraction) {
      return Decision.SERVE;
    }
    Decision d;
    if (watch) {
      d = random.nextBoolean() ? Decision.WATCH_REFUSED : Decision.WATCH_DROPPED;
    } else if (write) {
      d = switch (random.nextInt(3)) {
        case 0 -> Decision.SERVER_ERROR;
        case 1 -> Decision.CONFLICT;
        default -> Decision.LOST_RESPONSE;
      };
    } else {
      d = random.nextBoolean() ? Decision.SERVER_ERROR : Decision.LOST_RESPONSE;
    }
    counts.get(switch (d) {
      case SERVER_ERROR -> Fault.SERVER_ERROR;
      case CONFLICT -> Fault.CONFLICT;
      case LOST_RESPONSE -> Fault.LOST_RESPONSE;
      case WATCH_REFUSED -> Fault.WATCH_REFUSED;
      default -> Fault.WATCH_DROPPED;
    }).incrementAndGet();
    return d;
  }

  private synchronized boolean random(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  private synchronized long dropDelayMillis() {
    return 100 + random.nextInt(2000);
  }

  /** The watch is served, then its connection closed after a moment, as when a load balancer drops it. */
  private MockResponse dropLater(MockResponse response) {
    WebSocketListener inner = response.getWebSocketListener();
    if (inner == null) {
      return response;
    }
    long delay = dropDelayMillis();
    return response.withWebSocketUpgrade(new WebSocketListener() {
      @Override
      public void onOpen(WebSocket ws, Response r) {
        inner.onOpen(ws, r);
        dropper.schedule(() -> ws.close(1001, "injected: connection dropped"), delay, TimeUnit.MILLISECONDS);
      }

      @Override
      public void onBeforeAccept(WebSocket ws, Response r) {
        inner.onBeforeAccept(ws, r);
      }

      @Override
      public void onMessage(WebSocket ws, String text) {
        inner.onMessage(ws, text);
      }

      @Override
      public void onMessage(WebSocket ws, ByteString bytes) {
        inner.onMessage(ws, bytes);
      }

      @Override
      public void onMessage(WebSocket ws, byte[] bytes) {
        inner.onMessage(ws, bytes);
      }

      @Override
      public void onClosing(WebSocket ws, int code, String reason) {
        inner.onClosing(ws, code, reason);
      }

      @Override
      public void onClosed(WebSocket ws, int code, String reason) {
        inner.onClosed(ws, code, reason);
      }

      @Override
      public void onFailure(WebSocket ws, Throwable t, Response r) {
        inner.onFailure(ws, t, r);
      }
    });
  }

  private static MockResponse status(int code, String reason, String message) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code
            + ",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}");
  }

  void close() {
    dropper.shutdownNow();
  }
}
