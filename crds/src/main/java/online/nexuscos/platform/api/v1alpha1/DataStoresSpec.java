package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A site's data stores. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataStoresSpec {

  @JsonPropertyDescription("PostgreSQL (variables POSTGRES_*).")
  private DataStoreSpec postgresql;

  @JsonPropertyDescription("MongoDB (variables MONGODB_*).")
  private DataStoreSpec mongodb;

  @JsonPropertyDescription("Redis (variables REDIS_*).")
  private DataStoreSpec redis;

  @JsonPropertyDescription("RabbitMQ (variables RABBITMQ_*).")
  private DataStoreSpec rabbitmq;

  public DataStoreSpec getPostgresql() {
    return postgresql;
  }

  public void setPostgresql(DataStoreSpec postgresql) {
    this.postgresql = postgresql;
  }

  public DataStoreSpec getMongodb() {
    return mongodb;
  }

  public void setMongodb(DataStoreSpec mongodb) {
    this.mongodb = mongodb;
  }

  public DataStoreSpec getRedis() {
    return redis;
  }

  public void setRedis(DataStoreSpec redis) {
    this.redis = redis;
  }

  public DataStoreSpec getRabbitmq() {
    return rabbitmq;
  }

  public void setRabbitmq(DataStoreSpec rabbitmq) {
    this.rabbitmq = rabbitmq;
  }
}
