package online.nexuscos.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import online.nexuscos.core.KubeConfigs;
import online.nexuscos.operator.reconciler.CompactStore;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.operator.health.HealthServer;
import online.nexuscos.operator.health.OperatorHealth;
import online.nexuscos.operator.metrics.OperatorMetrics;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The run the build records the operator's class-data-sharing archive from
 * ({@code nexus-operator --cds-training}, hidden; operator/pom.xml), so that a started operator finds
 * the classes of its start-up already parsed and verified: the example platform read, validated and
 * rendered, its children read back as the informers read them, and the client, the JOSDK operator
 * and the health server built as {@link Main} builds them, with one request to a closed port. Needs
 * no cluster and writes nothing but the archive the JVM dumps at exit.
 */
final class CdsTraining {

  static final String EXAMPLE = "examples/nexus-cos.yaml";

  private CdsTraining() {}

  static int run() throws IOException {
    KubernetesSerialization serialization = KubeConfigs.lenientSerialization();
    NexusPlatform platform = serialization.unmarshal(example(), NexusPlatform.class);
    SpecValidator.validate(platform, Set.of());
    List<HasMetadata> children = PlatformRenderer.render(PlatformResolver.resolve(platform));
    for (HasMetadata child : children) {
      serialization.unmarshal(serialization.asJson(child), child.getClass());
      // and by kind, as watch events and lists are read: this loads the client's registry of kinds
      serialization.unmarshal(serialization.asJson(child));
      // and kept as the informers keep them (trimmed, compressed) and read back
      @SuppressWarnings("unchecked")
      CompactStore<HasMetadata> store = new CompactStore<>((Class<HasMetadata>) child.getClass(), serialization);
      store.put(store.getKey(child), child);
      store.get(store.getKey(child));
    }
    for (String kind : List.of("Pod", "Node", "Event", "Namespace")) {
      serialization.unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"a\"}}");
    }
    serialization.unmarshal("{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\"a\"}}");
    serialization.unmarshal("{\"apiVersion\":\"apps/v1\",\"kind\":\"ControllerRevision\",\"metadata\":{\"name\":\"a\"}}");
    PlatformRenderer.revisionHash(platform);

    Config closed = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:9").withOauthToken("none")
        .withConnectionTimeout(500).withRequestTimeout(500).withRequestRetryBackoffLimit(0).build();
    OperatorMetrics metrics = new OperatorMetrics(new CollectorRegistry());
    try (KubernetesClient client = metrics.countWrites(new KubernetesClientBuilder().withConfig(closed)
        .withKubernetesSerialization(serialization)).build()) {
      try {
        client.resources(NexusPlatform.class).withName(platform.getMetadata().getName()).get();
      } catch (KubernetesClientException expected) {
        // the port is closed: the request path is what was wanted
      }
      OperatorSettings settings = new OperatorSettings(Set.of(), true, OperatorSettings.DEFAULT_LEASE_NAME,
          "default", "cds-training", Duration.ofMinutes(10), false);
      NexusOperator operator = NexusOperator.create(client, settings, Clock.systemUTC(), metrics);
      try (HealthServer health = HealthServer.start(0, operator::health,
          new OperatorHealth(Clock.systemUTC(), OperatorHealth.DEFAULT_STUCK_AFTER), metrics.registry())) {
        for (String path : List.of("/readyz", "/healthz", "/metrics")) {
          HttpURLConnection get = (HttpURLConnection) URI.create("http://127.0.0.1:" + health.port() + path).toURL()
              .openConnection();
          try (InputStream body = get.getResponseCode() < 400 ? get.getInputStream() : get.getErrorStream()) {
            if (body != null) {
              body.readAllBytes();
            }
          }
        }
      }
    }
    return 0;
  }

  private static String example() throws IOException {
    try (InputStream in = CdsTraining.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IOException(EXAMPLE + " is missing from nexus-operator.jar; rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
