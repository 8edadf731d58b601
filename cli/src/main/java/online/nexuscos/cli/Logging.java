package online.nexuscos.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps library logging off a person's terminal unless they ask for it with --verbose. */
final class Logging {

  private Logging() {}

  static void quiet(boolean verbose) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(verbose ? Level.INFO : Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.fabric8")).setLevel(verbose ? Level.INFO : Level.ERROR);
  }
}
