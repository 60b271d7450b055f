package dev.stevens.briefing.email;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The brief by email. The SMTP server itself is Spring Mail's {@code spring.mail.*} (host, port,
 * username, password from the environment); without {@code spring.mail.host} email deliveries are
 * recorded as skipped.
 *
 * @param from the sender, e.g. {@code Stevens <stevens@example.org>}
 * @param subjectPrefix put before the day in the subject line
 */
@Validated
@ConfigurationProperties("stevens.email")
public record EmailProperties(
        @DefaultValue("Stevens <stevens@localhost>") @NotBlank String from,
        @DefaultValue("Your brief for") @NotBlank String subjectPrefix) {}
