package dev.stevens.ingest.email;

import dev.stevens.support.security.HouseholdCaller;
import dev.stevens.support.web.StevensHttpProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes a raw RFC 822 message, as a mail relay or a forwarding rule posts it, for the calling
 * household. A 202 means Kafka has stored what the email teaches.
 */
@RestController
class EmailController {

    static final String PATH = "/api/v1/email";

    record Accepted(List<UUID> eventIds, UUID household) {}

    private final EmailIntake intake;
    private final long maxBytes;

    EmailController(EmailIntake intake, StevensHttpProperties http) {
        this.intake = intake;
        this.maxBytes = http.maxBodySize().toBytes();
    }

    @PostMapping(
            path = PATH,
            consumes = {"message/rfc822", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted receive(@AuthenticationPrincipal HouseholdCaller caller, HttpServletRequest request)
            throws IOException {
        byte[] raw = readLimited(request.getInputStream());
        if (raw.length == 0) {
            throw new UnreadableEmailException("The body is empty; post a raw RFC 822 message.");
        }
        return new Accepted(intake.accept(caller.household(), raw), caller.household());
    }

    /**
     * The shared body-size filter checks declared lengths; a chunked body has none, so the limit is
     * enforced here while reading as well.
     */
    private byte[] readLimited(InputStream in) throws IOException {
        byte[] raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (raw.length > maxBytes) {
            throw new EmailTooLargeException(maxBytes);
        }
        return raw;
    }

    static class EmailTooLargeException extends RuntimeException {
        EmailTooLargeException(long maxBytes) {
            super("The request body is larger than the limit of " + maxBytes + " bytes.");
        }
    }
}
