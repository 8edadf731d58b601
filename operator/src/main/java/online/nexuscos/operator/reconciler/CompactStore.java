package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * An informer item store that keeps each cached object (after {@link CacheTrim}) as LZ4-compressed
 * JSON, not as a fabric8 object graph: a Deployment's graph takes about three times its JSON in heap
 * (every nested object carries its own maps, lists and strings), and its JSON compresses about four
 * times (Kubernetes objects repeat their field names and labels). The caches hold every child of
 * every platform, so this is most of the operator's heap. Each read decodes a fresh copy, so no
 * reader can alter what the cache holds; readers that look at many objects go through an index
 * ({@link ChildCaches#INSTANCE_INDEX}) and decode only a platform's own. Keys are fabric8's
 * {@code namespace/name}, as in its default store. The LZ4 codec is lz4-java's pure-Java one: no
 * native library is loaded.
 */
public final class CompactStore<R extends HasMetadata> implements ItemStore<R> {

  private static final LZ4Compressor COMPRESSOR = LZ4Factory.safeInstance().fastCompressor();
  private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.safeInstance().safeDecompressor();

  private final Map<String, byte[]> items = new ConcurrentHashMap<>();
  private final Class<R> type;
  private final KubernetesSerialization json;

  /** @param json the client's serialization (one set of Jackson serializers for the whole operator) */
  public CompactStore(Class<R> type, KubernetesSerialization json) {
    this.type = type;
    this.json = json;
  }

  @Override
  public String getKey(R object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  @Override
  public R put(String key, R object) {
    return decode(items.put(key, encode(CacheTrim.trim(object))));
  }

  @Override
  public R remove(String key) {
    return decode(items.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<R> values() {
    return items.values().stream().map(this::decode);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public R get(String key) {
    return decode(items.get(key));
  }

  /** The bytes the store holds for {@code key} (compressed, with their length), or -1 when absent. */
  int storedBytes(String key) {
    byte[] stored = items.get(key);
    return stored == null ? -1 : stored.length;
  }

  /** [the JSON's length, 4 bytes][the JSON, LZ4-compressed]. */
  private byte[] encode(R object) {
    byte[] plain = json.asJson(object).getBytes(StandardCharsets.UTF_8);
    byte[] packed = new byte[Integer.BYTES + COMPRESSOR.maxCompressedLength(plain.length)];
    ByteBuffer.wrap(packed).putInt(plain.length);
    int length = COMPRESSOR.compress(plain, 0, plain.length, packed, Integer.BYTES);
    return java.util.Arrays.copyOf(packed, Integer.BYTES + length);
  }

  private R decode(byte[] packed) {
    if (packed == null) {
      return null;
    }
    byte[] plain = new byte[ByteBuffer.wrap(packed).getInt()];
    DECOMPRESSOR.decompress(packed, Integer.BYTES, packed.length - Integer.BYTES, plain, 0, plain.length);
    return json.unmarshal(new ByteArrayInputStream(plain), type);
  }
}
