package dev.stevens.memory.notebook;

import dev.stevens.events.ImportReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts or replaces many imported memories in one statement per round. The statement decides per
 * row, in the database: a new key is inserted (version 1); a known key with different content is
 * replaced (version + 1); identical content, or an import older than what the memory already has
 * ({@code occurredAt}), changes nothing. It returns only the rows it changed.
 */
@Repository
class ImportUpserts {

    private static final String UPSERT =
            "with incoming as (select * from unnest(cast(:ids as uuid[]),"
                    + " cast(:households as uuid[]), cast(:sources as text[]),"
                    + " cast(:keys as text[]), cast(:scopes as text[]), cast(:dates as date[]),"
                    + " cast(:validUntils as date[]), cast(:texts as text[]),"
                    + " cast(:tags as text[]), cast(:occurred as timestamptz[]),"
                    + " cast(:events as uuid[]), cast(:ats as timestamptz[])) as t(id,"
                    + " household_id, source, external_key, scope, memory_date, valid_until, text,"
                    + " tags_json, occurred_at, event_id, at))"
                    + """
                     insert into memories (id, household_id, source, external_key, scope,
                        memory_date, valid_until, text, tags, version, deleted, archived,
                        occurred_at, created_at, updated_at, last_event_id, last_actor)
                    select id, household_id, source, external_key, scope, memory_date,
                        valid_until, text,
                        array(select jsonb_array_elements_text(cast(tags_json as jsonb))),
                        1, false, false, occurred_at, at, at, event_id, 'import:' || source
                    from incoming
                    on conflict (household_id, source, external_key)
                        where external_key is not null
                    do update set memory_date = excluded.memory_date,
                        valid_until = excluded.valid_until, text = excluded.text,
                        tags = excluded.tags, scope = excluded.scope,
                        occurred_at = coalesce(excluded.occurred_at, memories.occurred_at),
                        version = memories.version + 1, deleted = false, archived = false,
                        archived_at = null, updated_at = excluded.updated_at,
                        last_event_id = excluded.last_event_id,
                        last_actor = excluded.last_actor
                    where ((memories.memory_date, memories.valid_until, memories.text,
                            memories.tags, memories.scope)
                            is distinct from (excluded.memory_date, excluded.valid_until,
                            excluded.text, excluded.tags, excluded.scope)
                        -- a snapshot removed it and the source has it again: bring it back
                        or (memories.deleted and memories.last_actor like 'snapshot:%'))
                        and (excluded.occurred_at is null or memories.occurred_at is null
                            or excluded.occurred_at >= memories.occurred_at)
                    returning\s"""
                    + MemoryStore.COLUMNS;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportUpserts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Applies the imports in order and returns the changed memories, in the order their changes
     * must be published. A key may appear only once per statement, so a batch that touches a key
     * twice is split into rounds.
     */
    List<Memory> apply(List<ImportReceived> imports, Instant now) {
        List<Memory> changed = new ArrayList<>();
        List<ImportReceived> remaining = imports;
        // one microsecond apart, so memories created by one batch keep their arrival order
        var at = new java.util.HashMap<UUID, Instant>();
        for (int i = 0; i < imports.size(); i++) {
            at.put(imports.get(i).id(), now.plusNanos(1000L * i));
        }
        while (!remaining.isEmpty()) {
            List<ImportReceived> round = new ArrayList<>();
            List<ImportReceived> later = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (ImportReceived event : remaining) {
                ImportReceived.Data data = event.data();
                boolean keyed = data.externalKey() != null;
                String key =
                        event.household()
                                + "\u0000"
                                + data.source()
                                + "\u0000"
                                + data.externalKey();
                // once a key waits for a later round, everything after it on that key waits too
                if (!keyed || (keys.add(key) && later.stream().noneMatch(e -> sameKey(e, event)))) {
                    round.add(event);
                } else {
                    later.add(event);
                }
            }
            changed.addAll(upsert(round, at));
            remaining = later;
        }
        return changed;
    }

    private List<Memory> upsert(List<ImportReceived> round, java.util.Map<UUID, Instant> at) {
        int n = round.size();
        String[] ids = new String[n], households = new String[n], sources = new String[n];
        String[] keys = new String[n], scopes = new String[n], dates = new String[n];
        String[] validUntils = new String[n], texts = new String[n], tags = new String[n];
        String[] occurred = new String[n], events = new String[n], ats = new String[n];
        for (int i = 0; i < n; i++) {
            ImportReceived event = round.get(i);
            ImportReceived.Data data = event.data();
            ids[i] = UUID.randomUUID().toString();
            households[i] = event.household().toString();
            sources[i] = data.source();
            keys[i] = data.externalKey();
            scopes[i] = data.scope();
            dates[i] = Objects.toString(data.date(), null);
            validUntils[i] = Objects.toString(data.validUntil(), null);
            texts[i] = data.text();
            tags[i] = json.writeValueAsString(data.tags());
            occurred[i] = Objects.toString(data.occurredAt(), null);
            events[i] = event.id().toString();
            ats[i] = at.get(event.id()).toString();
        }
        return jdbc.sql(UPSERT)
                .param("ids", ids)
                .param("households", households)
                .param("sources", sources)
                .param("keys", keys)
                .param("scopes", scopes)
                .param("dates", dates)
                .param("validUntils", validUntils)
                .param("texts", texts)
                .param("tags", tags)
                .param("occurred", occurred)
                .param("events", events)
                .param("ats", ats)
                .query(MemoryStore::map)
                .list();
    }

    private static boolean sameKey(ImportReceived a, ImportReceived b) {
        return a.data().externalKey() != null
                && a.household().equals(b.household())
                && a.data().source().equals(b.data().source())
                && a.data().externalKey().equals(b.data().externalKey());
    }
}
