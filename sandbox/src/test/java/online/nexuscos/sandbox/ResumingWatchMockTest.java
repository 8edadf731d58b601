package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox API server resumes a watch from a resourceVersion as a real one does: deletions since then are replayed. */
class ResumingWatchMockTest {

  private SandboxApiServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = new SandboxApiServer();
    client = server.client("test");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ConfigMap map(String name, String app) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("ns").addToLabels("app", app).endMetadata().build();
  }

  @Test
  void aWatchFromAnOldResourceVersionReceivesTheDeletionsItMissedBeforeWhatExists() {
    client.resource(map("kept", "a")).create();
    client.resource(map("gone", "a")).create();
    client.resource(map("other", "b")).create();
    String from = client.configMaps().inNamespace("ns").withLabel("app", "a").list().getMetadata().getResourceVersion();
    client.configMaps().inNamespace("ns").withName("gone").delete();
    client.configMaps().inNamespace("ns").withName("other").delete();
    client.resource(map("kept", "a")).update();

    List<String> events = new CopyOnWriteArrayList<>();
    try (var watch = client.configMaps().inNamespace("ns").withLabel("app", "a")
        .watch(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(from).build(), new Watcher<ConfigMap>() {
          @Override
          public void eventReceived(Action action, ConfigMap resource) {
            events.add(action + " " + resource.getMetadata().getName());
          }

          @Override
          public void onClose(WatcherException cause) {
          }
        })) {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).contains("ADDED kept"));
      assertThat(events).as("the deletion first, only the watched selector's, then what exists")
          .containsExactly("DELETED gone", "ADDED kept");
    }
  }

  @Test
  void aWatchWithoutAResourceVersionGetsNoReplay() {
    client.resource(map("gone", "a")).create();
    client.configMaps().inNamespace("ns").withName("gone").delete();
    client.resource(map("kept", "a")).create();
    List<String> events = new CopyOnWriteArrayList<>();
    try (var watch = client.configMaps().inNamespace("ns").watch(new Watcher<ConfigMap>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events).contains("ADDED kept"));
      assertThat(events).containsExactly("ADDED kept");
    }
  }

  @Test
  void anInformerWhoseWatchDroppedDuringADeleteForgetsTheDeletedObject() {
    client.resource(map("gone", "a")).create();
    WatchBreaker drop = new WatchBreaker();
    server.setFaultPolicy(drop);
    List<String> deleted = new CopyOnWriteArrayList<>();
    var informer = client.configMaps().inNamespace("ns").inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(ConfigMap obj) {
      }

      @Override
      public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
      }

      @Override
      public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
        deleted.add(obj.getMetadata().getName());
      }
    });
    try {
      await().atMost(Duration.ofSeconds(10)).until(informer::isWatching);
      drop.refuseWatches(true);
      drop.closeOpenWatches();
      await().atMost(Duration.ofSeconds(10)).until(() -> !informer.isWatching());
      client.configMaps().inNamespace("ns").withName("gone").delete(); // while the informer does not watch
      drop.refuseWatches(false);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(informer.getStore().list()).isEmpty());
      assertThat(deleted).containsExactly("gone");
    } finally {
      informer.close();
    }
  }

  @Test
  void anInformerWhoseFirstWatchIsRefusedWatchesAgainAndSeesLaterDeletions() {
    client.resource(map("gone", "a")).create();
    WatchBreaker breaker = new WatchBreaker();
    breaker.refuseWatches(true);
    breaker.refuseWith(410);
    server.setFaultPolicy(breaker);
    var informer = client.configMaps().inNamespace("ns").runnableInformer(0);
    // As JOSDK sets it with stopOnInformerErrorDuringStartup(false): retry whatever failed.
    informer.exceptionHandler((started, t) -> !io.fabric8.kubernetes.client.informers.ExceptionHandler.isDeserializationException(t));
    informer.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> breaker.refused() > 0);
      breaker.refuseWatches(false);
      await().atMost(Duration.ofSeconds(30)).until(informer::isWatching);
      client.configMaps().inNamespace("ns").withName("gone").delete();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(informer.getStore().list()).isEmpty());
    } finally {
      informer.close();
    }
  }

  /** Closes the open watches on demand, and refuses new ones (500) while told to. */
  private static final class WatchBreaker implements FaultPolicy {
    private final List<io.fabric8.mockwebserver.http.WebSocket> open = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;
    private volatile int code = 500;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    void refuseWith(int code) {
      this.code = code;
    }

    int refused() {
      return refused.get();
    }

    void refuseWatches(boolean refuse) {
      this.refuse = refuse;
    }

    void closeOpenWatches() {
      open.forEach(ws -> ws.close(1001, "test: connection dropped"));
      open.clear();
    }

    @Override
    public io.fabric8.mockwebserver.http.MockResponse answer(io.fabric8.mockwebserver.http.RecordedRequest request,
        java.util.function.Supplier<io.fabric8.mockwebserver.http.MockResponse> serve) {
      if (!request.getPath().contains("watch=true")) {
        return serve.get();
      }
      if (refuse) {
        refused.incrementAndGet();
        return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(code)
            .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code + "}");
      }
      var response = serve.get();
      var watch = response.getWebSocketListener();
      return response.withWebSocketUpgrade(new io.fabric8.mockwebserver.http.WebSocketListener() {
        @Override
        public void onOpen(io.fabric8.mockwebserver.http.WebSocket webSocket, io.fabric8.mockwebserver.http.Response r) {
          open.add(webSocket);
          watch.onOpen(webSocket, r);
        }

        @Override
        public void onMessage(io.fabric8.mockwebserver.http.WebSocket webSocket, String text) {
          watch.onMessage(webSocket, text);
        }

        @Override
        public void onClosing(io.fabric8.mockwebserver.http.WebSocket webSocket, int code, String reason) {
          watch.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(io.fabric8.mockwebserver.http.WebSocket webSocket, int code, String reason) {
          watch.onClosed(webSocket, code, reason);
        }

        @Override
        public void onFailure(io.fabric8.mockwebserver.http.WebSocket webSocket, Throwable error,
            io.fabric8.mockwebserver.http.Response r) {
          watch.onFailure(webSocket, error, r);
        }
      });
    }
  }
}
