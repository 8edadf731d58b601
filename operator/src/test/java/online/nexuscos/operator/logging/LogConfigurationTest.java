package online.nexuscos.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/**
 * The shipped logging set up in code. The tests' class path has a logback-test.xml, so the
 * configurator leaves this JVM to logback's own search; the shipped setup is checked on a fresh
 * context (the real tier runs the operator jar with it).
 */
class LogConfigurationTest {

  @Test
  void defersToLogbackTestXmlOrAConfigurationFile() {
    assertThat(new LogConfiguration().configure(new LoggerContext())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }

  @Test
  void shippedSetupWritesInfoToStderrAndQuietsInformers() {
    LoggerContext context = new LoggerContext();
    assertThat(LogConfiguration.configureShipped(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
        a -> assertThat(a.getTarget()).isEqualTo("System.err"));
    assertThat(context.getLogger("io.fabric8.kubernetes.client.informers").getLevel()).isEqualTo(Level.WARN);
  }
}
