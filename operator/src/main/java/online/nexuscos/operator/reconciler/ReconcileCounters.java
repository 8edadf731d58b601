package online.nexuscos.operator.reconciler;

import java.util.concurrent.atomic.AtomicLong;

/** How many reconciles ran; tests wait on it to know that resyncs happened. */
public final class ReconcileCounters {

  private final AtomicLong reconciles = new AtomicLong();

  void reconciled() {
    reconciles.incrementAndGet();
  }

  public long reconciles() {
    return reconciles.get();
  }
}
