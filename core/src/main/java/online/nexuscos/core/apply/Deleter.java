package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deletes exactly the object the operator saw: the request carries a UID precondition, so an
 * object deleted and re-created by someone else since (same name, new UID) is never deleted.
 * fabric8's delete offers only a resourceVersion precondition, which any status update by a
 * controller would invalidate; the UID is what identifies the object we created.
 */
final class Deleter {

  private final KubernetesClient client;

  Deleter(KubernetesClient client) {
    this.client = client;
  }

  private String url(HasMetadata object) {
    String base = client.getMasterUrl().toString().replaceAll("/+$", "");
    String apiVersion = object.getApiVersion();
    StringBuilder url = new StringBuilder(base).append(apiVersion.contains("/") ? "/apis/" : "/api/").append(apiVersion);
    if (object.getMetadata().getNamespace() != null) {
      url.append("/namespaces/").append(object.getMetadata().getNamespace());
    }
    return url.append('/').append(HasMetadata.getPlural(object.getClass())).append('/')
        .append(object.getMetadata().getName()).toString();
  }

  /** True when deleted (or already gone); false when the name now holds another object. */
  boolean delete(HasMetadata object) {
    String url = url(object);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("apiVersion", "v1");
    options.put("kind", "DeleteOptions");
    options.put("propagationPolicy", "Background");
    options.put("preconditions", Map.of("uid", object.getMetadata().getUid()));
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
        .uri(URI.create(url))
        .delete("application/json", client.getKubernetesSerialization().asJson(options))
        .build();
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class)
          .get(client.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while deleting " + url, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KubernetesClientException("delete of " + url + " failed: " + e.getMessage(), e);
    }
    int code = response.code();
    if (code == HttpURLConnection.HTTP_CONFLICT) {
      return false;
    }
    if (code >= 300 && code != HttpURLConnection.HTTP_NOT_FOUND) {
      throw new KubernetesClientException(response.body(), code, null);
    }
    return true;
  }
}
