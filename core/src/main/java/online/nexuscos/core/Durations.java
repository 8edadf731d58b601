package online.nexuscos.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations the way kubectl writes them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}. */
public final class Durations {

  private static final Pattern FORMAT = Pattern.compile("^(\\d+)(ms|s|m|h)$");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "invalid duration '" + text + "': use a number with ms, s, m or h, e.g. 30s or 10m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
