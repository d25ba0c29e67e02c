package org.threatreport.data.sql;

import java.util.List;
import java.util.function.UnaryOperator;

/** PostgreSQL (and engines speaking its dialect): arrays from {@code string_to_array}, regular expressions with {@code ~}. */
final class PostgresDialect extends SqlDialect {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String doubleLiteral(double value) {
        return "CAST(" + literal(Double.toString(value)) + " AS DOUBLE PRECISION)";
    }

    @Override
    public String toText(String expression) {
        return "CAST(" + expression + " AS TEXT)";
    }

    @Override
    public String matches(String text, String regex) {
        return "(" + text + " ~ " + literal("^(?:" + regex + ")$") + ")";
    }

    @Override
    public String parts(String cell, String separator, UnaryOperator<String> map) {
        return "ARRAY(SELECT DISTINCT " + map.apply("btrim(p.v)") + " FROM unnest(string_to_array(" + cell + ", "
                + literal(separator) + ")) AS p(v))";
    }

    @Override
    public String holdsAny(String cell, String separator, List<String> values) {
        return "EXISTS (SELECT 1 FROM unnest(string_to_array(" + cell + ", " + literal(separator) + ")) AS p(v)"
                + " WHERE btrim(p.v) IN (" + literals(values) + "))";
    }

    @Override
    public String unnest(String array, String alias) {
        return "CROSS JOIN LATERAL unnest(" + array + ") AS " + alias + "(v)";
    }
}
