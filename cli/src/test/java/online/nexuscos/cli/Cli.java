package online.nexuscos.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs nexusctl in-process and captures its exit code and output, for the CLI tests. */
final class Cli {

  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Nexusctl.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
