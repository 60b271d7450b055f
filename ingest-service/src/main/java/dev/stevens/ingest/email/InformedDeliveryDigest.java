package dev.stevens.ingest.email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads a USPS Informed Delivery daily digest: the scanned mail pieces (images whose alt text says
 * "Scanned image of your mail piece", identified by their {@code mailpieceId}) and the packages
 * (blocks with a "Tracking Number"), each with the sender ("FROM: …") where the digest names one. A
 * piece that comes with ride-along content ("Learn More", "Sponsored") is a mail campaign, i.e. an
 * advertisement.
 */
final class InformedDeliveryDigest {

    static final String SENDER = "uspsinformeddelivery@email.informeddelivery.usps.com";

    enum Kind {
        MAIL,
        PACKAGE
    }

    /**
     * @param id the piece's identifier in the digest (mailpiece id or tracking number)
     * @param from who sent it, if the digest says
     * @param day the delivery day
     */
    record Item(Kind kind, String id, String from, LocalDate day, boolean advertisement) {}

    private static final Pattern SUBJECT_DAY =
            Pattern.compile("(?i)daily digest for \\w+,? (\\d{1,2})/(\\d{1,2})");
    private static final Pattern MAILPIECE_ALT =
            Pattern.compile("(?i)scanned image of your mail ?piece");
    private static final Pattern TRACKING_LABEL = Pattern.compile("(?i)tracking (number|#)");
    private static final Pattern TRACKING =
            Pattern.compile("(?i)tracking (?:number|#)\\s*:?\\s*([A-Z0-9]{10,35})");
    private static final Pattern FROM =
            Pattern.compile("(?i)\\bfrom\\s*:\\s*([^\\n]+?)\\s*(?:\\n|$)");
    private static final Pattern EXPECTED =
            Pattern.compile("(?i)expected delivery[a-z ]*:?\\s*(?:[a-z]+,\\s*)?([a-z]+ \\d{1,2})");
    private static final Pattern ADVERTISING =
            Pattern.compile("(?i)learn more|sponsored|ride-?along|advertis");

    private static final int MAX_CARD_DEPTH = 6;
    private static final int MAX_CARD_TEXT = 600;

    private InformedDeliveryDigest() {}

    static boolean isFromUsps(ParsedEmail email) {
        return SENDER.equalsIgnoreCase(email.from()) && email.html() != null;
    }

    /** The digest's items; empty when the structure is not recognised. */
    static List<Item> items(ParsedEmail email, ZoneId zone) {
        var document = Jsoup.parse(email.html());
        LocalDate digestDay = digestDay(email, zone);
        List<Item> items = new ArrayList<>();
        Predicate<Element> isMailpiece =
                e -> e.nameIs("img") && MAILPIECE_ALT.matcher(e.attr("alt")).find();
        Predicate<Element> isPackage = e -> TRACKING_LABEL.matcher(e.ownText()).find();
        Predicate<Element> isPiece = isMailpiece.or(isPackage);
        for (Element image : document.select("img")) {
            if (!isMailpiece.test(image)) {
                continue;
            }
            Element block = block(image, isPiece);
            String blockText = EmailParser.htmlToText(block.outerHtml());
            boolean advertisement =
                    ADVERTISING.matcher(blockText).find()
                            || !block.select("img[alt~=(?i)ride-?along]").isEmpty();
            items.add(
                    new Item(
                            Kind.MAIL,
                            mailpieceId(image),
                            from(blockText),
                            digestDay,
                            advertisement));
        }
        for (Element label : document.getElementsMatchingOwnText(TRACKING_LABEL)) {
            Element block = block(label, isPiece);
            String blockText = EmailParser.htmlToText(block.outerHtml());
            Matcher tracking = TRACKING.matcher(blockText.replace('\n', ' '));
            if (!tracking.find()) {
                continue;
            }
            String number = tracking.group(1).toUpperCase(Locale.ROOT);
            if (items.stream().anyMatch(i -> i.kind() == Kind.PACKAGE && i.id().equals(number))) {
                continue;
            }
            items.add(
                    new Item(
                            Kind.PACKAGE,
                            number,
                            from(blockText),
                            expected(blockText, digestDay).orElse(digestDay),
                            false));
        }
        return items;
    }

    /**
     * The piece's "card": the largest nearby ancestor that holds no other piece. Climbing stops
     * early on large blocks, so a digest with a single piece does not read its header and footer
     * ("Learn more about Informed Delivery") as the piece's own.
     */
    private static Element block(Element element, Predicate<Element> isPiece) {
        Element block = element;
        for (int level = 0; level < MAX_CARD_DEPTH; level++) {
            Element parent = block.parent();
            if (parent == null
                    || parent.nameIs("body")
                    || parent.text().length() > MAX_CARD_TEXT
                    || parent.getAllElements().stream().filter(isPiece).count() > 1) {
                break;
            }
            block = parent;
        }
        return block;
    }

    private static String mailpieceId(Element image) {
        String src = image.attr("src");
        try {
            String query = URI.create(src.replace(" ", "%20")).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.toLowerCase(Locale.ROOT).startsWith("mailpieceid=")) {
                        return pair.substring(pair.indexOf('=') + 1);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // not a URI: fall through to a hash of the source
        }
        if (!image.id().isBlank()) {
            return image.id();
        }
        return sha256(src).substring(0, 32);
    }

    private static String from(String blockText) {
        Matcher from = FROM.matcher(blockText);
        return from.find() ? from.group(1).strip() : null;
    }

    private static Optional<LocalDate> expected(String blockText, LocalDate digestDay) {
        Matcher expected = EXPECTED.matcher(blockText.replace('\n', ' '));
        if (!expected.find()) {
            return Optional.empty();
        }
        try {
            var monthDay =
                    MonthDay.parse(
                            expected.group(1),
                            DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
            return Optional.of(nearest(monthDay, digestDay));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "Tue, 11/25" carries no year: take the one closest to when the digest was sent. */
    private static LocalDate digestDay(ParsedEmail email, ZoneId zone) {
        LocalDate sent =
                email.sentAt() == null
                        ? LocalDate.now(zone)
                        : email.sentAt().atZone(zone).toLocalDate();
        Matcher day = SUBJECT_DAY.matcher(email.subject());
        if (!day.find()) {
            return sent;
        }
        try {
            var monthDay =
                    MonthDay.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)));
            return nearest(monthDay, sent);
        } catch (java.time.DateTimeException e) {
            return sent;
        }
    }

    private static LocalDate nearest(MonthDay monthDay, LocalDate around) {
        LocalDate best = monthDay.atYear(around.getYear());
        for (int delta : new int[] {-1, 1}) {
            LocalDate candidate = monthDay.atYear(around.getYear() + delta);
            if (Math.abs(candidate.toEpochDay() - around.toEpochDay())
                    < Math.abs(best.toEpochDay() - around.toEpochDay())) {
                best = candidate;
            }
        }
        return best;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
