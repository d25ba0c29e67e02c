package org.threatreport.render;

import freemarker.core.Environment;
import freemarker.core.TemplateFormatUtil;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The number format of chapters: counts print with the language's digit grouping ({@code 1,938});
 * every other number as FreeMarker's "computer" format prints it ({@code 2017}, {@code 29.6}). The
 * aggregation API returns every count, and only counts, as a Java {@code long}: so a year ({@code int}),
 * a rank or a size never gets a separator, nor does the result of arithmetic (a decimal), which a
 * template can format itself ({@code ?string(",##0")}).
 */
final class CountFormat extends TemplateNumberFormatFactory {

    static final String NAME = "counts";
    static final CountFormat INSTANCE = new CountFormat();

    private CountFormat() {
    }

    @Override
    public TemplateNumberFormat get(String params, Locale locale, Environment env) throws TemplateValueFormatException {
        TemplateFormatUtil.checkHasNoParameters(params);
        return new Format(locale, env.getCTemplateNumberFormat());
    }

    private static final class Format extends TemplateNumberFormat {
        private final NumberFormat grouped;
        private final TemplateNumberFormat computer;

        Format(Locale locale, TemplateNumberFormat computer) {
            this.grouped = NumberFormat.getIntegerInstance(locale);
            this.computer = computer;
        }

        @Override
        public String formatToPlainText(TemplateNumberModel model) throws TemplateValueFormatException,
                TemplateModelException {
            Number number = TemplateFormatUtil.getNonNullNumber(model);
            if (number instanceof Long count) {
                synchronized (grouped) {
                    return grouped.format(count.longValue());
                }
            }
            return computer.formatToPlainText(model);
        }

        @Override
        public boolean isLocaleBound() {
            return true;
        }

        @Override
        public String getDescription() {
            return "counts grouped, other numbers as computers write them";
        }
    }
}
