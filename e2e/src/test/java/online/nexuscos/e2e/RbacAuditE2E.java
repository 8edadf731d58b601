package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven by the API server: every request the operator made during the whole
 * e2e suite (the audit log) is compared with deploy/rbac.yaml. A grant never used, or a request no
 * grant covers, fails. Runs last; on a subset of the suites (-Dit.test) it checks only the latter.
 */
@Order(Integer.MAX_VALUE)
class RbacAuditE2E {

  /** One grant: a verb on a group/resource[/subresource], cluster-wide or in one namespace, maybe named objects only. */
  record Grant(String scope, String group, String resource, String verb, Set<String> names) {
    boolean covers(AuditLog.Request r) {
      return group.equals(r.group()) && resource.equals(r.resource()) && verb.equals(r.verb())
          && (scope.isEmpty() || scope.equals(r.namespace()))
          && (names.isEmpty() || names.contains(r.name()));
    }

    @Override
    public String toString() {
      return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb
          + (names.isEmpty() ? "" : " " + names) + (scope.isEmpty() ? " (cluster)" : " (in " + scope + ")");
    }
  }

  /**
   * Allowed to every authenticated user by Kubernetes' bootstrap ClusterRole system:basic-user,
   * not by deploy/rbac.yaml: JOSDK asks at start whether it may use its Lease
   * (SelfSubjectRulesReview).
   */
  static final Set<String> EVERY_USER = Set.of(
      "authorization.k8s.io/selfsubjectrulesreviews create", "authorization.k8s.io/selfsubjectaccessreviews create",
      "authentication.k8s.io/selfsubjectreviews create");

  /**
   * Granted, never sent: JOSDK's leader election refuses to start unless a SelfSubjectRulesReview
   * shows create, update and get on leases, while fabric8's LeaseLock patches instead of updating.
   */
  static final Set<String> REQUIRED_BY_START_UP_CHECK = Set.of("coordination.k8s.io leases update (in nexus-system)");

  private final RealCluster cluster = RealCluster.get();

  @Test
  void everyGrantIsUsedAndEveryRequestIsGranted() throws IOException {
    List<Grant> grants = grants(cluster.repo().resolve("deploy/rbac.yaml"));
    List<AuditLog.Request> requests = cluster.audit().everyRequestOf(RealCluster.OPERATOR_USER);
    assertThat(requests).as("operator requests in the audit log").isNotEmpty();

    Map<Grant, Long> uses = new LinkedHashMap<>();
    grants.forEach(g -> uses.put(g, 0L));
    List<String> ungranted = new ArrayList<>();
    for (AuditLog.Request r : requests) {
      List<Grant> covering = grants.stream().filter(g -> g.covers(r)).toList();
      if (covering.isEmpty() && !EVERY_USER.contains(r.key())) {
        ungranted.add(r.toString());
      }
      covering.forEach(g -> uses.merge(g, 1L, Long::sum));
    }
    List<String> unused = uses.entrySet().stream().filter(e -> e.getValue() == 0).map(e -> e.getKey().toString())
        .filter(g -> !REQUIRED_BY_START_UP_CHECK.contains(g)).toList();

    StringBuilder report = new StringBuilder("RBAC audit: " + requests.size() + " operator requests, "
        + grants.size() + " grants (deploy/rbac.yaml)\n");
    uses.forEach((g, n) -> report.append(String.format("  %6d  %s%s%n", n, g,
        REQUIRED_BY_START_UP_CHECK.contains(g.toString()) ? "  (JOSDK's start-up permission check asks for it)" : "")));
    report.append("requests no grant covers: ").append(ungranted.isEmpty() ? "none" : ungranted).append('\n');
    Path out = cluster.repo().resolve("e2e/target/rbac-audit.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    System.out.print(report);

    assertThat(ungranted).as("operator requests deploy/rbac.yaml does not grant").isEmpty();
    if (wholeSuite()) {
      assertThat(unused).as("grants of deploy/rbac.yaml the operator never used in the whole e2e suite").isEmpty();
    }
  }

  /** Grants of the ClusterRoles and Roles in {@code rbacYaml}, one per verb and resource. */
  private List<Grant> grants(Path rbacYaml) {
    List<Grant> grants = new ArrayList<>();
    try (InputStream in = Files.newInputStream(rbacYaml)) {
      for (HasMetadata doc : cluster.admin().load(in).items()) {
        List<PolicyRule> rules = doc instanceof ClusterRole c ? c.getRules() : doc instanceof Role r ? r.getRules() : List.of();
        String scope = doc instanceof Role ? doc.getMetadata().getNamespace() : "";
        for (PolicyRule rule : rules) {
          for (String group : rule.getApiGroups()) {
            for (String resource : rule.getResources()) {
              for (String verb : rule.getVerbs()) {
                grants.add(new Grant(scope, group, resource, verb, Set.copyOf(rule.getResourceNames())));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return grants;
  }

  /** Whether failsafe runs every suite (no -Dit.test subset). */
  private static boolean wholeSuite() {
    String subset = System.getProperty("nexus.e2e.subset", "");
    return subset.isBlank() || subset.startsWith("${");
  }
}
