package io.spareflow.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Message} as a row keeps it, so it is worded when read, in the reader's language, not in the writer's: the
 * key in one column, the arguments in another as a JSON array of typed values — {@code {"text": "…"}},
 * {@code {"number": "12.5"}}, {@code {"instant": "2026-12-01T08:00:00Z"}} (worded in the reader's zone),
 * {@code {"message": {"key": "…", "args": […]}}} (a nested text, e.g. an enum value's name) and
 * {@code {"joined": […], "separator": " "}}. An enum value to be named in the reader's language is passed as the
 * Message of its name; any other value is kept as the text it is worded as ({@code String.valueOf}), e.g. a code.
 */
public final class StoredMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredMessage() {
    }

    /** The arguments of {@code message} as the JSON array a row keeps. */
    public static String arguments(Message message) {
        return arguments(message.args()).toString();
    }

    /** The message of {@code key} with the arguments {@link #arguments(Message)} wrote. */
    public static Message read(String key, String arguments) {
        try {
            return new Message(key, values(JSON.readTree(arguments)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored arguments of " + key + " are not JSON: " + arguments, e);
        }
    }

    private static ArrayNode arguments(List<Object> args) {
        ArrayNode array = JSON.createArrayNode();
        args.forEach(arg -> array.add(typed(arg)));
        return array;
    }

    private static ObjectNode typed(Object arg) {
        ObjectNode node = JSON.createObjectNode();
        if (arg instanceof String text) {
            node.put("text", text);
        } else if (arg instanceof Number number) {
            node.put("number", number.toString());
        } else if (arg instanceof Instant at) {
            node.put("instant", at.toString());
        } else if (arg instanceof Message nested) {
            node.putObject("message").put("key", nested.key()).set("args", arguments(nested.args()));
        } else if (arg instanceof Message.Joined joined) {
            ArrayNode parts = node.putArray("joined");
            joined.parts().forEach(part -> parts.add(typed(part)));
            node.put("separator", joined.separator());
        } else {
            // A code (an enum value not named by its own key) is kept as it is worded today.
            node.put("text", String.valueOf(arg));
        }
        return node;
    }

    private static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>();
        array.forEach(node -> values.add(value(node)));
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.has("text")) {
            return node.get("text").asText();
        }
        if (node.has("number")) {
            BigDecimal number = new BigDecimal(node.get("number").asText());
            return number.scale() <= 0 ? (Object) number.longValueExact() : number;
        }
        if (node.has("instant")) {
            return Instant.parse(node.get("instant").asText());
        }
        if (node.has("message")) {
            JsonNode nested = node.get("message");
            return new Message(nested.get("key").asText(), values(nested.get("args")));
        }
        if (node.has("joined")) {
            List<Message> parts = new ArrayList<>();
            node.get("joined").forEach(part -> parts.add((Message) value(part)));
            return new Message.Joined(List.copyOf(parts), node.get("separator").asText());
        }
        throw new IllegalStateException("a stored text's argument of no known type: " + node);
    }
}
