package online.nexuscos.operator.reconciler;

import java.util.concurrent.atomic.AtomicLong;

/** How many reconciles ran and how many child writes they made; read by tests and benchmarks. */
public final class ReconcileCounters {

  private final AtomicLong reconciles = new AtomicLong();
  private final AtomicLong childWrites = new AtomicLong();

  void reconciled(int writes) {
    reconciles.incrementAndGet();
    childWrites.addAndGet(writes);
  }

  public long reconciles() {
    return reconciles.get();
  }

  public long childWrites() {
    return childWrites.get();
  }
}
