package online.nexuscos.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads every JSON string value as one shared instance per distinct text ({@link String#intern}):
 * the informer caches hold thousands of objects repeating the same label values, images, probe
 * paths, quantities and condition reasons, and one copy of each is enough (docs/performance.md,
 * heap per cached object). Field names are shared by Jackson already; unique values (uids,
 * resourceVersions) cost one table lookup and are collected as usual once unreferenced.
 */
final class InterningStrings extends StdScalarDeserializer<String> {

  InterningStrings() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = StringDeserializer.instance.deserialize(p, ctxt);
    return text == null ? null : text.intern();
  }
}
