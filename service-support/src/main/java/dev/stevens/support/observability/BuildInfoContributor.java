package dev.stevens.support.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code /actuator/info} names the service and the Stevens build it runs. All modules are released
 * together with one version, so the version Maven filtered into service-support's resources is the
 * build version of every service (and of the launcher that runs all three in one JVM).
 */
class BuildInfoContributor implements InfoContributor {

    static final String RESOURCE = "META-INF/stevens-build.properties";

    private final String service;
    private final Map<String, String> build;

    BuildInfoContributor(String service) {
        this.service = service;
        this.build = load();
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("service", service).withDetail("build", build);
    }

    private static Map<String, String> load() {
        var properties = new Properties();
        try (InputStream in =
                BuildInfoContributor.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> build = new LinkedHashMap<>();
        build.put("version", properties.getProperty("version", "unknown"));
        build.put("time", properties.getProperty("time", "unknown"));
        return build;
    }
}
