package online.nexuscos.sandbox;

import online.nexuscos.core.KubeConfigs;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import online.nexuscos.core.validation.CrdSchema;

/**
 * The sandbox's API server: fabric8's CRUD mock API server (a stand-in, not a real cluster) with
 * the NexusPlatform CRD installed, the discovery documents and JSON content type kubectl needs,
 * a request log, and a plain-http kubeconfig.
 */
public final class SandboxApiServer implements AutoCloseable {

  /** One request the server answered. */
  public record Request(String userAgent, String method, String path) {}

  private final KubernetesMockServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile FaultPolicy faults = FaultPolicy.NONE;

  public SandboxApiServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    // As fabric8's KubernetesMixedDispatcher (expectations first, then CRUD), with watches that
    // resume from a resourceVersion as a real API server's do (ResumingWatchDispatcher).
    MockDispatcher expectations = new MockDispatcher(responses);
    ResumingWatchDispatcher store = new ResumingWatchDispatcher();
    Dispatcher crud = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Queue<ServerResponse> queue = responses.get(new io.fabric8.mockwebserver.internal.SimpleRequest(
            io.fabric8.mockwebserver.dsl.HttpMethod.valueOf(request.getMethod()), request.getPath()));
        return queue != null && !queue.isEmpty() ? expectations.dispatch(request) : store.dispatch(request);
      }

      @Override
      public void shutdown() {
        store.shutdown();
      }
    };
    Discovery[] discovery = new Discovery[1];
    Dispatcher front = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        requests.add(new Request(request.getHeader("User-Agent"), request.getMethod(), path));
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if ("GET".equals(request.getMethod())) {
          var doc = discovery[0].answer(bare);
          if (doc.isPresent()) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(doc.get());
          }
        }
        return faults.answer(request, () -> {
          MockResponse response = crud.dispatch(request);
          if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
          }
          return response;
        });
      }

      @Override
      public void shutdown() {
        crud.shutdown();
      }
    };
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, front, false);
    server.init();
    discovery[0] = new Discovery(url());
    allowLeases();
    try (KubernetesClient client = client("nexus-sandbox")) {
      installCrd(client);
    }
  }

  /** The base URL, e.g. {@code http://localhost:41234}. */
  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /** A new client for this server; {@code userAgent} tells its requests apart in the log. */
  public KubernetesClient client(String userAgent) {
    return client(userAgent, b -> { });
  }

  public KubernetesClient client(String userAgent, Consumer<io.fabric8.kubernetes.client.KubernetesClientBuilder> tweak) {
    return server.createClient(b -> {
      b.editOrNewConfig().withUserAgent(userAgent).withRequestRetryBackoffLimit(0).withNamespace("default").endConfig();
      b.withKubernetesSerialization(online.nexuscos.core.KubeConfigs.lenientSerialization()); // as the operator reads
      tweak.accept(b);
    });
  }

  /** From now on, answers every request (but discovery) through {@code policy}. */
  public void setFaultPolicy(FaultPolicy policy) {
    faults = policy == null ? FaultPolicy.NONE : policy;
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Writes a plain-http kubeconfig for kubectl and nexusctl, and returns its path. */
  public Path writeKubeconfig(Path file) throws IOException {
    String kubeconfig = """
        # nexus sandbox: a fabric8 mock API server standing in for a cluster. Not a real cluster.
        apiVersion: v1
        kind: Config
        clusters:
        - name: nexus-sandbox
          cluster:
            server: %s
        users:
        - name: nexus-sandbox
          user:
            token: sandbox
        contexts:
        - name: nexus-sandbox
          context:
            cluster: nexus-sandbox
            user: nexus-sandbox
            namespace: default
        current-context: nexus-sandbox
        """.formatted(url());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.writeString(file, kubeconfig);
  }

  /** The mock has no RBAC; answer JOSDK's Lease access check before leader election. */
  private void allowLeases() {
    var review = new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder()
        .withNewStatus().withIncomplete(false)
        .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("*").endResourceRule()
        .endStatus().build();
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review).always();
  }

  private static void installCrd(KubernetesClient client) {
    try (InputStream crd = SandboxApiServer.class.getClassLoader().getResourceAsStream(CrdSchema.RESOURCE)) {
      client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class)).create();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the NexusPlatform CRD from the classpath", e);
    }
  }

  @Override
  public void close() {
    server.destroy();
  }
}
