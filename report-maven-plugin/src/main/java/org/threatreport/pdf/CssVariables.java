package org.threatreport.pdf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSS custom properties for the PDF's stylesheets, which the PDF's layout engine does not know: the
 * {@code --name: value} declarations of {@code :root} rules outside {@code @media} (the site's light
 * colours), later sheets winning, and {@code var(--name)} / {@code var(--name, fallback)} replaced by
 * their values before the sheets are laid out. So the site's accent colour is the PDF's too.
 */
final class CssVariables {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern ROOT_RULE = Pattern.compile(":root\\s*\\{([^}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("(--[A-Za-z0-9_-]+)\\s*:\\s*([^;]+?)\\s*(?:;|$)");
    private static final Pattern USE = Pattern.compile("var\\(\\s*(--[A-Za-z0-9_-]+)\\s*(?:,\\s*([^()]*(?:\\([^()]*\\)[^()]*)*))?\\)");
    /** A value may use other variables; this many rounds resolve any sensible nesting and stop cycles. */
    private static final int ROUNDS = 8;

    private final Map<String, String> values = new LinkedHashMap<>();

    static String withoutComments(String css) {
        return COMMENT.matcher(css).replaceAll("");
    }

    /** Takes the {@code :root} declarations of {@code css} outside {@code @media} blocks; later calls win. */
    CssVariables declare(String css) {
        String top = withoutMediaBlocks(COMMENT.matcher(css).replaceAll(""));
        Matcher rule = ROOT_RULE.matcher(top);
        while (rule.find()) {
            Matcher declaration = DECLARATION.matcher(rule.group(1));
            while (declaration.find()) {
                values.put(declaration.group(1), declaration.group(2).strip());
            }
        }
        return this;
    }

    CssVariables set(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** {@code css} with every {@code var()} replaced; an unknown variable without fallback becomes {@code initial}. */
    String resolve(String css) {
        String text = css;
        for (int round = 0; round < ROUNDS && text.contains("var("); round++) {
            text = USE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                    values.getOrDefault(m.group(1), m.group(2) == null ? "initial" : m.group(2).strip())));
        }
        return text;
    }

    /** The sheet with {@code @media …{…}} blocks removed (their braces balanced), for finding top-level rules. */
    private static String withoutMediaBlocks(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            int media = css.indexOf("@media", i);
            if (media < 0) {
                out.append(css, i, css.length());
                break;
            }
            out.append(css, i, media);
            int open = css.indexOf('{', media);
            if (open < 0) {
                break;
            }
            int depth = 1;
            int j = open + 1;
            while (j < css.length() && depth > 0) {
                char c = css.charAt(j++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            i = j;
        }
        return out.toString();
    }
}
