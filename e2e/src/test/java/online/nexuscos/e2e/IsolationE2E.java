package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11's first bullet on kube-apiserver: a NexusPlatform this operator cannot read (here a
 * replicas value beyond Java's int, which a newer CRD without the maximum lets through) is
 * reported on that platform alone (InvalidSpec naming the field, an Event); the operator process
 * keeps running and another platform applied after it converges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationE2E {

  static final String BAD = "isolation-bad";
  static final String GOOD = "isolation-good";
  static final String CRD = "nexusplatforms.platform.nexuscos.online";
  static final String REPLICAS_MAXIMUM =
      "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/services/items/properties/replicas/maximum";

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  @Test
  void anUnreadablePlatformIsReportedAloneAndTheOthersConverge() {
    // A "newer" CRD: no maximum on replicas, so the API server stores 99999999999.
    cluster.kubectl("patch", "crd", CRD, "--type=json", "-p",
        "[{\"op\":\"remove\",\"path\":\"" + REPLICAS_MAXIMUM + "\"}]").ok();
    await().atMost(RealCluster.TIMEOUT).until(() -> cluster.kubectl("apply", "--dry-run=server", "-f",
        E2E.file(E2E.platform(BAD, "1.0.0", "e2e-isolation-bad", """
            services:
              - {name: api, namespace: e2e-isolation-bad, port: 3000, replicas: 99999999999}
            """))).exit() == 0);
    cluster.kubectl("apply", "-f", E2E.file(E2E.platform(BAD, "1.0.0", "e2e-isolation-bad", """
        services:
          - {name: api, namespace: e2e-isolation-bad, port: 3000, replicas: 99999999999}
        """))).ok();

    await().atMost(RealCluster.TIMEOUT).until(() -> cluster.kubectl("get", "nxp", BAD, "-o",
        "jsonpath={.status.conditions[?(@.type==\"InvalidSpec\")].status}").out().trim().equals("True"));
    String message = cluster.kubectl("get", "nxp", BAD, "-o",
        "jsonpath={.status.conditions[?(@.type==\"InvalidSpec\")].message}").out();
    assertThat(message).contains("spec.services[0].replicas").contains("cannot be read by this operator version");
    String events = cluster.kubectl("get", "events", "-A", "--field-selector", "involvedObject.name=" + BAD,
        "-o", "jsonpath={.items[*].reason}").out();
    assertThat(events).contains(online.nexuscos.core.status.ConditionType.Reason.VALIDATION_FAILED);
    assertThat(cluster.kubectl("get", "namespace", "e2e-isolation-bad", "--ignore-not-found", "-o", "name").out())
        .as("nothing is applied from a spec read only in part").isBlank();

    cluster.kubectl("apply", "-f", E2E.file(E2E.platform(GOOD, "1.0.0", "e2e-isolation-good", """
        services:
          - {name: api, namespace: e2e-isolation-good, port: 3000, replicas: 1}
        """))).ok();
    E2E.awaitReady(cluster, GOOD);
    assertThat(cluster.operator().alive()).as("the operator process never exits because of a resource").isTrue();
    assertThat(cluster.operator().logLines("Fatal error in informer")).isZero();
  }

  @AfterAll
  void cleanUp() {
    cluster.kubectl("delete", "nxp", BAD, "--ignore-not-found", "--wait=true", "--timeout=120s");
    cluster.kubectl("apply", "-f", cluster.repo().resolve("crds/" + CRD + "-v1.yml").toString()).ok();
    E2E.removePlatform(cluster, GOOD, start);
  }
}
