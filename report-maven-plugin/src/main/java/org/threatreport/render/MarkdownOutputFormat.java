package org.threatreport.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker's output format for chapters: every interpolated value is escaped for Markdown, so a
 * value from the data (a category label, a summary) is always text and never becomes markup.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markdown> {

    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    /** Characters that could start Markdown or HTML syntax inside a line. */
    private static final String SPECIAL = "\\`*_[]<>&|~#";

    private MarkdownOutputFormat() {
    }

    /** A piece of Markdown produced by a template. */
    static final class Markdown extends CommonTemplateMarkupOutputModel<Markdown> {
        Markdown(String plainText, String markup) {
            super(plainText, markup);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    /** A value that would start a list, a quote or a setext heading if it stood at the start of a line. */
    private static final java.util.regex.Pattern BLOCK_START =
            java.util.regex.Pattern.compile("(?m)^(\\s{0,3})([-+=]|\\d{1,9}(?=[.)](\\s|$)))");

    @Override
    public String escapePlainText(String text) {
        return BLOCK_START.matcher(escapeInline(text)).replaceAll(m -> {
            String marker = m.group(2);
            // The marker is escaped, so the value stays text even at the start of a line.
            return java.util.regex.Matcher.quoteReplacement(m.group(1)
                    + (Character.isDigit(marker.charAt(0)) ? marker + "\\" : "\\" + marker));
        });
    }

    private static String escapeInline(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append('\\');
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public void output(String text, Writer out) throws IOException {
        out.write(escapePlainText(text));
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markdown newTemplateMarkupOutputModel(String plainText, String markup) {
        return new Markdown(plainText, markup);
    }
}
