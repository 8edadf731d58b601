package online.nexuscos.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --log-level: a level for all, LOGGER=LEVEL for one logger; wrong entries named with the fix. */
class LogLevelsTest {

  @Test
  void oneLevelForAllThenSingleLoggers() {
    LogLevels levels = LogLevels.parse("warn, online.nexuscos.operator.reconciler=DEBUG ,io.fabric8=error");
    assertThat(levels.root()).isEqualTo(Level.WARN);
    assertThat(levels.loggers()).isEqualTo(Map.of("online.nexuscos.operator.reconciler", Level.DEBUG,
        "io.fabric8", Level.ERROR));
    assertThat(LogLevels.parse("online.nexuscos=TRACE").root()).as("no level for all: INFO").isEqualTo(Level.INFO);
  }

  @Test
  void appliesToTheLoggersAndTheirChildren() {
    LoggerContext context = new LoggerContext();
    LogLevels.parse("ERROR,online.nexuscos.operator.reconciler=DEBUG").apply(context);
    assertThat(context.getLogger("online.nexuscos.operator.reconciler.Convergence").isDebugEnabled()).isTrue();
    assertThat(context.getLogger("online.nexuscos.operator.Main").isWarnEnabled()).isFalse();
  }

  @Test
  void wrongEntriesSayWhatToWrite() {
    assertThatThrownBy(() -> LogLevels.parse("VERBOSE"))
        .hasMessageContaining("--log-level: 'VERBOSE' in 'VERBOSE' is not a level");
    assertThatThrownBy(() -> LogLevels.parse("INFO,=DEBUG")).hasMessageContaining("names no logger");
    assertThatThrownBy(() -> LogLevels.parse("INFO,online.nexuscos=")).hasMessageContaining("'' in");
  }
}
