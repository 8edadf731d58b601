package online.nexuscos.cli;

import static online.nexuscos.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.sandbox.Sandbox;
import online.nexuscos.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nexusctl's online commands against the sandbox: output, exit codes, --wait outcomes. */
class OnlineCommandsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Sandbox sandbox;
  private static String kubeconfig;
  @TempDir static Path dir;

  /** A one-service platform named {@code name} in namespace {@code <name>-ns}, on sites in zone-a and zone-b. */
  static NexusPlatform platform(String name) throws PlatformDocuments.InvalidDocumentException {
    return PlatformDocuments.parse(name, """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: %1$s}
        spec:
          version: "1.0.0"
          imageRegistry: ghcr.io/nexus-cos
          namespaces: [{name: %1$s-ns}]
          services:
            - {name: api, namespace: %1$s-ns, port: 3000, replicas: 1, critical: true}
            - {name: worker, namespace: %1$s-ns, port: 3001, replicas: 1, dependsOn: [api]}
          failover:
            activeSite: primary
            sites:
              - {name: primary, placement: {nodeSelector: {topology.kubernetes.io/zone: zone-a}}}
              - {name: secondary, placement: {nodeSelector: {topology.kubernetes.io/zone: zone-b}}}
        """.formatted(name)).get(0);
  }

  @BeforeAll
  static void start() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.defaults().withReadyDelay(Duration.ofMillis(50)).withResyncPeriod(Duration.ofSeconds(2)));
    kubeconfig = sandbox.apiServer().writeKubeconfig(dir.resolve("kubeconfig")).toString();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static NexusPlatform ready(String name) throws PlatformDocuments.InvalidDocumentException {
    sandbox.apply(platform(name));
    return await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.client().resources(NexusPlatform.class)
        .withName(name).get(), p -> p != null && p.getStatus() != null && p.getStatus().getPhase() == Phase.Ready
        && p.getStatus().getStableRevision() != null);
  }

  private static NexusPlatform live(String name) {
    return sandbox.client().resources(NexusPlatform.class).withName(name).get();
  }

  @Test
  void getAndStatusShowThePlatformAndStatusExitsZeroOnlyWhenReady() throws Exception {
    ready("shown");
    Cli.Result get = run("get", "--kubeconfig", kubeconfig);
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(get.out()).contains("NAME").contains("SITE").containsPattern("shown\\s+Ready\\s+2/2\\s+1\\s+primary");

    Cli.Result status = run("status", "shown", "--kubeconfig", kubeconfig);
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("Phase:       Ready").contains("Conditions:").contains("FailedOver")
        .contains("Namespaces:").containsPattern("shown-ns\\s+2/2").contains("Services:").contains("Events:");

    JsonNode json = JSON.readTree(run("status", "shown", "-o", "json", "--kubeconfig", kubeconfig).out());
    assertThat(json.get("ready").asBoolean()).isTrue();
    assertThat(json.at("/status/servicesReady").asText()).isEqualTo("2/2");
    assertThat(json.get("events").isArray()).isTrue();
    assertThat(run("status", "shown", "-o", "yaml", "--kubeconfig", kubeconfig).out()).contains("servicesReady: \"2/2\"");

    assertThat(run("pause", "shown", "--kubeconfig", kubeconfig).out()).contains("paused");
    await().atMost(Duration.ofSeconds(20)).until(() -> live("shown").getStatus().getPhase() == Phase.Paused);
    assertThat(run("status", "shown", "--kubeconfig", kubeconfig).code()).as("not Ready: exit 1").isEqualTo(1);
    assertThat(run("resume", "shown", "--kubeconfig", kubeconfig).code()).isZero();
    assertThat(live("shown").getSpec().getPaused()).isFalse();
  }

  @Test
  void kubectlConventionsGlobalOptionsAnywhereListsAndNames() throws Exception {
    ready("conv");
    // Global options before the subcommand, as kubectl takes them, and after it.
    Cli.Result before = run("--kubeconfig", kubeconfig, "--request-timeout", "10s", "get");
    assertThat(before.code()).as(before.err()).isZero();
    assertThat(before.out()).containsPattern("conv\\s+Ready");
    assertThat(run("--kubeconfig", kubeconfig, "get", "-o", "name").out())
        .isEqualTo(run("get", "-o", "name", "--kubeconfig", kubeconfig).out()).contains("nexusplatform/conv");
    assertThat(run("--kubeconfig", kubeconfig, "--context", "nexus-sandbox", "status", "conv").code()).isZero();

    // -o json|yaml of a list is a kubectl List; -o name and -o wide.
    JsonNode list = JSON.readTree(run("get", "-o", "json", "--kubeconfig", kubeconfig).out());
    assertThat(list.get("kind").asText()).isEqualTo("List");
    assertThat(list.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.get("items").findValuesAsText("name")).contains("conv");
    assertThat(run("get", "-o", "yaml", "--kubeconfig", kubeconfig).out()).contains("kind: \"List\"").contains("items:");
    assertThat(run("get", "-o", "name", "--kubeconfig", kubeconfig).out()).contains("nexusplatform/conv\n");
    assertThat(run("get", "-o", "jsonpath={range .items[*]}{.metadata.name}:{.status.phase}{\"\\n\"}{end}",
        "--kubeconfig", kubeconfig).out()).contains("conv:Ready\n");
    assertThat(run("get", "-o", "wide", "--kubeconfig", kubeconfig).out()).contains("NAMESPACES")
        .containsPattern("conv\\s+Ready.*false\\s+1\\s+conv-ns");

    // -n selects the platform that runs a namespace; an unknown one is an error.
    Cli.Result byNamespace = run("-n", "conv-ns", "get", "-o", "name", "--kubeconfig", kubeconfig);
    assertThat(byNamespace.out()).isEqualTo("nexusplatform/conv\n");
    assertThat(run("status", "-n", "conv-ns", "--kubeconfig", kubeconfig).out()).contains("conv");
    Cli.Result noSuchNamespace = run("get", "-n", "nowhere", "--kubeconfig", kubeconfig);
    assertThat(noSuchNamespace.code()).isEqualTo(1);
    assertThat(noSuchNamespace.err()).contains("namespace nowhere is not run by any platform");

    assertThat(run("restart", "-n", "conv-ns", "--kubeconfig", kubeconfig).out())
        .as("without --wait: how to follow it").contains("follow it with: nexusctl status conv --watch");
  }

  @Test
  void unknownContextsAndBadKubeconfigsAreErrorsNamingThem() throws IOException {
    Cli.Result typo = run("--context", "typo", "--kubeconfig", kubeconfig, "pause", "conv");
    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err()).isEqualTo("error: context \"typo\" was not found: it is not in " + kubeconfig
        + " (contexts: nexus-sandbox)\n");

    Cli.Result missing = run("get", "--kubeconfig", dir.resolve("no-such-file").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("kubeconfig " + dir.resolve("no-such-file") + ": no such file");

    Path broken = Files.writeString(dir.resolve("broken-kc"), "apiVersion: v1\nclusters: [\n  - name: a\n");
    Cli.Result bad = run("get", "--kubeconfig", broken.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).startsWith("error: kubeconfig " + broken + ":").contains("not valid YAML")
        .doesNotContain("Exception").doesNotContain("snakeyaml").hasLineCount(1);
    assertThat(run("get", "--kubeconfig", kubeconfig, "--request-timeout", "soon").code()).isEqualTo(Nexusctl.EXIT_USAGE);
  }

  @Test
  void historyRestartAndRollbackWithWait() throws Exception {
    ready("hist");
    sandbox.apply(withVersion(platform("hist"), "2.0.0"));
    await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(live("hist").getStatus().getStableRevision()));

    Cli.Result history = run("history", "hist", "--kubeconfig", kubeconfig);
    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out()).containsPattern("2\\s+\\S+ ago\\s+api, worker: tag 1.0.0 -> 2.0.0\\s+current, stable")
        .containsPattern("1\\s+\\S+ ago\\s+api, worker: created\\s+superseded");
    JsonNode rows = JSON.readTree(run("history", "hist", "-o", "json", "--kubeconfig", kubeconfig).out());
    assertThat(rows.get("kind").asText()).isEqualTo("List");
    assertThat(rows.at("/items/0/revision").asInt()).isEqualTo(2);
    assertThat(rows.at("/items/0/changes/0").asText()).isEqualTo("api: tag 1.0.0 -> 2.0.0");
    assertThat(run("history", "hist", "-o", "yaml", "--kubeconfig", kubeconfig).out())
        .contains("kind: \"List\"").contains("revision: 1").contains("api: created");
    Cli.Result first = run("history", "hist", "--revision", "1", "--kubeconfig", kubeconfig);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("version: \"1.0.0\"").contains("name: \"worker\"");
    assertThat(run("history", "hist", "--revision", "7", "--kubeconfig", kubeconfig).err())
        .contains("revision 7 is not recorded for platform hist");

    // Refused here, before any write, when nexusctl can already see the operator would refuse.
    String before = live("hist").getMetadata().getResourceVersion();
    Cli.Result unknownRevision = run("rollback", "hist", "--to-revision", "99", "--wait", "--kubeconfig", kubeconfig);
    assertThat(unknownRevision.code()).isEqualTo(1);
    assertThat(unknownRevision.err()).contains("revision 99 is not recorded for platform hist (recorded: 1, 2)");
    Cli.Result unknownService = run("rollback", "hist", "--service", "nope", "--wait", "--kubeconfig", kubeconfig);
    assertThat(unknownService.code()).isEqualTo(1);
    assertThat(unknownService.err()).contains("service nope is not in platform hist");
    assertThat(unknownService.out()).doesNotContain("requested").doesNotContain("Ready at revision");
    assertThat(live("hist").getMetadata().getResourceVersion()).as("nothing written").isEqualTo(before);

    Cli.Result restart = run("restart", "hist", "--service", "worker", "--wait", "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(restart.code()).as(restart.err()).isZero();
    assertThat(restart.out()).contains("restart of worker requested").contains("platform/hist: Ready at revision 3");
    assertThat(live("hist").getSpec().getServices().get(1).getRestartedAt()).isNotNull();
    assertThat(live("hist").getSpec().getServices().get(0).getRestartedAt()).isNull();
    assertThat(run("restart", "hist", "--service", "ghost", "--kubeconfig", kubeconfig).err())
        .contains("service ghost is not in platform hist");

    Cli.Result rollback = run("rollback", "hist", "--to-revision", "1", "--wait", "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(rollback.code()).as(rollback.err()).isZero();
    assertThat(rollback.out()).contains("rollback to revision 1 requested").contains("Ready at revision");
    assertThat(live("hist").getSpec().getVersion()).isEqualTo("1.0.0");
    // The restored state is the newest revision again, and says which one it restores.
    Cli.Result after = run("history", "hist", "--kubeconfig", kubeconfig);
    assertThat(after.out()).containsPattern("\\d+\\s+\\S+ ago\\s+api, worker: tag 2.0.0 -> 1.0.0.*current, stable, restores 1");
    Cli.Result byOldNumber = run("history", "hist", "--revision", "1", "--kubeconfig", kubeconfig);
    assertThat(byOldNumber.code()).as(byOldNumber.err()).isZero();
    assertThat(byOldNumber.out()).contains("version: \"1.0.0\"");
  }

  @Test
  void failoverAndFailbackWithWait() throws Exception {
    ready("site");
    Cli.Result failover = run("failover", "site", "--to", "secondary", "--reason", "zone-a maintenance", "--wait",
        "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(failover.code()).as(failover.err()).isZero();
    assertThat(failover.out()).contains("running on site secondary").contains("manual failover from primary");
    assertThat(live("site").getStatus().getFailover().getHistory().get(0).getReason()).startsWith("zone-a maintenance");

    assertThat(live("site").getSpec().getFailover().getActiveSite()).as("home stays primary").isEqualTo("primary");
    Cli.Result home = run("failback", "site", "--wait", "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(home.code()).as(home.err()).isZero();
    assertThat(home.out()).contains("running on site primary").contains("failback failover from secondary");
    assertThat(run("failback", "site", "--kubeconfig", kubeconfig).out()).contains("already running on site primary");
    Cli.Result sites = run("__complete", "--kubeconfig", kubeconfig, "failover", "site", "--to", "");
    assertThat(sites.out()).isEqualTo("primary\nsecondary\n");
    assertThat(run("__complete", "--kubeconfig", kubeconfig, "status", "si").out()).isEqualTo("site\n");
    assertThat(run("__complete", "--kubeconfig", dir.resolve("none").toString(), "status", "").out())
        .as("no cluster: no candidates, no error").isEmpty();
    Cli.Result already = run("failover", "site", "--to", "primary", "--kubeconfig", kubeconfig);
    assertThat(already.code()).isEqualTo(1);
    assertThat(already.err()).contains("platform site already runs on site primary");
    assertThat(run("failover", "site", "--to", "moon", "--kubeconfig", kubeconfig).err())
        .contains("site moon is not declared; choose one of [primary, secondary]");
  }

  @Test
  void operatorRefusalsEndWaitWithTheOperatorsReasonFromStatusLastRequest() throws Exception {
    ready("verdict");
    NexusPlatform withExtra = platform("verdict");
    var extra = new online.nexuscos.platform.api.v1alpha1.ServiceSpec();
    extra.setName("extra");
    extra.setNamespace("verdict-ns");
    extra.setPort(3002);
    withExtra.getSpec().getServices().add(extra);
    var nowhere = new online.nexuscos.platform.api.v1alpha1.SiteSpec();
    nowhere.setName("tertiary");
    var placement = new online.nexuscos.platform.api.v1alpha1.PlacementSpec();
    placement.setNodeSelector(java.util.Map.of("topology.kubernetes.io/zone", "zone-nowhere"));
    nowhere.setPlacement(placement);
    withExtra.getSpec().getFailover().getSites().add(nowhere);
    sandbox.apply(withExtra);
    await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(live("verdict").getStatus().getStableRevision()));

    // nexusctl cannot see that revision 1 lacks "extra" (it is in the spec): the operator refuses.
    Cli.Result rollback = run("rollback", "verdict", "--to-revision", "1", "--service", "extra", "--wait", "--timeout", "30s",
        "--kubeconfig", kubeconfig);
    assertThat(rollback.code()).as(rollback.out()).isEqualTo(1);
    assertThat(rollback.err()).contains("the operator refused (ServiceNotInRevision)")
        .contains("the service is not in that revision");
    assertThat(rollback.out()).doesNotContain("Ready at revision");
    var lastRequest = live("verdict").getStatus().getLastRequest();
    assertThat(lastRequest.getKind()).isEqualTo(online.nexuscos.platform.api.v1alpha1.RequestKind.Rollback);
    assertThat(lastRequest.getVerdict()).isEqualTo(online.nexuscos.platform.api.v1alpha1.RequestVerdict.Refused);
    assertThat(live("verdict").getMetadata().getAnnotations()).doesNotContainKeys(
        online.nexuscos.core.model.Labels.ROLLBACK_TO, online.nexuscos.core.model.Labels.REQUEST_ID);

    // A site with no Node: the operator's failover state machine refuses it.
    Cli.Result failover = run("failover", "verdict", "--to", "tertiary", "--wait", "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(failover.code()).as(failover.out()).isEqualTo(1);
    assertThat(failover.err()).contains("the operator refused (SiteCannotRun)").contains("tertiary");
    assertThat(live("verdict").getStatus().getFailover().getActiveSite()).isEqualTo("primary");

    // Without --wait: the request is recorded, and the operator's answer follows in status.lastRequest.
    Cli.Result recorded = run("rollback", "verdict", "--to-revision", "1", "--kubeconfig", kubeconfig);
    assertThat(recorded.code()).as(recorded.err()).isZero();
    var id = java.util.regex.Pattern.compile("request (\\w+) recorded").matcher(recorded.out());
    assertThat(id.find()).as(recorded.out()).isTrue();
    assertThat(recorded.out()).contains("nexusctl status verdict --watch");
    var answer = await().atMost(Duration.ofSeconds(30)).until(() -> live("verdict").getStatus().getLastRequest(),
        r -> r != null && id.group(1).equals(r.getId()));
    assertThat(answer.getVerdict()).isEqualTo(online.nexuscos.platform.api.v1alpha1.RequestVerdict.Accepted);
    assertThat(answer.getReason()).isEqualTo(online.nexuscos.platform.api.v1alpha1.RequestReason.RevisionRestored);

    Cli.Result pause = run("pause", "verdict", "--wait", "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(pause.code()).as(pause.err()).isZero();
    assertThat(pause.out()).contains("platform/verdict: paused (phase Paused)");
    Cli.Result resume = run("resume", "verdict", "--wait", "--timeout", "30s", "--kubeconfig", kubeconfig);
    assertThat(resume.code()).as(resume.err()).isZero();
    assertThat(resume.out()).contains("platform/verdict: resumed");
  }

  @Test
  void aSecondRequestWaitsUntilTheOperatorHasAnsweredTheFirst() throws Exception {
    // An invalid platform: the operator reports it Invalid and acts on no request, so this one stays pending.
    NexusPlatform invalid = platform("pending");
    invalid.getSpec().getServices().get(0).setNamespace("undeclared-ns");
    invalid.getMetadata().setAnnotations(java.util.Map.of(online.nexuscos.core.model.Labels.ROLLBACK_TO, "1",
        online.nexuscos.core.model.Labels.REQUEST_ID, "first"));
    sandbox.apply(invalid);
    await().atMost(Duration.ofSeconds(30)).until(() -> live("pending").getStatus() != null
        && live("pending").getStatus().getPhase() == Phase.Invalid);

    Cli.Result second = run("failover", "pending", "--to", "secondary", "--kubeconfig", kubeconfig);
    assertThat(second.code()).as(second.out()).isEqualTo(1);
    assertThat(second.err()).contains("platform pending has a request the operator has not answered yet "
        + "(platform.nexuscos.online/rollback-to=1, request first)")
        .contains("kubectl annotate nexusplatform pending platform.nexuscos.online/rollback-to-");
    assertThat(live("pending").getMetadata().getAnnotations()).as("the first request is left as it was")
        .containsEntry(online.nexuscos.core.model.Labels.REQUEST_ID, "first")
        .doesNotContainKey(online.nexuscos.core.model.Labels.FAILOVER_TO);
  }

  @Test
  void diffShowsWhatWouldChangeAndExitsOneOnlyWhenSomethingDoes() throws Exception {
    NexusPlatform p = ready("diffy");
    Path same = Files.writeString(dir.resolve("same.yaml"), yaml(platform("diffy")));
    Cli.Result none = run("diff", "-f", same.toString(), "--kubeconfig", kubeconfig);
    assertThat(none.code()).as(none.out() + none.err()).isZero();
    assertThat(none.err()).contains("No changes.");

    Path changed = Files.writeString(dir.resolve("changed.yaml"), yaml(withVersion(platform("diffy"), "3.0.0")));
    Cli.Result some = run("diff", "-f", changed.toString(), "--kubeconfig", kubeconfig);
    assertThat(some.code()).isEqualTo(1);
    assertThat(some.out()).contains("--- Deployment diffy-ns/api (live)").contains("+++ Deployment diffy-ns/api (updated)")
        .contains("-        image: \"ghcr.io/nexus-cos/api:1.0.0\"").contains("+        image: \"ghcr.io/nexus-cos/api:3.0.0\"");
    assertThat(live("diffy").getSpec().getVersion()).as("diff changes nothing").isEqualTo(p.getSpec().getVersion());
  }

  @Test
  void versionMissingPlatformsBadFlagsAndAnUnreachableServer() throws IOException {
    Cli.Result version = run("version", "--kubeconfig", kubeconfig);
    assertThat(version.code()).isZero();
    assertThat(version.out()).contains("nexusctl").contains("CRD: [v1alpha1]");
    assertThat(run("version", "--client").out()).contains("API platform.nexuscos.online/v1alpha1");

    Cli.Result missing = run("status", "nope", "--kubeconfig", kubeconfig);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("error: platform nope not found; list them with: nexusctl get\n");

    assertThat(run("status", "--bogus").code()).isEqualTo(Nexusctl.EXIT_USAGE);
    assertThat(run("failover").code()).as("--to is required").isEqualTo(Nexusctl.EXIT_USAGE);

    Path dead = Files.writeString(dir.resolve("dead"), Files.readString(Path.of(kubeconfig))
        .replaceAll("server: http://[^\\n]+", "server: http://127.0.0.1:9"));
    Cli.Result unreachable = run("get", "--kubeconfig", dead.toString(), "--request-timeout", "2s");
    assertThat(unreachable.code()).isEqualTo(1);
    assertThat(unreachable.err()).startsWith("error: cannot reach the API server at http://127.0.0.1:9")
        .contains("check --kubeconfig/--context").doesNotContain("Exception").hasLineCount(1);
  }

  private static NexusPlatform withVersion(NexusPlatform p, String version) {
    p.getSpec().setVersion(version);
    return p;
  }

  private static String yaml(NexusPlatform p) {
    return sandbox.client().getKubernetesSerialization().asYaml(p);
  }
}
