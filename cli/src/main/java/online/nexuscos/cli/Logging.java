package online.nexuscos.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps library logging off a person's terminal unless they ask for it with --verbose. */
final class Logging {

  /** Held so the JUL configuration is not garbage-collected. */
  private static final java.util.logging.Logger MOCK_SERVER = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private Logging() {}

  static void quiet(boolean verbose) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(verbose ? Level.INFO : Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.fabric8")).setLevel(verbose ? Level.INFO : Level.ERROR);
    MOCK_SERVER.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
  }
}
