package online.nexuscos.operator.health;

import java.util.List;

/**
 * What the health endpoints judge, read from the running operator at one moment: typed inputs
 * for {@link OperatorHealth}, so the verdicts are tested without a server.
 *
 * @param started the operator has started (its informers were asked to list and watch)
 * @param role whether this replica reconciles
 * @param unhealthyInformers informers not synced, not watching or stopped, described for people
 */
public record HealthSnapshot(boolean started, Role role, List<String> unhealthyInformers) {

  /** Whether this replica reconciles: alone (no leader election), as the leader, or waiting. */
  public enum Role { SINGLE, LEADER, STANDBY }

  public HealthSnapshot {
    unhealthyInformers = List.copyOf(unhealthyInformers);
  }
}
