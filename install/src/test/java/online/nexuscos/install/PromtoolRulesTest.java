package online.nexuscos.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import online.nexuscos.core.monitoring.MonitoringRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * promtool's unit tests (install/src/test/promtool/) on the rules exactly as they are shipped: the
 * platform rules rendered by {@link MonitoringRules} for platform "shop" (streaming namespace
 * nexus-content) and the .spec of deploy/monitoring/operator-rules.yaml, both written to
 * target/promtool/ next to the test files. Needs promtool on PATH (CI installs it: .ci/run).
 */
class PromtoolRulesTest {

  private static final Path REPO = Path.of(System.getProperty("nexus.repo", "..")).toAbsolutePath().normalize();
  private static final Path TESTS = REPO.resolve("install/src/test/promtool");
  private static final Path OUT = REPO.resolve("install/target/promtool");
  private static final String INSTALL_HINT = "promtool is not on PATH; install it (Debian/Ubuntu: "
      + "apt-get install --no-install-recommends prometheus, which ships /usr/bin/promtool; elsewhere the "
      + "prometheus release archive from https://prometheus.io/download/ has it) and run the test again";

  /** Rules file name in target/promtool/ -> its promtool test file (which names it in rule_files). */
  private static final Map<String, String> TEST_FILES = Map.of(
      "platform-rules.yaml", "platform-rules.test.yaml",
      "operator-rules.yaml", "operator-rules.test.yaml");

  private static String platformRules;
  private static String operatorRules;

  @BeforeAll
  static void writeRulesAndTests() throws IOException {
    Files.createDirectories(OUT);
    platformRules = MonitoringRules.forPlatform("shop", List.of("nexus-content"));
    JsonNode prometheusRule = Yaml.document(Files.readString(REPO.resolve("deploy/monitoring/operator-rules.yaml")));
    assertThat(prometheusRule.path("kind").asText()).isEqualTo("PrometheusRule");
    operatorRules = Yaml.write(prometheusRule.path("spec"));
    Files.writeString(OUT.resolve("platform-rules.yaml"), platformRules, StandardCharsets.UTF_8);
    Files.writeString(OUT.resolve("operator-rules.yaml"), operatorRules, StandardCharsets.UTF_8);
    for (String test : TEST_FILES.values()) {
      Files.copy(TESTS.resolve(test), OUT.resolve(test), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void everyPlaceholderIsReplaced() {
    assertThat(platformRules).doesNotContain(MonitoringRules.PLATFORM).doesNotContain(MonitoringRules.STREAMING_NAMESPACES)
        .contains("platform=\"shop\"").contains("namespace=~\"nexus-content\"");
  }

  @Test
  void rulesAreValid() {
    promtool("check", "rules", "platform-rules.yaml", "operator-rules.yaml");
  }

  @Test
  void platformRulesPassTheirTests() {
    promtool("test", "rules", TEST_FILES.get("platform-rules.yaml"));
  }

  @Test
  void operatorRulesPassTheirTests() {
    promtool("test", "rules", TEST_FILES.get("operator-rules.yaml"));
  }

  /** A new alert without a test fails here, and so does a test of an alert that does not exist. */
  @Test
  void everyAlertIsTestedFiringAndNotFiring() throws IOException {
    Map<String, String> rulesText = Map.of("platform-rules.yaml", platformRules, "operator-rules.yaml", operatorRules);
    List<String> problems = new ArrayList<>();
    for (var entry : new TreeMap<>(TEST_FILES).entrySet()) {
      Set<String> alerts = alertNames(Yaml.document(rulesText.get(entry.getKey())));
      assertThat(alerts).as("alerts of " + entry.getKey()).isNotEmpty();
      JsonNode tests = Yaml.document(Files.readString(TESTS.resolve(entry.getValue())));
      assertThat(textsOf(tests.path("rule_files"))).as("rule_files of " + entry.getValue()).containsExactly(entry.getKey());
      Set<String> firing = new TreeSet<>();
      Set<String> quiet = new TreeSet<>();
      Set<String> tested = new TreeSet<>();
      for (JsonNode test : tests.path("tests")) {
        for (JsonNode case_ : test.path("alert_rule_test")) {
          String name = case_.path("alertname").asText();
          tested.add(name);
          JsonNode expected = case_.path("exp_alerts");
          if (expected.isArray() && !expected.isEmpty()) {
            firing.add(name);
          } else {
            quiet.add(name); // exp_alerts: [] (or none): promtool expects no alert at eval_time
          }
        }
      }
      for (String alert : alerts) {
        if (!firing.contains(alert)) {
          problems.add(entry.getValue() + ": no test where " + alert + " fires (an alert_rule_test with exp_alerts)");
        }
        if (!quiet.contains(alert)) {
          problems.add(entry.getValue() + ": no test where " + alert + " does not fire (exp_alerts: [])");
        }
      }
      tested.stream().filter(name -> !alerts.contains(name))
          .forEach(name -> problems.add(entry.getValue() + ": tests " + name + ", which " + entry.getKey() + " does not define"));
    }
    assertThat(problems).as("promtool tests in " + REPO.relativize(TESTS)).isEmpty();
  }

  private static Set<String> alertNames(JsonNode rulesFile) {
    Set<String> names = new TreeSet<>();
    rulesFile.path("groups").forEach(group -> group.path("rules").forEach(rule -> {
      if (rule.hasNonNull("alert")) {
        names.add(rule.path("alert").asText());
      }
    }));
    return names;
  }

  private static List<String> textsOf(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** Runs promtool in target/promtool/; fails with its whole output unless it exits 0. */
  private static void promtool(String... args) {
    Path promtool = onPath("promtool").orElseGet(() -> fail(INSTALL_HINT));
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(OUT.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within 5 minutes; output:\n" + output);
      }
      assertThat(process.exitValue())
          .as("%s (in %s) exited %d; its output:%n%s", String.join(" ", command), OUT, process.exitValue(), output)
          .isZero();
    } catch (IOException e) {
      fail("cannot run " + String.join(" ", command) + ": " + e.getMessage() + "; " + INSTALL_HINT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted running " + String.join(" ", command), e);
    }
  }

  private static Optional<Path> onPath(String tool) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst();
  }
}
