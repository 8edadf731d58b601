package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OLM bundle, judged by OLM itself: the official validators (e2e/cluster/bin/bundle-validate)
 * report no error, the API server accepts bundle/manifests (the CSV against OLM's CSV CRD), and
 * OLM's olm operator (v0.46.0, run by e2e/cluster/olm-up) installs the CSV: requirements met,
 * the operator Deployment created and Available, phase Succeeded. OLM's catalog operator does not
 * run here (it needs a catalog served from a pod, which kwok cannot run), so the ServiceAccount
 * and RBAC its InstallPlan would create are created by the test from the CSV's own permissions.
 * Runs after the other suites (OLM copies the CSV into every namespace), before RbacAuditE2E.
 */
@Order(Integer.MAX_VALUE - 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OlmE2E {

  static final String NS = "nexus-olm";
  static final String CSV = "nexus-operator.v" + System.getProperty("nexus.operator.release", "0.1.0");
  private static final ResourceDefinitionContext CSVS = new ResourceDefinitionContext.Builder()
      .withGroup("operators.coreos.com").withVersion("v1alpha1").withPlural("clusterserviceversions")
      .withKind("ClusterServiceVersion").withNamespaced(true).build();

  private final RealCluster cluster = RealCluster.get();
  private final Path manifests = cluster.repo().resolve("bundle/manifests");

  @BeforeAll
  void startOlm() {
    Command.Result up = Command.run(List.of(cluster.repo().resolve("e2e/cluster/olm-up").toString()),
        Map.of("NEXUS_CLUSTER_DIR", cluster.dir().toString(),
            "NEXUS_CLUSTER_PORT", System.getProperty("nexus.e2e.port", "16443")), null);
    assertThat(up.exit()).as("e2e/cluster/olm-up:\n" + up.err()).isZero();
    cluster.admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
  }

  @Test
  void theOfficialValidatorsFindNoError() {
    String k8s = cluster.admin().getKubernetesVersion().getMinor().replaceAll("\\D.*", "");
    Command.Result result = Command.run(List.of(cluster.repo().resolve("e2e/cluster/bin/bundle-validate").toString(),
        "--k8s-version", "1." + k8s, cluster.repo().resolve("bundle").toString()), Map.of(), null);
    System.out.print(result.out());
    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("bundle-validate: 0 errors").contains("operatorhub-v2").contains("good-practices")
        .contains("alpha-deprecated-apis").contains("csv-schema");
  }

  @Test
  void theApiServerAcceptsTheBundleManifests() {
    cluster.kubectl("apply", "--dry-run=server", "-n", NS, "-f", manifests.toString()).ok();
  }

  @Test
  void olmInstallsTheCsv() {
    cluster.kubectlIn("apiVersion: operators.coreos.com/v1\nkind: OperatorGroup\nmetadata: {name: nexus, namespace: " + NS
        + "}\nspec: {}\n", "apply", "-f", "-").ok();
    GenericKubernetesResource csv = load(manifests.resolve("nexus-operator.clusterserviceversion.yaml"));
    createInstallPlanObjects(csv);
    cluster.kubectl("apply", "-f", manifests.resolve("platform.nexuscos.online_nexusplatforms.yaml").toString()).ok();
    cluster.kubectl("apply", "-n", NS, "-f", manifests.resolve("nexus-operator.clusterserviceversion.yaml").toString()).ok();

    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(phase()).as("CSV phase; OLM's log: " + cluster.dir().resolve("logs/olm.log")).isEqualTo("Succeeded"));
    Deployment d = E2E.deployment(cluster, NS, "nexus-operator");
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(csv.getMetadata().getAnnotations().get("containerImage"));
    GenericKubernetesResource installed = cluster.admin().genericKubernetesResources(CSVS).inNamespace(NS).withName(CSV).get();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requirements = (List<Map<String, Object>>) ((Map<String, Object>) installed
        .getAdditionalProperties().get("status")).get("requirementStatus");
    assertThat(requirements).isNotEmpty().allSatisfy(r ->
        assertThat(r.get("status")).as(r.toString()).isIn("Present", "Satisfied"));
  }

  private String phase() {
    GenericKubernetesResource csv = cluster.admin().genericKubernetesResources(CSVS).inNamespace(NS).withName(CSV).get();
    Object status = csv == null ? null : csv.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> s ? String.valueOf(s.get("phase")) : "none";
  }

  /** What OLM's catalog operator would create from the CSV's install strategy: its ServiceAccount and grants. */
  @SuppressWarnings("unchecked")
  private void createInstallPlanObjects(GenericKubernetesResource csv) {
    Map<String, Object> strategy = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) csv
        .getAdditionalProperties().get("spec")).get("install")).get("spec");
    List<HasMetadata> objects = new ArrayList<>();
    for (String kind : List.of("clusterPermissions", "permissions")) {
      for (Map<String, Object> permission : (List<Map<String, Object>>) strategy.get(kind)) {
        String sa = (String) permission.get("serviceAccountName");
        List<PolicyRule> rules = ((List<Map<String, Object>>) permission.get("rules")).stream()
            .map(r -> cluster.admin().getKubernetesSerialization().convertValue(r, PolicyRule.class)).toList();
        String name = "nexus-olm-" + kind.toLowerCase();
        objects.add(new ServiceAccountBuilder().withNewMetadata().withName(sa).withNamespace(NS).endMetadata().build());
        if (kind.equals("clusterPermissions")) {
          objects.add(new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata().withRules(rules).build());
          objects.add(new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
              .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
              .addNewSubject().withKind("ServiceAccount").withName(sa).withNamespace(NS).endSubject().build());
        } else {
          objects.add(new RoleBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata().withRules(rules).build());
          objects.add(new RoleBindingBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
              .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
              .addNewSubject().withKind("ServiceAccount").withName(sa).withNamespace(NS).endSubject().build());
        }
      }
    }
    objects.forEach(o -> cluster.admin().resource(o).serverSideApply());
  }

  private GenericKubernetesResource load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return cluster.admin().getKubernetesSerialization().unmarshal(in, GenericKubernetesResource.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void cleanUp() {
    cluster.kubectl("delete", "namespace", NS, "--ignore-not-found", "--wait=false");
    cluster.kubectl("delete", "clusterrole,clusterrolebinding", "nexus-olm-clusterpermissions", "--ignore-not-found");
  }
}
