package online.nexuscos.cli;

import static online.nexuscos.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, completion and the unified diff, which need no cluster. */
class OfflineCommandsTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void validateAcceptsTheExamplesAndListsEveryProblemWithItsField(@TempDir Path dir) throws IOException {
    Cli.Result ok = run("validate", "-f", EXAMPLES.resolve("nexus-cos.yaml").toString(), "-f", EXAMPLES.resolve("minimal.yaml").toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("nexus-cos): valid").contains("minimal): valid");

    String bad = Files.readString(EXAMPLES.resolve("minimal.yaml"))
        .replace("port: 3000", "port: 70000\n      prot: 1")
        .replace("version: \"1.0.0\"", "version: \"1.0.0\"\n  deletionPolicy: Destroy");
    Path file = Files.writeString(dir.resolve("bad.yaml"), bad);
    Cli.Result r = run("validate", "-f", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("3 problem(s)")
        .contains("spec.services[0].port: 70000 is above 65535")
        .contains("spec.services[0].prot: is not a known field")
        .contains("spec.deletionPolicy: \"Destroy\" is not allowed (use one of [Delete, Retain])");

    String semantic = Files.readString(EXAMPLES.resolve("minimal.yaml")).replace("replicas: 1", "replicas: 1\n      dependsOn: [ghost]");
    Cli.Result s = run("validate", "-f", Files.writeString(dir.resolve("s.yaml"), semantic).toString());
    assertThat(s.code()).isEqualTo(1);
    assertThat(s.err()).contains("spec.services[0].dependsOn[0]: service ghost does not exist");
  }

  @Test
  void emptyInputAndWrongKindsAreErrorsInValidateAsInRender(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Path comments = Files.writeString(dir.resolve("comments.yaml"), "# nothing here\n---\n");
    Path configMap = Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    for (String command : new String[] {"validate", "render"}) {
      for (Path file : new Path[] {empty, comments}) {
        Cli.Result r = Cli.run(command, "-f", file.toString());
        assertThat(r.code()).as(command + " " + file).isEqualTo(Nexusctl.EXIT_INVALID);
        assertThat(r.err()).contains(file + ": contains no NexusPlatform");
      }
      Cli.Result wrongKind = Cli.run(command, "-f", configMap.toString());
      assertThat(wrongKind.code()).isEqualTo(Nexusctl.EXIT_INVALID);
      assertThat(wrongKind.err()).contains("is v1/ConfigMap, not platform.nexuscos.online/v1alpha1/NexusPlatform")
          .doesNotContain("spec: is missing");
    }
  }

  @Test
  void validateAndRenderListTheSameProblemsAtOnceWithFileAndLine(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: bad}
        spec:
          version: "1.0.0"
          imageRegistry: ghcr.io/nexus-cos
          namespaces: [{name: a-ns}]
          services:
            - name: api
              namespace: a-ns
              port: 3000
              dependsOn: [ghost]
            - name: 9web
              namespace: nowhere
              port: 3001
        """);
    Cli.Result validate = Cli.run("validate", "-f", bad.toString());
    Cli.Result render = Cli.run("render", "-f", bad.toString());
    assertThat(validate.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(render.code()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(validate.err()).isEqualTo(render.err()).contains("3 problem(s)")
        .contains(bad + ":13 spec.services[1].name: \"9web\" is not valid")
        .contains(bad + ":14 spec.services[1].namespace: namespace nowhere is not declared")
        .contains(bad + ":12 spec.services[0].dependsOn[0]: service ghost does not exist")
        .doesNotContain("Exception");
    assertThat(render.out()).as("nothing rendered from an invalid file").isEmpty();

    // diff reads the same way, before it asks any cluster (this kubeconfig's server does not exist).
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);
    Cli.Result diff = Cli.run("diff", "-f", bad.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(diff.code()).as("diff's error exit, as kubectl diff").isEqualTo(Nexusctl.EXIT_USAGE);
    assertThat(diff.err()).startsWith(validate.err()).contains("nothing compared: fix the problems above")
        .doesNotContain("Exception");
    for (Path file : new Path[] {Files.writeString(dir.resolve("empty.yaml"), "")}) {
      Cli.Result empty = Cli.run("diff", "-f", file.toString(), "--kubeconfig", kubeconfig.toString());
      assertThat(empty.code()).isEqualTo(Nexusctl.EXIT_USAGE);
      assertThat(empty.err()).contains(file + ": contains no NexusPlatform");
    }
  }

  @Test
  void jsonpathTemplatesReadAsKubectlReadsThem() {
    var list = java.util.Map.of("kind", "List", "items", java.util.List.of(
        java.util.Map.of("metadata", java.util.Map.of("name", "a"), "status", java.util.Map.of("phase", "Ready")),
        java.util.Map.of("metadata", java.util.Map.of("name", "b"), "status", java.util.Map.of("phase", "Degraded"))));
    assertThat(JsonPathTemplate.render("{.items[*].metadata.name}", list)).isEqualTo("a b");
    assertThat(JsonPathTemplate.render("{.kind}: {.items[0].status.phase}{\"\\n\"}", list)).isEqualTo("List: Ready\n");
    assertThat(JsonPathTemplate.render("{range .items[*]}{.metadata.name}={.status.phase}{\"\\n\"}{end}", list))
        .isEqualTo("a=Ready\nb=Degraded\n");
    assertThat(JsonPathTemplate.render("{.items[?(@.status.phase=='Degraded')].metadata.name}", list)).isEqualTo("b");
    assertThat(JsonPathTemplate.render("{.nothing}", list)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonPathTemplate.render("{range .items[*]}{.x}", list))
        .hasMessageContaining("{range} without {end}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonPathTemplate.render("{.items[*", list))
        .hasMessageContaining("unclosed {");
    assertThat(Cli.run("get", "-o", "xml").err()).contains("-o xml: not a format").contains("jsonpath=TEMPLATE");
  }

  @Test
  void historyDescribesChangesInTheWordsPeoplePickARevisionBy() {
    var v1 = new HistoryCommand.Workload("a", "ghcr.io/nexus-cos/api:1.0.0", 2);
    assertThat(HistoryCommand.change(v1, new HistoryCommand.Workload("b", "ghcr.io/nexus-cos/api:1.1.0", 2)))
        .isEqualTo("tag 1.0.0 -> 1.1.0");
    assertThat(HistoryCommand.change(v1, new HistoryCommand.Workload("b", "localhost:5000/api:1.0.0", null)))
        .isEqualTo("image ghcr.io/nexus-cos/api:1.0.0 -> localhost:5000/api:1.0.0, replicas 2 -> auto");
    assertThat(HistoryCommand.change(v1, new HistoryCommand.Workload("b", "ghcr.io/nexus-cos/api:1.0.0", 2)))
        .startsWith("settings");
    assertThat(HistoryCommand.change(null, v1)).isEqualTo("added");
    assertThat(HistoryCommand.summary(java.util.List.of("api: tag 1 -> 2", "web: tag 1 -> 2", "db: replicas 1 -> 3")))
        .isEqualTo("api, web: tag 1 -> 2; db: replicas 1 -> 3");
  }

  @Test
  void watchRedrawsOnlyWhenThePlatformOrItsEventsChange() {
    var p = new online.nexuscos.platform.api.v1alpha1.NexusPlatform();
    p.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("x").withResourceVersion("7").build());
    var event = new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata().withName("e").withResourceVersion("3")
        .endMetadata().withCount(1).build();
    String key = StatusCommand.changeKey(p, java.util.List.of(event));
    assertThat(StatusCommand.changeKey(p, java.util.List.of(event))).isEqualTo(key);
    event.setCount(2);
    event.getMetadata().setResourceVersion("4");
    assertThat(StatusCommand.changeKey(p, java.util.List.of(event))).isNotEqualTo(key);
    p.getMetadata().setResourceVersion("8");
    assertThat(StatusCommand.changeKey(p, java.util.List.of())).isNotEqualTo(key);
  }

  @Test
  void completionScriptsForBashZshAndFishAskNexusctlForCandidates() {
    Cli.Result bash = run("completion", "bash");
    assertThat(bash.code()).isZero();
    assertThat(bash.out()).contains("complete -o default -F _nexusctl nexusctl").contains("nexusctl __complete");
    assertThat(run("completion", "zsh").out()).startsWith("autoload -U +X compinit").contains("nexusctl __complete");
    assertThat(run("completion", "fish").out()).contains("complete -c nexusctl").contains("nexusctl __complete");
    assertThat(run("completion", "tcsh").code()).isEqualTo(Nexusctl.EXIT_USAGE);
  }

  /** Names as a cluster would give them, recording what was asked. */
  private static final class FakeNames extends CompleteCommand.ClusterNames {
    final java.util.List<String> asked = new java.util.ArrayList<>();

    @Override
    java.util.List<String> names(String what, Path kubeconfig, String context, String platform) {
      asked.add(what + "@" + kubeconfig + "/" + context + "/" + platform);
      return switch (what) {
        case "platform" -> java.util.List.of("nexus-cos", "staging");
        case "site" -> java.util.List.of("primary", "secondary");
        case "revision" -> java.util.List.of("1", "2", "3");
        case "service" -> java.util.List.of("api", "auth");
        default -> java.util.List.of();
      };
    }
  }

  @Test
  void completionCandidatesComeFromTheCommandTreeAndTheCluster() {
    var root = Nexusctl.commandLine();
    FakeNames names = new FakeNames();
    assertThat(CompleteCommand.candidates(root, java.util.List.of("fail"), names)).containsExactly("failback", "failover");
    assertThat(CompleteCommand.candidates(root, java.util.List.of(""), names)).contains("get", "rollback")
        .doesNotContain("__complete", "cds-training");
    assertThat(CompleteCommand.candidates(root, java.util.List.of("rollback", "--to"), names)).contains("--to-revision");
    assertThat(CompleteCommand.candidates(root, java.util.List.of("status", ""), names)).containsExactly("nexus-cos", "staging");
    assertThat(CompleteCommand.candidates(root,
        java.util.List.of("--kubeconfig", "/k", "failover", "nexus-cos", "--to", "s"), names)).containsExactly("secondary");
    assertThat(names.asked).contains("site@/k/null/nexus-cos");
    assertThat(CompleteCommand.candidates(root, java.util.List.of("rollback", "--to-revision", ""), names))
        .containsExactly("1", "2", "3");
    assertThat(CompleteCommand.candidates(root, java.util.List.of("restart", "--service", "a"), names))
        .containsExactly("api", "auth");
    assertThat(CompleteCommand.candidates(root, java.util.List.of("get", "-o", ""), names))
        .contains("json", "name", "wide", "yaml");
    assertThat(CompleteCommand.candidates(root, java.util.List.of("render", "-f", ""), names))
        .containsExactly(CompleteCommand.FILES);
  }

  @Test
  void unifiedDiffShowsHunksWithContext() {
    String a = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String b = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";
    assertThat(UnifiedDiff.diff("x", a, "y", b)).isEqualTo("""
        --- x
        +++ y
        @@ -1,8 +1,9 @@
         a
         b
         c
        -d
        +D
         e
         f
         g
         h
        +i
        """);
    assertThat(UnifiedDiff.diff("x", a, "y", a)).isEqualTo("--- x\n+++ y\n");
  }
}
