package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Objects;
import java.util.Optional;

/**
 * Fields the API server refuses to change once an object exists: an update that changes one is
 * answered 422 on every retry, so it is never sent. The operator reports the object instead; a
 * person decides whether re-creating it (and the downtime that brings) is right.
 */
final class ImmutableFields {

  private ImmutableFields() {}

  /** Why {@code desired} cannot be written over {@code live} with an update, if it cannot. */
  static Optional<String> changed(HasMetadata live, HasMetadata desired) {
    if (live instanceof Deployment have && desired instanceof Deployment want
        && have.getSpec() != null && want.getSpec() != null
        && !Objects.equals(have.getSpec().getSelector(), want.getSpec().getSelector())) {
      return Optional.of("has spec.selector " + have.getSpec().getSelector().getMatchLabels()
          + ", which is immutable, and the operator renders " + want.getSpec().getSelector().getMatchLabels()
          + "; delete the Deployment (kubectl delete deployment -n " + have.getMetadata().getNamespace() + " "
          + have.getMetadata().getName() + ") to let the operator re-create it");
    }
    return Optional.empty();
  }
}
