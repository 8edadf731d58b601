package online.nexuscos.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of {@code --log-level} (or NEXUS_LOG_LEVEL): a level for every logger, then
 * {@code LOGGER=LEVEL} entries for single loggers and their children, comma-separated, e.g.
 * {@code INFO,online.nexuscos.operator.reconciler=DEBUG}.
 */
public record LogLevels(Level root, Map<String, Level> loggers) {

  /** Reads the option's value; a wrong entry is an error that names it and the levels there are. */
  public static LogLevels parse(String value) {
    Level root = Level.INFO;
    Map<String, Level> loggers = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq < 0) {
        root = level(e, value);
      } else if (eq == 0) {
        throw new IllegalArgumentException("--log-level: '" + e + "' names no logger; write LOGGER=LEVEL, e.g. "
            + "online.nexuscos.operator.reconciler=DEBUG");
      } else {
        loggers.put(e.substring(0, eq).trim(), level(e.substring(eq + 1), value));
      }
    }
    return new LogLevels(root, Map.copyOf(loggers));
  }

  private static Level level(String name, String value) {
    Level level = Level.toLevel(name.trim(), null); // logback's own names, in any case
    if (level == null) {
      throw new IllegalArgumentException("--log-level: '" + name.trim() + "' in '" + value
          + "' is not a level; use TRACE, DEBUG, INFO, WARN, ERROR or OFF, and LOGGER=LEVEL for one logger");
    }
    return level;
  }

  /** Sets these levels in {@code context}. */
  public void apply(LoggerContext context) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(root);
    loggers.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }
}
