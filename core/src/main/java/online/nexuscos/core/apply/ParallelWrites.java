package online.nexuscos.core.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Runs the writes of one batch a few at a time: the calling thread and up to {@code parallelism - 1}
 * helpers take the next object until none is left, each writing into a report of its own; the
 * reports are merged in the batch's order, so what the caller sees does not depend on timing. The
 * helpers of all batches (reconciles run side by side) come from one pool of at most
 * {@link #HELPER_THREADS} daemon threads that end after a minute idle: a helper still queued when
 * its batch is done is dropped, so a busy pool only means the callers write more themselves (each
 * thread costs its stack and a share of native memory; on a few cores more threads write no faster).
 * The first failure stops the batch (no object not yet begun is written) and is rethrown once every
 * write under way has ended.
 */
final class ParallelWrites {

  /** At most this many helper threads, whatever the number of batches under way. */
  static final int HELPER_THREADS = 8;

  private final int parallelism;
  private final ThreadPoolExecutor helpers;

  ParallelWrites(int parallelism) {
    this.parallelism = parallelism;
    AtomicInteger n = new AtomicInteger();
    this.helpers = new ThreadPoolExecutor(HELPER_THREADS, HELPER_THREADS, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "nexus-writer-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.helpers.allowCoreThreadTimeOut(true);
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
    // Each helper first claims its turn; one the caller claims back after the batch never begins.
    List<Helper> started = new ArrayList<>();
    for (int h = 1; h < Math.min(parallelism, items.size()); h++) {
      AtomicBoolean turn = new AtomicBoolean();
      started.add(new Helper(turn, helpers.submit(() -> {
        if (turn.compareAndSet(false, true)) {
          drain.run();
        }
      })));
    }
    Throwable failure = null;
    try {
      drain.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Helper helper : started) {
      Future<?> f = helper.done();
      if (helper.turn().compareAndSet(false, true)) {
        f.cancel(false); // still queued: every object of the batch is taken, nothing left for it
        continue;
      }
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

  /** A helper's claim on its turn and its completion. */
  private record Helper(AtomicBoolean turn, Future<?> done) {}
}
