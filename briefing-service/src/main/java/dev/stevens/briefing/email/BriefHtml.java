package dev.stevens.briefing.email;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of a brief email, made from the plain text: paragraphs at blank lines, bullet lines
 * ("- ") as a list, a short line standing alone before content as a heading. Every piece of text is
 * HTML-escaped, so a memory can never inject markup.
 */
final class BriefHtml {

    private BriefHtml() {}

    static String of(String text) {
        StringBuilder html =
                new StringBuilder(
                        "<!DOCTYPE html><html><body style=\"font-family:Georgia,serif;"
                                + "line-height:1.5\">\n");
        for (String block : text.strip().split("\\n\\s*\\n")) {
            block(html, block.lines().toList());
        }
        return html.append("</body></html>\n").toString();
    }

    private static void block(StringBuilder html, List<String> lines) {
        List<String> paragraph = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("- ")) {
                flush(html, paragraph);
                items.add(line.substring(2));
            } else if (line.startsWith("  ") && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + "\n" + line.strip());
            } else {
                list(html, items);
                paragraph.add(line);
            }
        }
        flush(html, paragraph);
        list(html, items);
    }

    private static void flush(StringBuilder html, List<String> paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        html.append("<p>");
        html.append(String.join("<br>\n", paragraph.stream().map(HtmlUtils::htmlEscape).toList()));
        html.append("</p>\n");
        paragraph.clear();
    }

    private static void list(StringBuilder html, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul>\n");
        for (String item : items) {
            html.append("<li>")
                    .append(HtmlUtils.htmlEscape(item).replace("\n", "<br>\n"))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
        items.clear();
    }
}
