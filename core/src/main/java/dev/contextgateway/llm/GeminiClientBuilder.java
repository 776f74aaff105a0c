package dev.contextgateway.llm;

import dev.contextgateway.internal.Checks;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Configures and builds a {@link GeminiClient}. Not thread-safe; each setting is validated when it
 * is set, with a message naming the setting and the bad value (never the API key).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #apiKey}</td><td>the {@code GEMINI_API_KEY} variable of the {@link
 *       #environment}; one of the two is required</td></tr>
 *   <tr><td>{@link #baseUrl}</td><td>{@value #DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@link #model}</td><td>{@value #DEFAULT_MODEL}</td></tr>
 *   <tr><td>{@link #httpClient}</td><td>one created and owned by the client</td></tr>
 *   <tr><td>{@link #connectTimeout}</td><td>10 s (owned HTTP client only)</td></tr>
 *   <tr><td>{@link #executor}</td><td>{@link ForkJoinPool#commonPool()}</td></tr>
 *   <tr><td>{@link #ticker}</td><td>{@link Ticker#system()}</td></tr>
 *   <tr><td>{@link #scheduler}</td><td>{@link Scheduler#system()}</td></tr>
 * </table>
 */
public final class GeminiClientBuilder {
  /** The public Gemini API endpoint. */
  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

  /** The model called unless another is set. */
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";

  /** The environment variable read for the key when none is set. */
  public static final String API_KEY_VARIABLE = "GEMINI_API_KEY";

  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private URI baseUrl = URI.create(DEFAULT_BASE_URL);
  private String model = DEFAULT_MODEL;
  private @Nullable ApiKey apiKey;
  private Function<String, @Nullable String> environment = System::getenv;
  private @Nullable HttpClient httpClient;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Executor executor = ForkJoinPool.commonPool();
  private Ticker ticker = Ticker.system();
  private Scheduler scheduler = Scheduler.system();

  GeminiClientBuilder() {}

  /**
   * The API root, {@code http} or {@code https}, optionally with a path prefix; requests go to
   * {@code {baseUrl}/v1beta/models/{model}:generateContent}.
   */
  public GeminiClientBuilder baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl must be a valid URI, was '" + baseUrl + "'", e);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) URL with a host and no query, fragment or user info, was '"
              + baseUrl
              + "'");
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    this.baseUrl = URI.create(text);
    return this;
  }

  /** The model name, such as {@code gemini-2.5-flash}; a leading {@code models/} is accepted. */
  public GeminiClientBuilder model(String model) {
    Objects.requireNonNull(model, "model");
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    if (!MODEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "model must be letters, digits, '.', '_' or '-', was '" + model + "'");
    }
    this.model = name;
    return this;
  }

  /** The API key. Never echoed, not even in a validation message. */
  public GeminiClientBuilder apiKey(String apiKey) {
    this.apiKey = validKey(Objects.requireNonNull(apiKey, "apiKey"), "apiKey");
    return this;
  }

  /**
   * Where the {@value #API_KEY_VARIABLE} variable is looked up when no {@link #apiKey} is set;
   * {@code System::getenv} unless replaced (tests pass a map's {@code get}).
   */
  public GeminiClientBuilder environment(Function<String, @Nullable String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /**
   * The HTTP client to send with. It stays the caller's: closing the Gemini client does not shut it
   * down. Without it the Gemini client creates its own (HTTP/2 preferred, the {@link
   * #connectTimeout}, the {@link #executor}) and owns it.
   */
  public GeminiClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return this;
  }

  /**
   * The connect timeout of an owned HTTP client. The call's deadline bounds the whole call anyway.
   */
  public GeminiClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = Checks.positive("connectTimeout", connectTimeout);
    return this;
  }

  /** Runs deadline expiries, and the async work of an owned HTTP client. */
  public GeminiClientBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** The time line of request deadlines; must be the one the callers read deadlines from. */
  public GeminiClientBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** Fires deadlines; must share the {@link #ticker}'s time line. */
  public GeminiClientBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Scheduler.guarded(scheduler);
    return this;
  }

  /**
   * Builds the client.
   *
   * @throws IllegalStateException if no API key was set and the environment has none
   */
  public GeminiClient build() {
    ApiKey key = apiKey;
    if (key == null) {
      String fromEnvironment = environment.apply(API_KEY_VARIABLE);
      if (fromEnvironment == null || fromEnvironment.isBlank()) {
        throw new IllegalStateException(
            "no API key: set apiKey(...) or the " + API_KEY_VARIABLE + " environment variable");
      }
      key = validKey(fromEnvironment.strip(), API_KEY_VARIABLE);
    }
    URI endpoint = URI.create(baseUrl + "/v1beta/models/" + model + ":generateContent");
    HttpClient client = httpClient;
    boolean owned = client == null;
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .executor(executor)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return new GeminiClient(client, owned, endpoint, model, key, executor, ticker, scheduler);
  }

  private static ApiKey validKey(String key, String setting) {
    if (key.isBlank()) {
      throw new IllegalArgumentException(setting + " must not be blank");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            setting
                + " must be printable ASCII without spaces (character at index "
                + i
                + " is not)");
      }
    }
    return new ApiKey(key);
  }
}
