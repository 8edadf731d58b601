package online.nexuscos.core.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the conditions list: one entry per type, {@code lastTransitionTime} kept while a
 * condition's status stays the same and set from the injected clock when it flips.
 */
public final class Conditions {

  private final List<Condition> previous;
  private final long generation;
  private final Clock clock;
  private final List<Condition> next = new ArrayList<>();

  public Conditions(List<Condition> previous, long generation, Clock clock) {
    this.previous = previous == null ? List.of() : previous;
    this.generation = generation;
    this.clock = clock;
  }

  public Conditions set(String type, boolean status, String reason, String message) {
    String value = status ? "True" : "False";
    String since =
        find(previous, type)
            .filter(c -> value.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    next.add(
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withLastTransitionTime(since)
            .withObservedGeneration(generation)
            .build());
    return this;
  }

  public List<Condition> build() {
    return List.copyOf(next);
  }

  /** Whether condition {@code type} is True in {@code conditions}. */
  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Whether {@code type} became True, or changed reason while True, between two lists. */
  public static boolean newlyTrue(List<Condition> before, List<Condition> after, String type) {
    var now = find(after, type).filter(c -> "True".equals(c.getStatus()));
    if (now.isEmpty()) {
      return false;
    }
    var then = find(before, type);
    return then.isEmpty()
        || !"True".equals(then.get().getStatus())
        || !Objects.equals(then.get().getReason(), now.get().getReason())
        || !Objects.equals(then.get().getMessage(), now.get().getMessage());
  }

  public static java.util.Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? java.util.Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
