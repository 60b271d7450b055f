package dev.stevens.memory.dashboard;

import java.util.UUID;

/** The logged-in dashboard user and the one household they may see. */
public record Viewer(UUID household, String username, String role) {

    public boolean owner() {
        return "OWNER".equals(role);
    }

    /** Recorded as the actor of every change made through the dashboard. */
    public String actor() {
        return "dashboard:" + username;
    }
}
