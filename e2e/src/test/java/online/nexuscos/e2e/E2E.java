package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/** What the e2e suites share: waiting on platforms, reading workloads, checking the audit log. */
final class E2E {

  /** Failover sites on kwok's zones: primary in zone-a, secondary in zone-b. */
  static final String ZONE_SITES = """
      sites:
        - name: primary
          placement: {nodeSelector: {topology.kubernetes.io/zone: zone-a}}
        - name: secondary
          placement: {nodeSelector: {topology.kubernetes.io/zone: zone-b}}
      """;

  private E2E() {}

  /** The platform once {@code condition} holds for it (status present), within the suite's timeout. */
  static NexusPlatform awaitPlatform(RealCluster cluster, String name, Predicate<NexusPlatform> condition) {
    NexusPlatform[] seen = new NexusPlatform[1];
    try {
      await().atMost(RealCluster.TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
        NexusPlatform p = cluster.platform(name);
        seen[0] = p;
        return p != null && p.getStatus() != null && condition.test(p);
      });
    } catch (ConditionTimeoutException e) {
      // The operator's log as it is at the timeout, not as it was when the wait began.
      throw new AssertionError(name + " did not reach the expected state; last status phase: "
          + (seen[0] == null || seen[0].getStatus() == null ? "none" : seen[0].getStatus().getPhase())
          + "\n" + snapshot(cluster, name) + "\noperator log:\n" + cluster.operator().logTail(), e);
    }
    return seen[0];
  }

  /**
   * What a failed wait needs to be understood from a CI log alone: the platform's status, its
   * workloads and pods with their Nodes, the Nodes, and the platform's latest Events.
   */
  static String snapshot(RealCluster cluster, String name) {
    String selector = Labels.INSTANCE + "=" + name;
    return String.join("\n",
        "--- status:", cluster.kubectl("get", "nxp", name, "-o", "jsonpath={.status}").out(),
        "--- workloads:", cluster.kubectl("get", "deployments,replicasets", "-A", "-l", selector, "-o", "wide").out(),
        "--- pods:", cluster.kubectl("get", "pods", "-A", "-l", selector, "-o", "wide").out(),
        "--- nodes:", cluster.kubectl("get", "nodes", "-L", "topology.kubernetes.io/zone").out(),
        "--- events of the platform:", cluster.kubectl("get", "events", "-n", "default",
            "--field-selector", "involvedObject.name=" + name, "--sort-by=.lastTimestamp").out());
  }

  static NexusPlatform awaitReady(RealCluster cluster, String name) {
    return awaitPlatform(cluster, name, p -> p.getStatus().getPhase() == Phase.Ready
        && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()));
  }

  static List<Deployment> deployments(RealCluster cluster, String instance) {
    return cluster.admin().apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, instance).list().getItems();
  }

  static Deployment deployment(RealCluster cluster, String namespace, String name) {
    return cluster.admin().apps().deployments().inNamespace(namespace).withName(name).get();
  }

  static String image(RealCluster cluster, String namespace, String name) {
    return deployment(cluster, namespace, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  static int serviceIndex(NexusPlatform platform, String service) {
    List<ServiceSpec> services = platform.getSpec().getServices();
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i).getName().equals(service)) {
        return i;
      }
    }
    throw new AssertionError("no service " + service);
  }

  /** Every request of the operator since {@code mark} was allowed by RBAC and none hit an immutable field. */
  static void assertAllowedAndValid(RealCluster cluster, long mark) {
    List<AuditLog.Request> refused = cluster.operatorRequests(mark).stream()
        .filter(r -> r.forbiddenByRbac() || r.code() == 422).toList();
    assertThat(refused).as("operator requests refused by RBAC or as invalid").isEmpty();
  }

  /**
   * A small platform's YAML: one namespace, {@code deletionPolicy: Delete}, and {@code body} (its
   * services and more, indented as spec fields).
   */
  static String platform(String name, String version, String namespace, String body) {
    return """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: %s}
        spec:
          version: "%s"
          imageRegistry: ghcr.io/nexus-cos
          deletionPolicy: Delete
          namespaces: [{name: %s}]
        """.formatted(name, version, namespace) + body.stripIndent().indent(2);
  }

  /** The end of a suite: none of its operator requests was refused, and its platform is gone with its namespaces. */
  static void removePlatform(RealCluster cluster, String name, long suiteStart) {
    assertAllowedAndValid(cluster, suiteStart);
    cluster.kubectl("delete", "nxp", name, "--ignore-not-found", "--wait=true", "--timeout=120s");
    await().atMost(RealCluster.TIMEOUT).until(() ->
        cluster.admin().namespaces().withLabel(Labels.INSTANCE, name).list().getItems().isEmpty());
  }

  /** A platform written as YAML to a temporary file, for kubectl apply -f. */
  static String file(String yaml) {
    try {
      var path = Files.createTempFile("nxp", ".yaml");
      Files.writeString(path, yaml);
      return path.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String summary(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach((k, v) -> text.append(String.format("  %-48s %5d%n", k, v)));
    return text.toString();
  }
}
