package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API as users meet it through kubectl on a real API server: the CRD's schema and CEL rules
 * refuse bad input naming the field, printer columns, explain, server-side dry runs of what we ship.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlE2E {

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();

  private static String platform(String name, String serviceExtra) {
    return E2E.platform(name, "1.0.0", "e2e-kubectl", """
        services:
          - name: api
            namespace: e2e-kubectl
            port: 3000
        """ + serviceExtra.indent(4));
  }


  private Command.Result apply(String yaml) {
    return cluster.kubectl("apply", "-f", E2E.file(yaml));
  }

  @Test
  void theSchemaRefusesOutOfRangeAndWrongTypedValuesNamingTheField() {
    Command.Result negative = apply(platform("bad-replicas", "replicas: -1"));
    assertThat(negative.exit()).isNotZero();
    assertThat(negative.err()).contains("spec.services[0].replicas").contains("greater than or equal to 0");

    Command.Result huge = apply(platform("bad-huge", "replicas: 99999999999"));
    assertThat(huge.exit()).as("beyond Java's int: refused at the door, never read by the operator").isNotZero();
    assertThat(huge.err()).contains("spec.services[0].replicas").contains("less than or equal to 10000");

    Command.Result wrongType = apply(platform("bad-port", "port: \"web\""));
    assertThat(wrongType.exit()).isNotZero();
    assertThat(wrongType.err()).contains("spec.services[0].port");

    Command.Result badEnum = cluster.kubectl("apply", "-f", E2E.file(platform("bad-policy", "")
        .replace("deletionPolicy: Delete", "deletionPolicy: Sometimes")));
    assertThat(badEnum.exit()).isNotZero();
    assertThat(badEnum.err()).contains("spec.deletionPolicy").contains("Unsupported value");
    assertThat(cluster.kubectl("get", "nxp", "-o", "name").ok().out()).doesNotContain("bad-");
  }

  @Test
  void celRulesRefuseContradictionsWithTheirMessage() {
    Command.Result minMax = apply(platform("bad-scaling", "autoscaling: {minReplicas: 5, maxReplicas: 2}"));
    assertThat(minMax.exit()).isNotZero();
    assertThat(minMax.err()).contains("spec.services[0].autoscaling").contains("minReplicas must be <= maxReplicas");

    Command.Result env = apply(platform("bad-env", "env: [{name: A, value: x, secretKeyRef: {name: s, key: k}}]"));
    assertThat(env.exit()).isNotZero();
    assertThat(env.err()).contains("spec.services[0].env[0]").contains("set exactly one of value or secretKeyRef");
  }

  @Test
  void getShowsThePrinterColumnsAndExplainDescribesTheFields() {
    apply(platform("kubectl-e2e", "")).ok();
    E2E.awaitReady(cluster, "kubectl-e2e");
    String table = cluster.kubectl("get", "nxp", "kubectl-e2e").ok().out();
    assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "AGE", "REVISION", "SITE", "PHASE", "READY");
    assertThat(table).contains("Ready").contains("1/1");
    assertThat(cluster.kubectl("get", "nxp", "kubectl-e2e", "-o", "wide").ok().out()).contains("VERSION").contains("1.0.0");

    String explain = cluster.kubectl("explain", "nexusplatform.spec.services").ok().out();
    assertThat(explain).contains("dependsOn").contains("replicas").contains("namespace");
  }

  @Test
  void theExamplesPassAServerSideDryRun() {
    for (String file : new String[] {"examples/nexus-cos.yaml", "examples/minimal.yaml"}) {
      cluster.kubectl("apply", "--dry-run=server", "-f", cluster.repo().resolve(file).toString()).ok();
    }
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, "kubectl-e2e", start);
  }

}
