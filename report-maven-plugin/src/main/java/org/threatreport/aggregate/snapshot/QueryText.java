package org.threatreport.aggregate.snapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.threatreport.aggregate.query.Exclusion;
import org.threatreport.aggregate.query.Filter;
import org.threatreport.aggregate.query.Grouping;
import org.threatreport.aggregate.query.Measure;
import org.threatreport.aggregate.query.Period;
import org.threatreport.aggregate.query.Query;

/**
 * A query in words, for the message that a snapshot has no answer to it: "the median of dwell_days of
 * incidents in 2017 where industry is Finance, per value of actor".
 */
final class QueryText {

    private QueryText() {
    }

    static String of(Query query) {
        StringBuilder text = new StringBuilder(measure(query.measure())).append(" of ").append(query.table());
        text.append(period(query.period()));
        if (!query.filter().equals(Filter.NONE)) {
            text.append(" where ").append(filter(query.filter()));
        }
        for (Exclusion exclusion : query.exclusions()) {
            text.append(" excluding ").append(exclusion.column()).append(' ').append(String.join(", ", exclusion.values()));
        }
        for (Grouping grouping : query.groupings()) {
            text.append(", ").append(grouping(grouping));
        }
        return text.toString();
    }

    private static String measure(Measure measure) {
        if (measure instanceof Measure.Count) {
            return "the number of rows";
        }
        String name = measure instanceof Measure.Percentile p
                ? (p.percent().compareTo(Measure.Percentile.MEDIAN) == 0 ? "median" : "percentile " + p.percent().toPlainString())
                : measure.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return "the " + name + " of " + measure.column();
    }

    private static String period(Period period) {
        if (period instanceof Period.YearSpan span) {
            return span.isOneYear() ? " in " + span.first() : " in " + span.first() + "–" + span.last();
        }
        return " of every year";
    }

    private static String filter(Filter filter) {
        if (filter instanceof Filter.In in) {
            return in.column() + " is " + String.join(" or ", in.values());
        }
        if (filter instanceof Filter.Range range) {
            return range.column() + (range.from() == null ? "" : " from " + range.from())
                    + (range.to() == null ? "" : " to " + range.to());
        }
        if (filter instanceof Filter.Not not) {
            return "not (" + filter(not.filter()) + ")";
        }
        return ((Filter.And) filter).filters().stream().map(QueryText::filter).collect(Collectors.joining(" and "));
    }

    private static String grouping(Grouping grouping) {
        if (grouping instanceof Grouping.Bins bins) {
            return "in bins of " + bins.column() + " (" + edges(bins.edges()) + ")";
        }
        String per = grouping instanceof Grouping.Values ? "value" : grouping instanceof Grouping.Groups ? "group"
                : grouping instanceof Grouping.Months ? "month" : "year";
        return "per " + per + " of " + grouping.column();
    }

    private static String edges(List<BigDecimal> edges) {
        return edges.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
    }
}
