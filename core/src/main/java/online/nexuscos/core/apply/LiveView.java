package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import online.nexuscos.core.model.ChildKey;

/**
 * What the operator knows of the live objects (informer caches in production, a map in tests):
 * every object labelled as managed by a Nexus operator.
 */
public interface LiveView {

  /** The live object with this identity, if it is managed by any Nexus platform. */
  Optional<HasMetadata> get(ChildKey key);

  /** Every live object labelled as belonging to platform {@code instance}. */
  List<HasMetadata> ownedBy(String instance);

  /** Tells the caches about an object the operator just wrote, so the next read sees it. */
  default void written(HasMetadata before, HasMetadata after) {}
}
