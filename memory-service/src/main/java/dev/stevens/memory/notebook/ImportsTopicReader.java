package dev.stevens.memory.notebook;

import dev.stevens.events.EventTypes;
import dev.stevens.events.ImportReceived;
import dev.stevens.events.ImportSnapshotCompleted;
import dev.stevens.events.StevensEvent;
import dev.stevens.support.kafka.RejectedEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the two event types of the imports topic apart by their CloudEvents {@code type} (the JSON
 * field, or the {@code ce_type} header when the field is absent) and reads them tolerantly.
 */
@Component
class ImportsTopicReader {

    private final JsonMapper json;

    ImportsTopicReader(JsonMapper json) {
        this.json = json;
    }

    StevensEvent read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new RejectedEventException("record has no value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(record.value());
        } catch (JacksonException e) {
            throw new RejectedEventException("value is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new RejectedEventException("value is not a JSON object");
        }
        String type = typeOf(tree, record);
        Class<? extends StevensEvent> target =
                switch (type == null ? "" : type) {
                    case EventTypes.IMPORT_RECEIVED -> ImportReceived.class;
                    case EventTypes.IMPORT_SNAPSHOT_COMPLETED -> ImportSnapshotCompleted.class;
                    default ->
                            throw new RejectedEventException(
                                    "unknown event type '" + type + "' on the imports topic");
                };
        try {
            return json.treeToValue(tree, target);
        } catch (JacksonException e) {
            throw new RejectedEventException(
                    "value is not a valid " + type + ": " + e.getOriginalMessage());
        }
    }

    private static String typeOf(JsonNode tree, ConsumerRecord<String, byte[]> record) {
        JsonNode type = tree.get("type");
        if (type != null && type.isString()) {
            return type.asString();
        }
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
