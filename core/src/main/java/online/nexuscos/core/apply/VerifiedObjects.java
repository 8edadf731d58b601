package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.Labels;

/**
 * Remembers which live object versions were found equal to which desired objects, so a reconcile
 * compares field by field only what changed since (a live object's uid and resourceVersion name
 * its content; the desired hash, with a Deployment's replica count, names the desired content).
 * Every dependency wave and resync of a large platform otherwise re-compares every object.
 */
final class VerifiedObjects {

  /** Beyond this many entries the memo starts over (objects deleted long ago leave entries behind). */
  private static final int LIMIT = 200_000;

  private final Map<ChildKey, String> verified = new ConcurrentHashMap<>();

  /** Whether {@code have} was found up to date with {@code want} before, unchanged since. */
  boolean known(ChildKey key, HasMetadata have, HasMetadata want) {
    String stamp = stamp(have, want);
    return stamp != null && stamp.equals(verified.get(key));
  }

  /** Records that {@code have} needs no write to become {@code want}. */
  void remember(ChildKey key, HasMetadata have, HasMetadata want) {
    String stamp = stamp(have, want);
    if (stamp == null) {
      return;
    }
    if (verified.size() >= LIMIT) {
      verified.clear();
    }
    verified.put(key, stamp);
  }

  void forget(ChildKey key) {
    verified.remove(key);
  }

  private static String stamp(HasMetadata have, HasMetadata want) {
    var meta = have.getMetadata();
    String hash = want.getMetadata().getAnnotations() == null ? null
        : want.getMetadata().getAnnotations().get(Labels.DESIRED_HASH);
    if (meta.getUid() == null || meta.getResourceVersion() == null || hash == null) {
      return null;
    }
    Integer replicas = want instanceof Deployment d && d.getSpec() != null ? d.getSpec().getReplicas() : null;
    return meta.getUid() + "/" + meta.getResourceVersion() + "/" + hash + "/" + replicas;
  }
}
