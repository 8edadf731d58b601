package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import online.nexuscos.core.model.ChildKey;

/** What one apply pass found and did: written objects, conflicts, failures, latest objects. */
public final class ApplyReport {

  /** An object the operator refused to touch because someone else owns it. */
  public record Conflict(ChildKey key, String reason) {
    public String describe() {
      return key + " " + reason;
    }
  }

  /** A write the API server refused; it is retried on the next reconcile. */
  public record Failure(ChildKey key, String action, String reason) {
    public String describe() {
      return action + " " + key + " failed: " + reason;
    }
  }

  /** A namespace handed back instead of deleted (our labels removed), and why. */
  public record Release(ChildKey key, String reason) {}

  /** A hand edit of security-relevant pod template fields, written back to what was rendered. */
  public record Revert(ChildKey key, List<String> fields) {}

  /** An object the cluster is deleting (Terminating): waited for, neither written nor fought. */
  public record Wait(ChildKey key, String reason) {
    public String describe() {
      return key + " " + reason;
    }
  }

  private final Map<ChildKey, HasMetadata> latest = new LinkedHashMap<>();
  private final List<ChildKey> created = new ArrayList<>();
  private final List<ChildKey> updated = new ArrayList<>();
  private final List<ChildKey> deleted = new ArrayList<>();
  private final List<Release> released = new ArrayList<>();
  private final List<Revert> reverted = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final List<Wait> waits = new ArrayList<>();

  void observed(ChildKey key, HasMetadata object) {
    latest.put(key, object);
  }

  void created(ChildKey key, HasMetadata object) {
    created.add(key);
    latest.put(key, object);
  }

  void updated(ChildKey key, HasMetadata object) {
    updated.add(key);
    latest.put(key, object);
  }

  void deleted(ChildKey key) {
    deleted.add(key);
  }

  void released(ChildKey key, String reason) {
    released.add(new Release(key, reason));
  }

  void conflict(ChildKey key, String reason) {
    conflicts.add(new Conflict(key, reason));
  }

  void waiting(ChildKey key, String reason) {
    waits.add(new Wait(key, reason));
  }

  void failed(ChildKey key, String action, String reason) {
    failures.add(new Failure(key, action, reason));
  }

  /** Adds what {@code other} found and did after what this one holds. */
  void merge(ApplyReport other) {
    latest.putAll(other.latest);
    created.addAll(other.created);
    updated.addAll(other.updated);
    deleted.addAll(other.deleted);
    released.addAll(other.released);
    reverted.addAll(other.reverted);
    conflicts.addAll(other.conflicts);
    failures.addAll(other.failures);
    waits.addAll(other.waits);
  }

  /** The newest known version of a desired object (just written, or live). */
  public Optional<HasMetadata> latest(ChildKey key) {
    return Optional.ofNullable(latest.get(key));
  }

  public List<ChildKey> created() {
    return List.copyOf(created);
  }

  public List<ChildKey> updated() {
    return List.copyOf(updated);
  }

  public List<ChildKey> deleted() {
    return List.copyOf(deleted);
  }

  void reverted(ChildKey key, List<String> fields) {
    reverted.add(new Revert(key, List.copyOf(fields)));
  }

  public List<Revert> reverted() {
    return List.copyOf(reverted);
  }

  public List<Release> released() {
    return List.copyOf(released);
  }

  public List<Conflict> conflicts() {
    return List.copyOf(conflicts);
  }

  public List<Failure> failures() {
    return List.copyOf(failures);
  }

  public List<Wait> waits() {
    return List.copyOf(waits);
  }
}
