package org.threatreport.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Counts per value (or group, or month) of one column, in a fixed order: what {@code by},
 * {@code byGroup} and {@code months} return to templates, and what figures and tables draw.
 * Immutable: every method returns a new list.
 */
public final class Distribution {

    private final List<Entry> entries;
    private final List<String> schemaOrder;
    private final long base;
    private final Wording wording;
    private final ToLongFunction<List<String>> rowsWithAny;
    private final List<String> folded;

    /**
     * @param schemaOrder the values in the schema's order, for {@link #inSchemaOrder()}
     * @param base        the number of rows shares are taken of
     * @param rowsWithAny how many rows hold any of the given values: for multi-category columns
     *                    this is less than the sum of the values' counts
     */
    Distribution(List<Entry> entries, List<String> schemaOrder, long base, Wording wording,
                 ToLongFunction<List<String>> rowsWithAny) {
        this(entries, schemaOrder, base, wording, rowsWithAny, List.of());
    }

    private Distribution(List<Entry> entries, List<String> schemaOrder, long base, Wording wording,
                         ToLongFunction<List<String>> rowsWithAny, List<String> folded) {
        this.folded = List.copyOf(folded);
        this.entries = ranked(entries);
        this.schemaOrder = List.copyOf(schemaOrder);
        this.base = base;
        this.wording = wording;
        this.rowsWithAny = rowsWithAny;
    }

    private Distribution with(List<Entry> newEntries) {
        return new Distribution(newEntries, schemaOrder, base, wording, rowsWithAny, folded);
    }

    private static List<Entry> ranked(List<Entry> entries) {
        List<Entry> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ranked.add(entries.get(i).withRank(i + 1));
        }
        return List.copyOf(ranked);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The base of every share: the rows counted, not the values. */
    public long base() {
        return base;
    }

    /** Largest count first; ties keep the schema's order. */
    public Distribution byCount() {
        java.util.function.ToIntFunction<Entry> schemaIndex = schemaIndex();
        return with(entries.stream().sorted(Comparator.comparingLong(Entry::count).reversed()
                .thenComparingInt(schemaIndex)).toList());
    }

    public Distribution inSchemaOrder() {
        return with(entries.stream().sorted(Comparator.comparingInt(schemaIndex())).toList());
    }

    /** Each entry's place in the schema (values it does not list last), looked up by hash: a codebook may be long. */
    private java.util.function.ToIntFunction<Entry> schemaIndex() {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < schemaOrder.size(); i++) {
            index.putIfAbsent(schemaOrder.get(i), i);
        }
        return entry -> index.getOrDefault(entry.value(), Integer.MAX_VALUE);
    }

    /**
     * The {@code n} largest entries (ties: the earlier one), kept in this list's order, the rest
     * folded into one entry "其他" / "Other".
     */
    public Distribution top(int n) {
        requirePositive(n, "top");
        if (n >= entries.size()) {
            return this;
        }
        java.util.Set<Entry> largest = new java.util.HashSet<>(entries.stream()
                .sorted(Comparator.comparingLong(Entry::count).reversed()).limit(n).toList());
        List<Entry> kept = entries.stream().filter(largest::contains).collect(java.util.stream.Collectors.toList());
        List<String> rest = entries.stream().filter(e -> !largest.contains(e)).map(Entry::value).toList();
        long restRows = rowsWithAny.applyAsLong(rest);
        kept.add(new Entry(wording.other(), wording.other(), restRows, Share.of(restRows, base), 0));
        return new Distribution(kept, schemaOrder, base, wording, rowsWithAny, rest);
    }

    /** The first {@code n} entries, without folding the rest. */
    public Distribution head(int n) {
        requirePositive(n, "head");
        return slice(0, n);
    }

    /** Entries {@code from} (inclusive, 0-based) to {@code to} (exclusive), like a list's subList. */
    public Distribution slice(int from, int to) {
        int start = Math.max(0, Math.min(from, entries.size()));
        int end = Math.max(start, Math.min(to, entries.size()));
        return with(entries.subList(start, end));
    }

    /** How many rows hold any of these entries' values. */
    public long count() {
        List<String> counted = new ArrayList<>();
        for (String value : values()) {
            if (value.equals(wording.other()) && !folded.isEmpty()) {
                counted.addAll(folded);
            } else {
                counted.add(value);
            }
        }
        return rowsWithAny.applyAsLong(counted);
    }

    /** {@link #count()} as a share of all rows. */
    public Share share() {
        return Share.of(count(), base);
    }

    public List<String> labels() {
        return entries.stream().map(Entry::label).toList();
    }

    public List<String> values() {
        return entries.stream().map(Entry::value).toList();
    }

    public Entry get(int index) {
        if (index < 0 || index >= entries.size()) {
            throw new IllegalArgumentException("get(" + index + "): this list has " + entries.size()
                    + " entries, numbered 0 to " + (entries.size() - 1));
        }
        return entries.get(index);
    }

    public Entry first() {
        return get(0);
    }

    public Entry last() {
        return get(entries.size() - 1);
    }

    /** The entry with the most rows; the first in order on a tie. */
    public Entry max() {
        return entries.stream().reduce((a, b) -> b.count() > a.count() ? b : a).orElseThrow(this::empty);
    }

    /** The entry with the fewest rows; the first in order on a tie. */
    public Entry min() {
        return entries.stream().reduce((a, b) -> b.count() < a.count() ? b : a).orElseThrow(this::empty);
    }

    private IllegalArgumentException empty() {
        return new IllegalArgumentException("this list of counts is empty");
    }

    private static void requirePositive(int n, String method) {
        if (n < 1) {
            throw new IllegalArgumentException(method + "(" + n + "): expected 1 or more");
        }
    }

    @Override
    public String toString() {
        return String.join(wording.separator(), entries.stream().map(e -> e.label() + " " + e.count()).toList());
    }
}
