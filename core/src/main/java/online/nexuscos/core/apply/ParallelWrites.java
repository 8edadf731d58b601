package online.nexuscos.core.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Runs the writes of one batch a few at a time: the calling thread and up to {@code parallelism - 1}
 * helpers take the next object until none is left, each writing into a report of its own; the
 * reports are merged in the batch's order, so what the caller sees does not depend on timing. A
 * helper is a daemon thread that ends after a minute idle. The first failure stops the batch (no
 * object not yet begun is written) and is rethrown once every write under way has ended.
 */
final class ParallelWrites {

  private final int parallelism;
  private final ExecutorService helpers;

  ParallelWrites(int parallelism) {
    this.parallelism = parallelism;
    AtomicInteger n = new AtomicInteger();
    this.helpers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "nexus-writer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  <T> void each(List<T> items, BiConsumer<T, ApplyReport> write, ApplyReport into) {
    ApplyReport[] results = new ApplyReport[items.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable drain = () -> {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        ApplyReport local = new ApplyReport();
        try {
          write.accept(items.get(i), local);
        } catch (RuntimeException | Error e) {
          next.set(items.size());
          throw e;
        }
        results[i] = local;
      }
    };
    List<Future<?>> started = new ArrayList<>();
    for (int h = 1; h < Math.min(parallelism, items.size()); h++) {
      started.add(helpers.submit(drain));
    }
    Throwable failure = null;
    try {
      drain.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> f : started) {
      while (true) {
        try {
          f.get();
          break;
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the writes under way end by themselves; wait for them, then say so
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    for (ApplyReport r : results) {
      if (r != null) {
        into.merge(r);
      }
    }
  }
}
