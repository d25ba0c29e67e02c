package org.threatreport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/** {@code @fig-…} and {@code @tbl-…} references in chapter text, checked against the report's cells. */
public final class CrossReferences {

    /** A reference: not preceded by a letter or digit, so e-mail addresses are left alone. */
    public static final Pattern REFERENCE = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@((?:fig|tbl)-[a-z0-9][a-z0-9-]*[a-z0-9])");

    private CrossReferences() {
    }

    static void check(Report report, Problems problems) {
        List<Chapter> pages = new ArrayList<>(report.chapters());
        if (report.abstractPage() != null) {
            pages.add(0, report.abstractPage());
        }
        for (Chapter chapter : pages) {
            String[] lines = chapter.template().split("\n", -1);
            boolean inCode = false;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].stripLeading().startsWith("```")) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                Matcher reference = REFERENCE.matcher(lines[i]);
                while (reference.find()) {
                    String id = reference.group(1);
                    if (report.cell(id).isEmpty()) {
                        problems.error(chapter.file(), i + 1, reference.start() + 1, "no figure or table has id '" + id + "'"
                                + Suggestions.didYouMean(id, report.cells().keySet()));
                    }
                }
            }
        }
    }
}
