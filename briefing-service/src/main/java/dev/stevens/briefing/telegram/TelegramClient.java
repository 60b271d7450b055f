package dev.stevens.briefing.telegram;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Bot API's {@code sendMessage}. The request URL contains the bot token, so it is never
 * logged and errors are rebuilt from status and Telegram's description instead of passed on.
 */
@Component
public class TelegramClient {

    static final String MARKDOWN_V2 = "MarkdownV2";

    private final RestClient http;
    private final TelegramProperties properties;
    private final JsonMapper json;

    TelegramClient(TelegramProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        var factory =
                new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.http =
                RestClient.builder().baseUrl(properties.baseUrl()).requestFactory(factory).build();
    }

    /**
     * Sends a plain text of any length as MarkdownV2 messages (escaped, so it shows exactly as
     * written), split below Telegram's limit on line boundaries; a part Telegram cannot parse is
     * sent again as plain text. Returns the message ids in order.
     *
     * @throws TelegramException on the first part that failed; it lists the ids already sent
     */
    public List<Long> send(String chatId, String text) throws TelegramException {
        return send(chatId, text, 0);
    }

    /** Like {@link #send(String, String)}, leaving out the first {@code skipParts} parts. */
    List<Long> send(String chatId, String text, int skipParts) throws TelegramException {
        List<String> parts = MessageSplitter.splitForMarkdown(text);
        List<Long> sent = new ArrayList<>();
        for (int i = skipParts; i < parts.size(); i++) {
            try {
                sent.add(sendPart(chatId, parts.get(i)));
            } catch (TelegramException e) {
                throw e.afterSending(sent);
            }
        }
        return sent;
    }

    private long sendPart(String chatId, String plain) throws TelegramException {
        try {
            return sendMessage(chatId, MarkdownV2.escape(plain), MARKDOWN_V2);
        } catch (TelegramException e) {
            if (!e.unparseable()) {
                throw e;
            }
            // a formatting mistake must not lose the brief: the same words, unformatted
            return sendMessage(chatId, plain, null);
        }
    }

    /** Sends one plain-text message and returns its Telegram message id. */
    long sendMessage(String chatId, String text) throws TelegramException {
        return sendMessage(chatId, text, null);
    }

    /** Sends one message, formatted by {@code parseMode} unless it is null. */
    long sendMessage(String chatId, String text, String parseMode) throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId.matches("-?\\d{1,19}") ? Long.parseLong(chatId) : chatId);
        body.put("text", text);
        if (parseMode != null) {
            body.put("parse_mode", parseMode);
        }
        Reply reply;
        try {
            reply =
                    http.post()
                            // concatenated, not a template variable: that would percent-encode the
                            // token's colon
                            .uri("/bot" + properties.botToken() + "/sendMessage")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(json.writeValueAsString(body))
                            .exchange(
                                    (request, response) ->
                                            new Reply(
                                                    response.getStatusCode(),
                                                    new String(response.getBody().readAllBytes())));
        } catch (RestClientException e) {
            throw new TelegramException("Telegram unreachable: " + redact(rootCause(e)), false);
        }
        return messageId(reply);
    }

    private record Reply(HttpStatusCode status, String body) {}

    private long messageId(Reply reply) throws TelegramException {
        JsonNode answer = parse(reply.body());
        if (reply.status().is2xxSuccessful()
                && answer.path("ok").asBoolean(false)
                && answer.path("result").path("message_id").isIntegralNumber()) {
            return answer.path("result").path("message_id").asLong();
        }
        int code = reply.status().value();
        String description = answer.path("description").asString("no description");
        boolean permanent = code >= 400 && code < 500 && code != 429;
        JsonNode retryAfter = answer.path("parameters").path("retry_after");
        throw new TelegramException(
                "Telegram answered " + code + ": " + redact(description),
                permanent,
                retryAfter.isNumber() ? Duration.ofSeconds(retryAfter.asLong()) : null,
                code == 400 && description.toLowerCase(Locale.ROOT).contains("can't parse"),
                List.of());
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private String redact(String text) {
        return properties.hasBotToken() ? text.replace(properties.botToken(), "<bot-token>") : text;
    }
}
