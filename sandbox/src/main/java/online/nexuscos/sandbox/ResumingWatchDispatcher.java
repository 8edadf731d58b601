package online.nexuscos.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD mock dispatcher with watches that resume as a real API server's do. The mock
 * answers a watch from {@code resourceVersion=R} by sending every existing object as ADDED and
 * nothing about objects deleted since R, so an informer whose watch was dropped keeps a deleted
 * object in its cache for good (a real API server replays the DELETED event, or answers 410 Gone
 * and the informer lists again). Here each deletion gets a resourceVersion and is kept; a watch
 * from R first receives DELETED for every matching object deleted after R, then the mock's ADDED
 * for what exists, so the watcher's cache ends up as the server's.
 */
final class ResumingWatchDispatcher extends KubernetesCrudDispatcher {

  /** How many deletions are kept for resuming watches (older ones are no longer replayed). */
  static final int KEPT_DELETIONS = 20_000;

  private static final Pattern RESOURCE_VERSION = Pattern.compile("[?&]resourceVersion=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Deletion(AttributeSet attributes, String object, long resourceVersion) {}

  private final Deque<Deletion> deletions = new ArrayDeque<>();

  ResumingWatchDispatcher() {
    super(List.of());
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    var existing = newState == null && oldAttributes != null ? findResource(oldAttributes) : null;
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (existing != null) {
      synchronized (deletions) {
        deletions.addLast(new Deletion(existing.getKey(), existing.getValue(), requestResourceVersion()));
        if (deletions.size() > KEPT_DELETIONS) {
          deletions.removeFirst();
        }
      }
    }
  }

  @Override
  public MockResponse handleWatch(String path) {
    MockResponse response = super.handleWatch(path);
    Matcher from = RESOURCE_VERSION.matcher(path);
    WebSocketListener watch = response.getWebSocketListener();
    if (!from.find() || watch == null) {
      return response;
    }
    long since = Long.parseLong(from.group(1));
    AttributeSet query = getKey(path);
    List<String> missed = new ArrayList<>();
    synchronized (deletions) {
      for (Deletion d : deletions) {
        if (d.resourceVersion() > since && d.attributes().matches(query)) {
          missed.add(deletedEvent(d));
        }
      }
    }
    return missed.isEmpty() ? response : response.withWebSocketUpgrade(new Resumed(watch, missed));
  }

  private static String deletedEvent(Deletion d) {
    try {
      ObjectNode object = (ObjectNode) JSON.readTree(d.object());
      ((ObjectNode) object.with("metadata")).put("resourceVersion", Long.toString(d.resourceVersion()));
      ObjectNode event = JSON.createObjectNode();
      event.put("type", "DELETED");
      event.set("object", object);
      return JSON.writeValueAsString(event);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot replay a deletion: " + e.getMessage(), e);
    }
  }

  /** The mock's watch, preceded by the DELETED events it would not send. */
  private static final class Resumed extends WebSocketListener {
    private final WebSocketListener watch;
    private final List<String> missed;

    Resumed(WebSocketListener watch, List<String> missed) {
      this.watch = watch;
      this.missed = missed;
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      watch.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      missed.forEach(webSocket::send); // before the mock's ADDED of what exists now (sent from its own thread)
      watch.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      watch.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      watch.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      watch.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      watch.onFailure(webSocket, error, response);
    }
  }
}
