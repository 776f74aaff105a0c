package dev.contextgateway.llm;

/** Gemini API response bodies, as the public documentation shows them. */
final class GeminiBodies {
  static final String MODEL = "gemini-test";
  static final String PATH = "/v1beta/models/" + MODEL + ":generateContent";
  static final String KEY = "AIzaSyTEST-secret-key-0123456789";

  static final String SUCCESS =
      """
      {
        "candidates": [{
          "content": {"role": "model", "parts": [{"text": "Hello, "}, {"text": "world"}]},
          "finishReason": "STOP",
          "index": 0
        }],
        "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 3, "totalTokenCount": 19},
        "modelVersion": "gemini-test-001",
        "responseId": "resp-42"
      }
      """;

  static final String RATE_LIMITED_PER_MINUTE =
      """
      {"error": {
        "code": 429,
        "message": "You exceeded your current quota. Please retry in 47.43s.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {"@type": "type.googleapis.com/google.rpc.QuotaFailure",
           "violations": [{
             "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
             "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
             "quotaDimensions": {"location": "global", "model": "gemini-test"},
             "quotaValue": "15"}]},
          {"@type": "type.googleapis.com/google.rpc.Help",
           "links": [{"description": "Learn more", "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]},
          {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "47.43s"}
        ]}}
      """;

  static final String RATE_LIMITED_PER_DAY =
      """
      {"error": {
        "code": 429,
        "message": "You exceeded your current quota.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {"@type": "type.googleapis.com/google.rpc.QuotaFailure",
           "violations": [{
             "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
             "quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
             "quotaValue": "1500"}]},
          {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "20s"}
        ]}}
      """;

  static final String RATE_LIMITED_NO_DETAILS =
      """
      {"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).",
                 "status": "RESOURCE_EXHAUSTED"}}
      """;

  static String error(int code, String status, String message) {
    return "{\"error\": {\"code\": "
        + code
        + ", \"message\": \""
        + message
        + "\", \"status\": \""
        + status
        + "\"}}";
  }

  private GeminiBodies() {}
}
