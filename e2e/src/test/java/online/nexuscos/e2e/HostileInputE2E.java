package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11 on kube-apiserver: the validator judges names, quantities and CIDRs as the API server
 * does (dry-run creates of the objects the renderer would write); a namespace nobody opened to a
 * platform is not touched until its owner opens it; a hand-added privilege in a pod template is
 * reverted with an Event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputE2E {

  static final String NAME = "hostile-e2e";
  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  private boolean apiServerAccepts(String json) {
    return cluster.kubectlIn(json, "create", "--dry-run=server", "-o", "name", "-f", "-").exit() == 0;
  }

  private boolean validatorAccepts(String body) throws Exception {
    String yaml = E2E.platform("agree", "1.0.0", "e2e-agree", body);
    return SpecValidator.validate(PlatformDocuments.parse("agreement", yaml).get(0)).isEmpty();
  }

  @Test
  void theValidatorAndTheApiServerAgree() throws Exception {
    for (String cpu : List.of("1e3", "1E3", ".5", "1.", "+1", "1n", "250m", "512Mi", "1e3m", "1Kim", "1.5.5", "-1", "1m5")) {
      boolean server = apiServerAccepts("""
          {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "q", "namespace": "default"},
           "spec": {"containers": [{"name": "c", "image": "x", "resources": {"requests": {"cpu": "%s"}, "limits": {"cpu": "%s"}}}]}}
          """.formatted(cpu, cpu));
      boolean ours = validatorAccepts("""
          services:
            - name: api
              namespace: e2e-agree
              port: 3000
              resources: {requests: {cpu: "%s"}, limits: {cpu: "%s"}}
          """.formatted(cpu, cpu));
      assertThat(ours).as("quantity " + cpu + " (API server accepts: " + server + ")").isEqualTo(server);
    }
    for (String service : List.of("api", "3d-render", "a-b", "x".repeat(64))) {
      boolean server = apiServerAccepts("""
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "%s", "namespace": "default"},
           "spec": {"ports": [{"port": 80}]}}
          """.formatted(service));
      boolean ours = validatorAccepts("services:\n  - {name: \"%s\", namespace: e2e-agree, port: 3000}\n".formatted(service));
      // kube-apiserver 1.34+ accepts any DNS-1123 label as a Service name (RelaxedServiceNameValidation);
      // older ones require DNS-1035. The validator keeps DNS-1035, so a platform applies on both: never looser.
      assertThat(!ours || server).as("service name " + service + " accepted by us but not by the API server").isTrue();
      assertThat(ours).as("service name " + service).isEqualTo(!service.equals("3d-render") && server);
    }
    for (String secret : List.of("db-credentials.v2", "app", "Bad..Name", "a_b")) {
      boolean server = apiServerAccepts("""
          {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "%s", "namespace": "default"}}
          """.formatted(secret));
      boolean ours = validatorAccepts("services:\n  - {name: api, namespace: e2e-agree, port: 3000, envFromSecrets: [\"%s\"]}\n"
          .formatted(secret));
      assertThat(ours).as("Secret name " + secret + " (API server accepts: " + server + ")").isEqualTo(server);
    }
    for (String cidr : List.of("10.0.0.0/8", "999.1.1.1/8", "10.0.0.0/33", "fd00::/8", "fd00::/129", "010.0.0.0/8",
        "101.34.90.64/15", "fd00::1/64")) {
      boolean server = apiServerAccepts("""
          {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "n", "namespace": "default"},
           "spec": {"podSelector": {}, "egress": [{"to": [{"ipBlock": {"cidr": "%s"}}]}], "policyTypes": ["Egress"]}}
          """.formatted(cidr));
      boolean ours = validatorAccepts("""
          services:
            - {name: api, namespace: e2e-agree, port: 3000}
          networkPolicy: {egress: {restrict: true, allowedCIDRs: ["%s"]}}
          """.formatted(cidr));
      assertThat(ours).as("CIDR " + cidr + " (API server accepts: " + server + ")").isEqualTo(server);
    }
  }

  @Test
  void anExistingNamespaceIsUsedOnlyOnceItsOwnerOpensIt() {
    cluster.kubectl("create", "namespace", "e2e-tenant").ok();
    cluster.kubectl("apply", "-f", E2E.file(E2E.platform(NAME, "1.0.0", "e2e-hostile", """
        services:
          - {name: api, namespace: e2e-hostile, port: 3000, replicas: 1}
          - {name: intruder, namespace: e2e-tenant, port: 3000, replicas: 1}
        """).replace("namespaces: [{name: e2e-hostile}]", "namespaces: [{name: e2e-hostile}, {name: e2e-tenant}]"))).ok();
    var degraded = E2E.awaitPlatform(cluster, NAME, p -> p.getStatus().getPhase() == Phase.Degraded);
    assertThat(degraded.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage())
        .contains("was not created by platform " + NAME).contains("kubectl annotate namespace e2e-tenant"));
    assertThat(cluster.admin().apps().deployments().inNamespace("e2e-tenant").list().getItems()).isEmpty();
    assertThat(cluster.admin().namespaces().withName("e2e-tenant").get().getMetadata().getLabels())
        .doesNotContainKey(Labels.INSTANCE);

    cluster.kubectl("annotate", "namespace", "e2e-tenant", Labels.OPEN_TO + "=" + NAME).ok();
    await().atMost(RealCluster.TIMEOUT).until(() -> E2E.deployment(cluster, "e2e-tenant", "intruder") != null);
    E2E.awaitReady(cluster, NAME);
  }

  @Test
  void aHandAddedPrivilegeIsRevertedAndReported() {
    cluster.kubectl("apply", "-f", E2E.file(E2E.platform(NAME + "-drift", "1.0.0", "e2e-drift", """
        services:
          - {name: api, namespace: e2e-drift, port: 3000, replicas: 1}
        """))).ok();
    var ready = E2E.awaitReady(cluster, NAME + "-drift");
    cluster.kubectl("patch", "deployment", "api", "-n", "e2e-drift", "--type=merge", "-p",
        "{\"spec\":{\"template\":{\"spec\":{\"hostNetwork\":true}}}}").ok();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        !Boolean.TRUE.equals(E2E.deployment(cluster, "e2e-drift", "api").getSpec().getTemplate().getSpec().getHostNetwork()));
    String uid = ready.getMetadata().getUid();
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.admin().v1().events().inNamespace("default").list().getItems()
        .stream().anyMatch(e -> uid.equals(e.getInvolvedObject().getUid()) && "SecurityDriftReverted".equals(e.getReason())
            && e.getMessage().contains("hostNetwork")));
    E2E.removePlatform(cluster, NAME + "-drift", start);
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
    cluster.kubectl("delete", "namespace", "e2e-tenant", "--ignore-not-found", "--wait=false");
  }
}
