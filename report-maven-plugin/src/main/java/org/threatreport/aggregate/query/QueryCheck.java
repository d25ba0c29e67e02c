package org.threatreport.aggregate.query;

import java.math.BigDecimal;
import java.util.List;
import org.threatreport.data.ColumnSpec;
import org.threatreport.data.ColumnType;
import org.threatreport.data.Schema;
import org.threatreport.diagnostic.Suggestions;

/**
 * Whether a query can be answered from a table with {@code schema}: its columns exist and have types its
 * period, filters, groupings and measure work on, and the values it names are the codebook's. Each
 * mistake is an {@link IllegalArgumentException} whose message an editor can act on, naming the valid
 * choices.
 */
public final class QueryCheck {

    private QueryCheck() {
    }

    /** @throws IllegalArgumentException for the first mistake of {@code query} */
    public static void check(Query query, Schema schema) {
        if (query.period() instanceof Period.YearSpan span) {
            ColumnSpec spec = column(schema, span.column());
            if (!spec.type().isTemporal()) {
                throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type().keyword()
                        + "; a period of years needs a date or year-month column");
            }
        }
        filter(schema, query.filter());
        for (Exclusion exclusion : query.exclusions()) {
            values(column(schema, exclusion.column()), exclusion.values());
        }
        for (Grouping grouping : query.groupings()) {
            grouping(schema, grouping);
        }
        Measure measure = query.measure();
        if (measure.column() != null) {
            numeric(column(schema, measure.column()), measureName(measure));
        }
    }

    /** The column {@code name} of {@code schema}. */
    public static ColumnSpec column(Schema schema, String name) {
        return schema.column(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown column '" + name + "' of table '" + schema.table() + "'"
                        + Suggestions.didYouMean(name, schema.columnNames())
                        + "; its columns are " + String.join(", ", schema.columnNames())));
    }

    /** A category or multi-category column, for counting per value. */
    public static ColumnSpec categorical(Schema schema, String name) {
        ColumnSpec spec = column(schema, name);
        if (!spec.type().isCategorical()) {
            throw new IllegalArgumentException("column '" + name + "' is " + spec.type().keyword()
                    + "; counting per value needs a category or multi-category column");
        }
        return spec;
    }

    /** An integer or decimal column, for {@code what} ("a median"). */
    public static ColumnSpec numeric(ColumnSpec spec, String what) {
        if (!spec.isNumeric()) {
            throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type().keyword() + "; "
                    + what + " needs an integer or decimal column");
        }
        return spec;
    }

    private static String measureName(Measure measure) {
        if (measure instanceof Measure.Sum) {
            return "a sum";
        }
        if (measure instanceof Measure.Mean) {
            return "a mean";
        }
        if (measure instanceof Measure.Min) {
            return "a minimum";
        }
        if (measure instanceof Measure.Max) {
            return "a maximum";
        }
        return ((Measure.Percentile) measure).percent().compareTo(Measure.Percentile.MEDIAN) == 0
                ? "a median" : "a percentile";
    }

    private static void grouping(Schema schema, Grouping grouping) {
        if (grouping instanceof Grouping.Values) {
            categorical(schema, grouping.column());
        } else if (grouping instanceof Grouping.Groups) {
            ColumnSpec spec = categorical(schema, grouping.column());
            if (spec.groups().isEmpty()) {
                throw new IllegalArgumentException("column '" + spec.name() + "' has no groups: give its values a"
                        + " 'group' in " + schema.schemaFile().getFileName());
            }
        } else if (grouping instanceof Grouping.Months || grouping instanceof Grouping.Years) {
            ColumnSpec spec = column(schema, grouping.column());
            if (!spec.type().isTemporal()) {
                throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type().keyword() + "; a count per "
                        + (grouping instanceof Grouping.Months ? "month" : "year") + " needs a date or year-month column");
            }
        } else {
            numeric(column(schema, grouping.column()), "a histogram");
        }
    }

    private static void filter(Schema schema, Filter filter) {
        if (filter instanceof Filter.And and) {
            and.filters().forEach(f -> filter(schema, f));
        } else if (filter instanceof Filter.Not not) {
            filter(schema, not.filter());
        } else if (filter instanceof Filter.In in) {
            values(column(schema, in.column()), in.values());
        } else {
            Filter.Range range = (Filter.Range) filter;
            ColumnSpec spec = column(schema, range.column());
            if (!spec.isOrdered()) {
                throw new IllegalArgumentException("column '" + spec.name() + "' is " + spec.type().keyword()
                        + "; only number and date columns take a range ('from', 'to')");
            }
            for (String bound : java.util.Arrays.asList(range.from(), range.to())) {
                if (bound != null) {
                    value(spec, bound);
                }
            }
        }
    }

    private static void values(ColumnSpec spec, List<String> values) {
        for (String value : values) {
            value(spec, value);
        }
    }

    /** Whether {@code value} is something a filter of {@code spec}'s column can name. */
    private static void value(ColumnSpec spec, String value) {
        if (spec.type().isCategorical()) {
            List<String> allowed = spec.valuesAndGroups();
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("unknown value '" + value + "' of column '" + spec.name() + "'"
                        + Suggestions.didYouMean(value, allowed) + "; expected one of: " + String.join(", ", allowed));
            }
        } else if (spec.type().isTemporal()) {
            if (Dates.parse(value) == null) {
                throw new IllegalArgumentException("'" + value + "' is not a period of column '" + spec.name()
                        + "'; expected a year, a month or a day: 2017, 2017-03 or 2017-03-15");
            }
        } else if (spec.isNumeric()) {
            try {
                BigDecimal number = new BigDecimal(value.strip());
                if (spec.type() == ColumnType.INTEGER && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number; column '" + spec.name() + "' is "
                        + spec.type().keyword());
            }
        } else if (spec.type() == ColumnType.BOOLEAN && !value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is not a value of boolean column '" + spec.name()
                    + "'; expected true or false");
        }
    }
}
