package dev.stevens.launcher;

import dev.stevens.support.security.ApiTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The demo household's API token and the owner's password. Taken from {@code STEVENS_DEMO_TOKEN} /
 * {@code STEVENS_DEMO_PASSWORD} when set; otherwise generated on first start and kept in the data
 * folder (readable by the owner only) so the same login works after a restart.
 */
record DemoCredentials(String token, String password, boolean generated) {

    static DemoCredentials resolve(Path dataDirectory) {
        String token = System.getenv("STEVENS_DEMO_TOKEN");
        String password = System.getenv("STEVENS_DEMO_PASSWORD");
        if (notBlank(token) && notBlank(password)) {
            return new DemoCredentials(token, password, false);
        }
        Path file = dataDirectory.resolve("demo-credentials.properties");
        Properties stored = load(file);
        boolean generated = stored.isEmpty();
        if (generated) {
            stored.setProperty("token", ApiTokens.generate());
            stored.setProperty("password", randomPassword());
            save(stored, file);
        }
        return new DemoCredentials(
                notBlank(token) ? token : stored.getProperty("token"),
                notBlank(password) ? password : stored.getProperty("password"),
                generated);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void save(Properties properties, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "Stevens demo credentials, generated on first start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
