package online.nexuscos.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the RFC 3339 timestamps the operator keeps in status. Status can hold anything (an older
 * operator, a hand-made {@code kubectl patch --subresource=status}): an unreadable value reads
 * as {@code fallback}, chosen by each caller as the safe side (a deadline or grace period that
 * starts again now), and never throws.
 */
public final class Timestamps {

  private static final Logger LOG = LoggerFactory.getLogger(Timestamps.class);

  private Timestamps() {}

  /** {@code text} as an instant, or {@code fallback} when it is absent or unreadable (logged with {@code field}). */
  public static Instant parse(String field, String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      LOG.warn("status field {} holds \"{}\", which is not an RFC 3339 time; reading it as {}", field, text, fallback);
      return fallback;
    }
  }
}
