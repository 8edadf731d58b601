package online.nexuscos.cli;

/** A failure to report as one or two lines (what went wrong, what to do), with an exit code. */
final class CliException extends RuntimeException {

  private final int exitCode;

  CliException(String message) {
    this(message, Nexusctl.EXIT_INVALID);
  }

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** With the underlying cause, shown only with --verbose. */
  CliException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
