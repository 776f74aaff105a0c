package dev.contextgateway.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void tokens_splitOnPunctuationAndCamelCase_lowerCased() {
    assertThat(tokens("getOrGenerate(HTTPClient, user_id2) src/main/Foo.java"))
        .containsExactly("get", "or", "generate", "http", "client", "user", "id2", "src", "main", "foo", "java");
  }

  @Test
  void tokens_dropSingleCharacters() {
    assertThat(tokens("a b cd E")).containsExactly("cd");
  }

  @Test
  void tokens_keepNonAsciiLetters() {
    assertThat(tokens("Größe café")).containsExactly("größe", "café");
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Tokenizer.tokens(text, tokens::add);
    return tokens;
  }
}
