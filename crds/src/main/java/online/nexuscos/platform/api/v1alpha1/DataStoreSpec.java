package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** How services reach one data store at a site. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataStoreSpec {

  @JsonPropertyDescription("Host name or address.")
  @Required
  @Size(max = 253)
  private String host;

  @JsonPropertyDescription("Port.")
  @Required
  @Min(1)
  @Max(65535)
  private Integer port;

  @JsonPropertyDescription("Database, keyspace or virtual host, when the store has one.")
  @Size(max = 253)
  private String database;

  @JsonPropertyDescription(
      "Secret (in every platform namespace) whose keys become environment variables "
          + "with the store's prefix, e.g. POSTGRES_USER from key USER.")
  @Pattern(ApiPatterns.DNS_SUBDOMAIN)
  @Size(max = 253)
  private String credentialsSecret;

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public String getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }
}
