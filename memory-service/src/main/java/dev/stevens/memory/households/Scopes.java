package dev.stevens.memory.households;

import java.util.List;

/** The API scopes a token may carry. */
public final class Scopes {

    public static final String IMPORTS_WRITE = "imports:write";
    public static final String MEMORIES_READ = "memories:read";
    public static final String MEMORIES_WRITE = "memories:write";
    public static final String BRIEFINGS_READ = "briefings:read";

    /** Create, list and revoke the household's API tokens. */
    public static final String TOKENS_ADMIN = "tokens:admin";

    /** Everything a household's own full-access token may do. */
    public static final List<String> ALL =
            List.of(IMPORTS_WRITE, MEMORIES_READ, MEMORIES_WRITE, BRIEFINGS_READ, TOKENS_ADMIN);

    private Scopes() {}
}
