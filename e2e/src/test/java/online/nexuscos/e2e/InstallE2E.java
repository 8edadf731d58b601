package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The install manifests on the API server they target: both documented ways to apply deploy/
 * pass a server-side dry run with the same objects, and the operator Deployment installed by
 * {@code kubectl apply -k deploy/} (RealCluster) is admitted under Pod Security "restricted" and
 * becomes available (kwok runs its pods).
 */
class InstallE2E {

  private final RealCluster cluster = RealCluster.get();

  @Test
  void bothWaysToApplyDeployPassAServerSideDryRunWithTheSameObjects() {
    String deploy = cluster.repo().resolve("deploy").toString();
    String crds = cluster.repo().resolve("crds").toString();
    Set<String> kustomized = objects(cluster.kubectl("apply", "--dry-run=server", "-k", deploy).ok().out());
    Set<String> plain = objects(cluster.kubectl("apply", "--dry-run=server", "-f", crds, "-f", deploy).ok().out());
    assertThat(kustomized).containsExactlyInAnyOrderElementsOf(plain).contains(
        "customresourcedefinition.apiextensions.k8s.io/nexusplatforms.platform.nexuscos.online",
        "namespace/nexus-system", "serviceaccount/nexus-operator", "clusterrole.rbac.authorization.k8s.io/nexus-operator",
        "deployment.apps/nexus-operator", "service/nexus-operator-metrics");
  }

  @Test
  void theOperatorDeploymentIsAdmittedUnderPodSecurityRestrictedAndBecomesAvailable() {
    await().atMost(RealCluster.TIMEOUT).until(() -> {
      Deployment d = E2E.deployment(cluster, RealCluster.OPERATOR_NAMESPACE, "nexus-operator");
      return d != null && d.getStatus() != null && Integer.valueOf(2).equals(d.getStatus().getAvailableReplicas());
    });
    assertThat(cluster.admin().pods().inNamespace(RealCluster.OPERATOR_NAMESPACE)
        .withLabel("app.kubernetes.io/name", "nexus-operator").list().getItems()).hasSize(2);
    // ... and "restricted" is enforced there: a privileged pod is refused by the same admission.
    Command.Result privileged = cluster.kubectl("run", "privileged", "-n", RealCluster.OPERATOR_NAMESPACE,
        "--image=busybox", "--privileged", "--dry-run=server");
    assertThat(privileged.exit()).isNotZero();
    assertThat(privileged.err()).contains("violates PodSecurity \"restricted");
  }

  /** "kind.group/name" of each line kubectl apply printed. */
  private static Set<String> objects(String applyOutput) {
    Set<String> names = new TreeSet<>();
    List.of(applyOutput.split("\n")).stream().filter(l -> !l.isBlank()).forEach(l -> names.add(l.split("\\s+")[0]));
    return names;
  }
}
