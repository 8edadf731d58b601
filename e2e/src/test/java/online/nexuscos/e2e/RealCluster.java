package online.nexuscos.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The real local control plane started by {@code e2e/cluster/up}, with the operator installed
 * on it the way the install docs say ({@code kubectl apply -k deploy/})
 * and run as a separate process with that ServiceAccount's token. One per test JVM.
 */
final class RealCluster {

  static final String OPERATOR_NAMESPACE = "nexus-system";
  static final String OPERATOR_USER = "system:serviceaccount:" + OPERATOR_NAMESPACE + ":nexus-operator";
  static final Duration TIMEOUT = Duration.ofMinutes(3);
  /** Short, so that the quiet-resync test sees resyncs within seconds. */
  static final String RESYNC = "8s";

  private static RealCluster instance;

  private final Path repo;
  private final Path dir;
  private final Path adminKubeconfig;
  private final KubernetesClient admin;
  private final AuditLog audit;
  private Path operatorKubeconfig;
  private OperatorProcess operator;

  private RealCluster() {
    repo = Path.of(System.getProperty("nexus.repo", "..")).toAbsolutePath().normalize();
    dir = Path.of(System.getProperty("nexus.e2e.dir", repo.resolve("e2e/cluster/run").toString()));
    adminKubeconfig = Path.of(System.getProperty("nexus.e2e.kubeconfig", dir.resolve("admin.kubeconfig").toString()));
    if (!Files.exists(adminKubeconfig)) {
      throw new IllegalStateException("no control plane: " + adminKubeconfig + " is missing; run e2e/cluster/up");
    }
    admin = new KubernetesClientBuilder().withConfig(config(adminKubeconfig)).build();
    audit = new AuditLog(dir.resolve("logs/audit.log"));
  }

  /** The cluster with CRD and RBAC installed and the suite's operator running. */
  static synchronized RealCluster get() {
    if (instance == null) {
      RealCluster cluster = new RealCluster();
      cluster.install();
      cluster.operator = OperatorProcess.start(cluster, "e2e-1", RESYNC);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> cluster.operator.close()));
      instance = cluster;
    }
    return instance;
  }

  Path repo() {
    return repo;
  }

  Path dir() {
    return dir;
  }

  KubernetesClient admin() {
    return admin;
  }

  AuditLog audit() {
    return audit;
  }

  OperatorProcess operator() {
    return operator;
  }

  /** Makes {@code next} the suite's operator (after a leader-election test stopped the first). */
  void replaceOperator(OperatorProcess next) {
    operator = next;
    Runtime.getRuntime().addShutdownHook(new Thread(next::close));
  }

  /** Requests the operator made after {@code mark}. */
  List<AuditLog.Request> operatorRequests(long mark) {
    return audit.by(OPERATOR_USER, mark);
  }

  /** The operator's writes after {@code mark}, without its leader-election Lease renewals. */
  List<AuditLog.Request> operatorWrites(long mark) {
    return operatorRequests(mark).stream().filter(AuditLog.Request::write)
        .filter(r -> !r.resource().equals("leases")).toList();
  }

  /** kubectl (the one built with the control plane) as the cluster admin. */
  Command.Result kubectl(String... args) {
    return kubectlIn(null, args);
  }

  Command.Result kubectlIn(String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of(repo.resolve("e2e/cluster/bin/kubectl").toString(),
        "--kubeconfig", adminKubeconfig.toString()));
    command.addAll(List.of(args));
    return Command.run(command, Map.of(), stdin);
  }

  /** nexusctl (the production jar) as the cluster admin. */
  Command.Result nexusctl(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", repo.resolve("cli/target/nexusctl.jar").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--kubeconfig", adminKubeconfig.toString()));
    return Command.run(command, Map.of(), null);
  }

  NexusPlatform platform(String name) {
    return admin.resources(NexusPlatform.class).withName(name).get();
  }

  /** The operator's kubeconfig: the admin one's server and CA, the ServiceAccount's token. */
  synchronized Path operatorKubeconfig() {
    if (operatorKubeconfig == null) {
      String token = admin.serviceAccounts().inNamespace(OPERATOR_NAMESPACE).withName("nexus-operator")
          .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(24 * 3600L).endSpec().build())
          .getStatus().getToken();
      try {
        String adminText = Files.readString(adminKubeconfig);
        Matcher server = Pattern.compile("server: (\\S+)").matcher(adminText);
        Matcher ca = Pattern.compile("certificate-authority-data: (\\S+)").matcher(adminText);
        if (!server.find() || !ca.find()) {
          throw new IllegalStateException("unexpected admin kubeconfig " + adminKubeconfig);
        }
        operatorKubeconfig = dir.resolve("operator.kubeconfig");
        Files.writeString(operatorKubeconfig, String.join("\n",
            "apiVersion: v1", "kind: Config",
            "clusters:", "- name: nexus-e2e", "  cluster:", "    server: " + server.group(1),
            "    certificate-authority-data: " + ca.group(1),
            "users:", "- name: nexus-operator", "  user:", "    token: " + token,
            "contexts:", "- name: nexus-operator", "  context: {cluster: nexus-e2e, user: nexus-operator}",
            "current-context: nexus-operator", ""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return operatorKubeconfig;
  }

  /**
   * Installs everything as docs/install.md says (kubectl apply -k deploy/: the CRD, namespace,
   * ServiceAccount, RBAC, the operator Deployment, whose pods kwok runs as fakes, and its
   * metrics Service); the operator the suites judge runs beside it as a local process.
   */
  private void install() {
    kubectl("apply", "-k", repo.resolve("deploy").toString()).ok();
    kubectl("wait", "--for=condition=Established", "--timeout=60s",
        "crd/nexusplatforms." + NexusPlatform.GROUP).ok();
    await().atMost(Duration.ofSeconds(60)).until(() ->
        admin.serviceAccounts().inNamespace(OPERATOR_NAMESPACE).withName("nexus-operator").get() != null);
  }

  private static Config config(Path kubeconfig) {
    try {
      Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
      config.setRequestRetryBackoffLimit(2);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
