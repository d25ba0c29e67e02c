package org.threatreport.data.sql;

import java.util.List;
import java.util.function.UnaryOperator;

/** DuckDB, embedded or over a database file: lists with lambdas, {@code regexp_full_match}. */
final class DuckDbDialect extends SqlDialect {

    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public String matches(String text, String regex) {
        return "regexp_full_match(" + text + ", " + literal(regex) + ")";
    }

    @Override
    public String parts(String cell, String separator, UnaryOperator<String> map) {
        return "list_distinct(list_transform(string_split(" + cell + ", " + literal(separator) + "), p -> "
                + map.apply("trim(p)") + "))";
    }

    @Override
    public String holdsAny(String cell, String separator, List<String> values) {
        return "list_has_any(list_transform(string_split(" + cell + ", " + literal(separator) + "), p -> trim(p)), ["
                + literals(values) + "])";
    }
}
