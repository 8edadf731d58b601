package online.nexuscos.e2e;

import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.RequestReason;
import online.nexuscos.platform.api.v1alpha1.RequestVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** nexusctl, the production jar, against the real control plane: get, status, diff, history, rollback, failover, failback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NexusctlE2E {

  static final String NAME = "nexusctl-e2e";
  private static String platform(String version) {
    return E2E.platform(NAME, version, "e2e-nexusctl", """
        services:
          - {name: api, namespace: e2e-nexusctl, port: 3000, replicas: 1, critical: true}
        failover:
          activeSite: primary
          automatic: false
        """ + E2E.ZONE_SITES.indent(2));
  }

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  @Test
  void theIncidentCommandsWorkAgainstARealApiServer() {
    String v1 = E2E.file(platform("1.0.0"));
    cluster.kubectl("apply", "-f", v1).ok();
    E2E.awaitReady(cluster, NAME);

    assertThat(cluster.nexusctl("get").ok().out()).contains(NAME).contains("Ready");
    assertThat(cluster.nexusctl("status", NAME).ok().out()).contains("Ready");
    Command.Result same = cluster.nexusctl("diff", "-f", v1);
    assertThat(same.exit()).as("no change against what the server normalised:\n" + same.out() + same.err()).isZero();

    String v2 = E2E.file(platform("1.1.0"));
    Command.Result changed = cluster.nexusctl("diff", "-f", v2);
    assertThat(changed.exit()).isEqualTo(1);
    assertThat(changed.out()).contains("ghcr.io/nexus-cos/api:1.1.0");

    cluster.kubectl("apply", "-f", v2).ok();
    E2E.awaitPlatform(cluster, NAME, p -> Integer.valueOf(2).equals(p.getStatus().getStableRevision()));
    String history = cluster.nexusctl("history", NAME).ok().out();
    assertThat(history).as("the jar's own output, flushed").containsPattern("(?m)^REVISION\\s+CREATED")
        .containsPattern("(?m)^2\\s+\\S+ ago\\s+api: tag 1.0.0 -> 1.1.0\\s+current, stable$")
        .containsPattern("(?m)^1\\s+\\S+ ago\\s+api: created\\s+superseded$");

    cluster.nexusctl("rollback", NAME, "--to-revision", "1", "--wait", "--timeout", "2m").ok();
    assertThat(E2E.image(cluster, "e2e-nexusctl", "api")).endsWith(":1.0.0");
    var accepted = cluster.platform(NAME).getStatus().getLastRequest();
    assertThat(accepted.getVerdict()).isEqualTo(RequestVerdict.Accepted);
    assertThat(accepted.getReason()).isEqualTo(RequestReason.RevisionRestored);
    // A request nexusctl would refuse itself, made with kubectl: the operator's verdict is in the status,
    // written before it removed the annotations (one patch carrying the resourceVersion it wrote).
    cluster.kubectl("annotate", "nxp", NAME, Labels.ROLLBACK_TO + "=99", Labels.REQUEST_ID + "=e2e-refused").ok();
    NexusPlatform refused = E2E.awaitPlatform(cluster, NAME, p -> p.getStatus().getLastRequest() != null
        && "e2e-refused".equals(p.getStatus().getLastRequest().getId()) && (p.getMetadata().getAnnotations() == null
        || !p.getMetadata().getAnnotations().containsKey(Labels.ROLLBACK_TO)));
    assertThat(refused.getStatus().getLastRequest().getVerdict()).isEqualTo(RequestVerdict.Refused);
    assertThat(refused.getStatus().getLastRequest().getReason()).isEqualTo(RequestReason.NoSuchRevision);
    assertThat(refused.getMetadata().getAnnotations() == null ? java.util.Map.of() : refused.getMetadata().getAnnotations())
        .doesNotContainKey(Labels.REQUEST_ID);
    assertThat(refused.getSpec().getVersion()).as("nothing changed").isEqualTo("1.0.0");
    // Asked the same again: the refusal is counted on the same Event (aggregated, as the API server's recorders
    // do), and kubectl describe finds it through the real server's field selectors.
    cluster.kubectl("annotate", "nxp", NAME, Labels.ROLLBACK_TO + "=99", Labels.REQUEST_ID + "=e2e-refused-2").ok();
    E2E.awaitPlatform(cluster, NAME, p -> p.getStatus().getLastRequest() != null
        && "e2e-refused-2".equals(p.getStatus().getLastRequest().getId()));
    String uid = refused.getMetadata().getUid();
    var failedEvents = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
        () -> cluster.admin().v1().events().inNamespace("default").withField("involvedObject.uid", uid).list().getItems()
            .stream().filter(e -> "RollbackFailed".equals(e.getReason())).toList(),
        list -> list.size() == 1 && Integer.valueOf(2).equals(list.get(0).getCount()));
    assertThat(failedEvents.get(0).getMessage()).contains("revision 99");
    assertThat(cluster.kubectl("describe", "nxp", NAME).ok().out()).containsPattern("Warning\\s+RollbackFailed\\s+.*\\(x2 over");

    cluster.nexusctl("failover", NAME, "--to", "secondary", "--reason", "e2e drill", "--wait", "--timeout", "2m").ok();
    NexusPlatform moved = cluster.platform(NAME);
    assertThat(moved.getStatus().getFailover().getActiveSite()).isEqualTo("secondary");
    assertThat(E2E.deployment(cluster, "e2e-nexusctl", "api").getSpec().getTemplate().getSpec().getNodeSelector())
        .containsEntry("topology.kubernetes.io/zone", "zone-b");
    assertThat(moved.getSpec().getFailover().getActiveSite()).as("the home site stays in the spec").isEqualTo("primary");

    // Failback after a manual failover returns home.
    assertThat(cluster.nexusctl("failback", NAME, "--wait", "--timeout", "2m").ok().out()).contains("running on site primary");
    assertThat(E2E.deployment(cluster, "e2e-nexusctl", "api").getSpec().getTemplate().getSpec().getNodeSelector())
        .containsEntry("topology.kubernetes.io/zone", "zone-a");
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
  }

}
