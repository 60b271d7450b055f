package dev.stevens.e2e.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Memory of this JVM, of other processes and of the embedded PostgreSQL, from /proc (Linux). */
final class Resources {

    private Resources() {}

    /** {jvm PSS, jvm RSS, postgres PSS, postgres RSS} in kB. */
    static long[] sample(Path home) {
        long[] result = new long[4];
        long self = ProcessHandle.current().pid();
        result[0] = field(self, "Pss:");
        result[1] = field(self, "Rss:");
        String dataDir = home.resolve("postgres").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> isPostgresOf(p.pid(), dataDir))
                .forEach(
                        p -> {
                            result[2] += field(p.pid(), "Pss:");
                            result[3] += field(p.pid(), "Rss:");
                        });
        return result;
    }

    private static boolean isPostgresOf(long pid, String dataDir) {
        try {
            // the postmaster names the data directory; its backends are its children
            String cmd = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            if (cmd.contains(dataDir)) {
                return true;
            }
            return ProcessHandle.of(pid)
                    .flatMap(ProcessHandle::parent)
                    .map(parent -> isPostgresOf(parent.pid(), dataDir))
                    .orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    static long pss(long pid) {
        return field(pid, "Pss:");
    }

    static long rss(long pid) {
        return field(pid, "Rss:");
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // gone or not readable
        }
        return 0;
    }
}
