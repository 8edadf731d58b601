package online.nexuscos.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.function.Supplier;

/**
 * How the sandbox's API server answers each request: serve it, answer something else instead (an
 * error, as a real API server under load or during an etcd leader change does), or alter the
 * answer after serving it (a response lost after the write landed; a watch that drops). The
 * fault-injection suite plugs a seeded policy in; by default every request is served.
 */
@FunctionalInterface
public interface FaultPolicy {

  FaultPolicy NONE = (request, serve) -> serve.get();

  /** The response to {@code request}; {@code serve} applies it to the stored objects and gives the normal answer. */
  MockResponse answer(RecordedRequest request, Supplier<MockResponse> serve);
}
