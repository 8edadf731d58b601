package online.nexuscos.operator.testing;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps the mock's dispatcher and records every request: who sent it, method and path. */
public final class RequestLog extends Dispatcher {

  /** One recorded request. */
  public record Entry(long seq, String userAgent, String method, String path) {
    public boolean isWrite() {
      return !"GET".equals(method);
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + userAgent + ")";
    }
  }

  private final Dispatcher delegate;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  public RequestLog(Dispatcher delegate) {
    this.delegate = delegate;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    entries.add(new Entry(entries.size(), request.getHeader("User-Agent"), request.getMethod(), request.getPath()));
    return delegate.dispatch(request);
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  /** A position in the log; entries after it are "since". */
  public int mark() {
    return entries.size();
  }

  /** Every request sent by {@code userAgent} after {@code mark}. */
  public List<Entry> since(int mark, String userAgent) {
    return entries.subList(mark, entries.size()).stream().filter(e -> userAgent.equals(e.userAgent())).toList();
  }

  /** Write requests (anything but GET) sent by {@code userAgent} after {@code mark}. */
  public List<Entry> writesSince(int mark, String userAgent) {
    return entries.subList(mark, entries.size()).stream()
        .filter(Entry::isWrite)
        .filter(e -> userAgent.equals(e.userAgent()))
        .toList();
  }
}
