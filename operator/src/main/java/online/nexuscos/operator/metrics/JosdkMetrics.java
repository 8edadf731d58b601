package online.nexuscos.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent;
import java.util.Map;
import java.util.Objects;

/** JOSDK's monitoring hooks, counted into {@link OperatorMetrics}' collectors. */
final class JosdkMetrics implements Metrics {

  private final OperatorMetrics m;

  JosdkMetrics(OperatorMetrics metrics) {
    this.m = metrics;
  }

  private static String controller(Map<String, Object> metadata) {
    return Objects.toString(metadata == null ? null : metadata.get(Constants.CONTROLLER_NAME), "unknown");
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    String action = event instanceof ResourceEvent r ? r.getAction().name() : "Trigger";
    m.events.labels(controller(metadata), action).inc();
  }

  @Override
  public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    m.reconcilesStarted.labels(controller(metadata)).inc();
    if (retryInfo != null && retryInfo.getAttemptCount() > 0) {
      m.retries.labels(controller(metadata)).inc();
    }
  }

  @Override
  public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
    m.reconcilesFailed.labels(controller(metadata), cause.getClass().getSimpleName()).inc();
  }

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    m.reconcilesSucceeded.labels(controller(metadata)).inc();
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    var timer = m.reconcileSeconds.labels(execution.controllerName()).startTimer();
    try {
      return execution.execute();
    } finally {
      timer.observeDuration();
    }
  }
}
