package online.nexuscos.cli;

/**
 * Keeps library logging off a person's terminal unless they ask for it with --verbose. nexusctl
 * logs through slf4j-simple, configured here before the first logger exists (no configuration
 * file is parsed at start-up).
 */
final class Logging {

  private Logging() {}

  static void quiet(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.fabric8", verbose ? "info" : "error");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }
}
