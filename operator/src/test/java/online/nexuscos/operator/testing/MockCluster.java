package online.nexuscos.operator.testing;

import online.nexuscos.core.KubeConfigs;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's CRUD mock API server with the NexusPlatform CRD installed, a request log, and two
 * clients told apart by User-Agent: one for the operator, one for the test.
 */
public final class MockCluster implements AutoCloseable {

  public static final String OPERATOR_AGENT = "nexus-operator-under-test";
  public static final String TEST_AGENT = "test";
  static final String CRD_RESOURCE = "META-INF/fabric8/nexusplatforms.platform.nexuscos.online-v1.yml";

  private final KubernetesMockServer server;
  private final RequestLog log;
  private final KubernetesClient operatorClient;
  private final online.nexuscos.operator.metrics.OperatorMetrics metrics =
      new online.nexuscos.operator.metrics.OperatorMetrics(new io.prometheus.client.CollectorRegistry());
  private final KubernetesClient client;

  public MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    log = new RequestLog(new KubernetesMixedDispatcher(responses));
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, log, false);
    server.init();
    operatorClient = server.createClient(b -> metrics.countWrites(b.editOrNewConfig()
        .withUserAgent(OPERATOR_AGENT)
        .withRequestRetryBackoffLimit(0)
        .withNamespace("default")
        .endConfig()
        .withKubernetesSerialization(online.nexuscos.core.KubeConfigs.lenientSerialization()))); // as Main builds it
    client = client(TEST_AGENT);
    allowLeases();
    try (InputStream crd = MockCluster.class.getClassLoader().getResourceAsStream(CRD_RESOURCE)) {
      client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class)).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the CRD from the classpath", e);
    }
  }

  /**
   * Answers the SelfSubjectRulesReview JOSDK sends before leader election (the mock has no RBAC):
   * this client may do anything with Leases.
   */
  public void allowLeases() {
    var review = new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder()
        .withNewStatus().withIncomplete(false)
        .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("*").endResourceRule()
        .endStatus().build();
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review).always();
  }

  /** Another client, e.g. for a second operator replica. */
  public KubernetesClient client(String agent) {
    return server.createClient(b -> b.editOrNewConfig()
        .withUserAgent(agent)
        .withRequestRetryBackoffLimit(0)
        .withNamespace("default")
        .endConfig());
  }

  /** The metrics the operator under test counts into (its client counts its writes there). */
  public online.nexuscos.operator.metrics.OperatorMetrics metrics() {
    return metrics;
  }

  /** The client the operator under test uses. */
  public KubernetesClient operatorClient() {
    return operatorClient;
  }

  /** The client tests use to act as a user or as cluster controllers. */
  public KubernetesClient client() {
    return client;
  }

  public RequestLog log() {
    return log;
  }

  @Override
  public void close() {
    operatorClient.close();
    client.close();
    server.destroy();
  }
}
