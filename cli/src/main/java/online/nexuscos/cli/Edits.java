package online.nexuscos.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import online.nexuscos.core.Durations;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.status.RequestAnswers;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.RequestStatus;
import online.nexuscos.platform.api.v1alpha1.RequestVerdict;

/**
 * The declarative changes nexusctl makes (spec fields, request annotations), retried when the
 * operator wrote the platform in between, and the waits for their outcome.
 */
final class Edits {

  private static final int ATTEMPTS = 5;

  private Edits() {}

  /** Applies {@code change} to the live platform (re-reading it on a 409 Conflict). */
  static NexusPlatform edit(KubeOptions kube, String name, Consumer<NexusPlatform> change) {
    KubernetesClientException last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      try {
        return kube.client().resources(NexusPlatform.class).withName(name).edit(p -> {
          change.accept(p);
          return p;
        });
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw kube.unreachable(e);
        }
        last = e;
      }
    }
    throw new CliException("platform " + name + " kept changing under us (" + last.getMessage() + "); try again");
  }

  /**
   * Records a one-shot request: {@code annotations} plus a fresh id, which the operator echoes in
   * status.lastRequest with its verdict. Refused while the platform still carries another request:
   * a second one would take the first one's id, and its answer would be the first one's.
   */
  static String request(KubeOptions kube, String name, Consumer<NexusPlatform> annotations) {
    String id = java.util.UUID.randomUUID().toString().substring(0, 8);
    edit(kube, name, p -> {
      var live = p.getMetadata().getAnnotations() == null ? java.util.Map.<String, String>of() : p.getMetadata().getAnnotations();
      Labels.REQUESTS.stream().filter(live::containsKey).findFirst().ifPresent(pending -> {
        throw new CliException("platform " + name + " has a request the operator has not answered yet (" + pending + "="
            + live.get(pending) + (live.containsKey(Labels.REQUEST_ID) ? ", request " + live.get(Labels.REQUEST_ID) : "")
            + "); wait for its answer (nexusctl status " + name + " --watch), or, if no operator runs, withdraw it: "
            + "kubectl annotate nexusplatform " + name + " " + pending + "-");
      });
      annotate(p, Labels.REQUEST_ID, id);
      annotations.accept(p);
    });
    return id;
  }

  /** What nexusctl prints when it does not wait: the request is recorded, and how to follow it. */
  static String recorded(String platform, String id) {
    return "request " + id + " recorded; the operator answers in status.lastRequest. Follow it with: nexusctl status "
        + platform + " --watch";
  }

  /**
   * Waits for the operator's verdict on request {@code id} (status.lastRequest with that id) and for
   * the request to leave the platform's annotations, so that the next request can follow at once; a
   * refusal ends nexusctl with the operator's reason. Returns the acceptance.
   */
  static RequestStatus awaitAnswer(KubeOptions kube, String name, String id, String timeout) throws InterruptedException {
    RequestStatus answer = await(kube, name, timeout,
        p -> id.equals(RequestAnswers.id(p.getMetadata().getAnnotations())) ? null : answer(p, id));
    if (answer == null) {
      answer = answer(kube.platform(name), id); // answered, but the request is not removed yet: the answer still holds
    }
    if (answer == null) {
      throw new CliException("the operator has not answered request " + id + " on platform " + name + " after " + timeout
          + " (is it running? see nexusctl status " + name + ")");
    }
    if (answer.getVerdict() == RequestVerdict.Refused) {
      throw new CliException("the operator refused (" + answer.getReason() + "): " + answer.getMessage());
    }
    return answer;
  }

  private static RequestStatus answer(NexusPlatform p, String id) {
    RequestStatus last = p.getStatus() == null ? null : p.getStatus().getLastRequest();
    return last != null && id.equals(last.getId()) ? last : null;
  }

  static void annotate(NexusPlatform p, String key, String value) {
    var annotations = p.getMetadata().getAnnotations() == null ? new HashMap<String, String>()
        : new HashMap<>(p.getMetadata().getAnnotations());
    annotations.put(key, value);
    p.getMetadata().setAnnotations(annotations);
  }

  /**
   * Polls the platform until {@code outcome} gives a verdict (null: not yet) or {@code timeout}
   * passes. Returns the verdict: null when it timed out.
   */
  static <T> T await(KubeOptions kube, String name, String timeout, Function<NexusPlatform, T> outcome)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Durations.parse(timeout));
    while (Instant.now().isBefore(deadline)) {
      T verdict = outcome.apply(kube.platform(name));
      if (verdict != null) {
        return verdict;
      }
      Thread.sleep(Duration.ofMillis(250).toMillis());
    }
    return null;
  }

  /**
   * The operator's verdict on a spec change of generation {@code generation}: null until it has
   * observed that generation; then "Ready at revision N", or an "error: " line when the platform
   * turned Degraded or Invalid (its condition's message is the operator's reason).
   */
  static String readyAt(NexusPlatform p, long generation, String what) {
    var status = p.getStatus();
    if (status == null || status.getObservedGeneration() == null || status.getObservedGeneration() < generation) {
      return null;
    }
    String n = p.getMetadata().getName();
    if (status.getPhase() == online.nexuscos.platform.api.v1alpha1.Phase.Invalid) {
      return "error: platform " + n + " refused " + what + ": " + online.nexuscos.core.status.Conditions
          .find(status.getConditions(), online.nexuscos.core.status.ConditionType.INVALID_SPEC).map(c -> c.getMessage()).orElse("invalid spec");
    }
    if (online.nexuscos.core.status.Conditions.isTrue(status.getConditions(), online.nexuscos.core.status.ConditionType.DEGRADED)) {
      return "error: platform " + n + " is Degraded after " + what + ": " + online.nexuscos.core.status.Conditions
          .find(status.getConditions(), online.nexuscos.core.status.ConditionType.DEGRADED).orElseThrow().getMessage();
    }
    return StatusCommand.ready(p)
        ? "platform/" + n + ": Ready at revision " + status.getCurrentRevision() : null;
  }
}
