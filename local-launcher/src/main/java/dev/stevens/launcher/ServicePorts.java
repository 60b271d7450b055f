package dev.stevens.launcher;

/** HTTP ports of the three services; 0 means any free port. */
public record ServicePorts(int ingest, int memory, int briefing) {

    public static final ServicePorts DEFAULT = new ServicePorts(8081, 8082, 8083);
    public static final ServicePorts RANDOM = new ServicePorts(0, 0, 0);
}
