package online.nexuscos.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import online.nexuscos.core.model.ChildKey;
import org.junit.jupiter.api.Test;

class ParallelWritesTest {

  private final ParallelWrites writes = new ParallelWrites(4);

  @Test
  void writesOverlapUpToTheParallelismAndReportInTheBatchOrder() {
    List<String> names = IntStream.range(0, 12).mapToObj(i -> "cm-" + i).toList();
    // Four writers must be in flight at once to pass the barrier; fewer and it times out.
    CyclicBarrier four = new CyclicBarrier(4);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ApplyReport report = new ApplyReport();
    writes.each(names, (name, local) -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        if (name.compareTo("cm-4") < 0 && name.length() == 4) {
          four.await(10, TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        throw new IllegalStateException("the first four writes did not overlap", e);
      }
      inFlight.decrementAndGet();
      var cm = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata().build();
      local.created(ChildKey.of(cm), cm);
    }, report);
    assertThat(most.get()).isEqualTo(4);
    assertThat(report.created()).extracting(ChildKey::name).containsExactlyElementsOf(names);
  }

  @Test
  void aFailureIsRethrownOnceEveryWriteUnderWayHasEnded() {
    CyclicBarrier four = new CyclicBarrier(4);
    AtomicInteger begun = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    ApplyReport report = new ApplyReport();
    assertThatThrownBy(() -> writes.each(items, (i, local) -> {
      begun.incrementAndGet();
      try {
        if (i < 4) {
          four.await(10, TimeUnit.SECONDS); // four writes under way when the first one fails
        }
        if (i == 0) {
          throw new IllegalArgumentException("bad object");
        }
        var cm = new ConfigMapBuilder().withNewMetadata().withName("cm-" + i).withNamespace("ns").endMetadata().build();
        local.created(ChildKey.of(cm), cm);
      } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException | InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        ended.incrementAndGet();
      }
    }, report)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad object");
    assertThat(ended.get()).as("writes ended when each() returned").isEqualTo(begun.get());
    assertThat(report.created()).as("nothing merged from a failed batch").isEmpty();
  }

  @Test
  void batchesSideBySideShareABoundedPoolOfHelpersAndEachWritesEverything() throws Exception {
    int batches = 20;
    java.util.Set<String> helpers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CyclicBarrier allStarted = new CyclicBarrier(batches);
    List<ApplyReport> reports = new java.util.ArrayList<>();
    List<Thread> callers = new java.util.ArrayList<>();
    for (int b = 0; b < batches; b++) {
      ApplyReport report = new ApplyReport();
      reports.add(report);
      List<String> names = IntStream.range(0, 12).mapToObj(i -> "cm-" + i).toList();
      Thread caller = new Thread(() -> {
        try {
          allStarted.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        writes.each(names, (name, local) -> {
          if (Thread.currentThread().getName().startsWith("nexus-writer-")) {
            helpers.add(Thread.currentThread().getName());
          }
          var cm = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata().build();
          local.created(ChildKey.of(cm), cm);
        }, report);
      });
      callers.add(caller);
      caller.start();
    }
    for (Thread caller : callers) {
      caller.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(caller.isAlive()).as(caller.getName() + " finished").isFalse();
    }
    assertThat(helpers).hasSizeLessThanOrEqualTo(ParallelWrites.HELPER_THREADS);
    assertThat(reports).allSatisfy(r -> assertThat(r.created()).hasSize(12));
  }
}
