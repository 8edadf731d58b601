package online.nexuscos.operator;

import online.nexuscos.core.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The operator's flags become its settings; bad values fail with the fix. */
class MainTest {

  private static OperatorSettings parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.settings();
  }

  @Test
  void flagsBecomeSettings() {
    OperatorSettings s = parse("--watch-namespaces", "nexus-auth, nexus-ai", "--leader-election",
        "--lease-namespace", "nexus-system", "--identity", "pod-1", "--resync-period", "30s");
    assertThat(s.watchNamespaces()).isEqualTo(Set.of("nexus-auth", "nexus-ai"));
    assertThat(s.leaderElection()).isTrue();
    assertThat(s.leaseNamespace()).isEqualTo("nexus-system");
    assertThat(s.identity()).isEqualTo("pod-1");
    assertThat(s.resyncPeriod()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.exitOnLostLease()).as("production replicas exit when they lose the Lease").isTrue();
  }

  @Test
  void defaultsWatchEverythingWithoutLeaderElection() {
    OperatorSettings s = parse();
    assertThat(s.watchNamespaces()).isEmpty();
    assertThat(s.leaderElection()).isFalse();
    assertThat(s.leaseName()).isEqualTo(OperatorSettings.DEFAULT_LEASE_NAME);
    assertThat(s.resyncPeriod()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void badValuesSayWhatToDo() {
    assertThatThrownBy(() -> parse("--resync-period", "ten"))
        .hasMessageContaining("use a number with ms, s, m or h");
    assertThatThrownBy(() -> parse("--leader-election", "--lease-namespace", ""))
        .hasMessageContaining("--lease-namespace");
    Main main = new Main();
    new CommandLine(main).parseArgs("--log-level", "INFO,online.nexuscos=LOUD");
    assertThatThrownBy(main::logLevels).hasMessageContaining("--log-level: 'LOUD'")
        .hasMessageContaining("use TRACE, DEBUG, INFO, WARN, ERROR or OFF");
    java.io.StringWriter err = new java.io.StringWriter();
    int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err, true))
        .execute("--resync-period", "ten", "--kubeconfig", "/nonexistent");
    assertThat(code).as("a usage error, before any connection").isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).startsWith("nexus-operator: invalid duration 'ten'").doesNotContain("Exception");
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
  }
}
