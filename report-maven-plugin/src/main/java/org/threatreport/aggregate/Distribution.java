package org.threatreport.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Counts per value (or group, or month, or year) of one column, in a fixed order: what {@code by},
 * {@code byGroup}, {@code months} and {@code byYear} return to templates, and what figures and tables draw.
 * Immutable: every method returns a new list. Templates can list it ({@code <#list d as e>}) and index it
 * ({@code d[0]}, {@code d.get(0)}): positions start at 0, as in every FreeMarker list, while an entry's
 * {@link Entry#rank() rank} starts at 1, as readers count ("第 1" / "the largest").
 */
public final class Distribution implements Iterable<Entry> {

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
        return entry -> entry.folded() ? Integer.MAX_VALUE : index.getOrDefault(entry.value(), Integer.MAX_VALUE);
    }

    /**
     * The {@code n} largest entries (ties: the earlier one), kept in this list's order, the rest
     * folded into one entry "其他" / "Other" ({@link Entry#folded()}): it counts the rows holding any of the
     * values folded, so that {@code top(n).count()} is {@code count()}. When a value of the list is itself
     * labelled "Other", the fold is labelled "Other (folded)".
     */
    public Distribution top(int n) {
        requirePositive(n, "top");
        if (n >= entries.size()) {
            return this;
        }
        java.util.Set<Integer> largest = new java.util.HashSet<>();
        java.util.stream.IntStream.range(0, entries.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> entries.get(i).count()).reversed())
                .limit(n).forEach(largest::add);
        List<Entry> kept = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (largest.contains(i)) {
                kept.add(entries.get(i));
            } else {
                rest.addAll(valuesOf(entries.get(i)));
            }
        }
        long restRows = rowsWithAny.applyAsLong(rest);
        boolean clash = entries.stream().anyMatch(e -> !e.folded() && e.label().equals(wording.other()));
        String label = clash ? wording.otherFolded() : wording.other();
        Share share = entries.isEmpty() ? Share.of(restRows, base) : entries.get(0).share();
        kept.add(new Entry(label, label, restRows, new Share(restRows, base, Share.DEFAULT_DECIMALS, share.minN(),
                share.wording()), 0, true));
        return new Distribution(kept, schemaOrder, base, wording, rowsWithAny, rest);
    }

    /** The values of the data an entry counts: its own, or for the fold those folded into it. */
    private List<String> valuesOf(Entry entry) {
        return entry.folded() ? folded : List.of(entry.value());
    }

    /** The same entries without those that count 0 (a fold included). */
    public Distribution nonZero() {
        return with(entries.stream().filter(e -> e.count() > 0).toList());
    }

    @Override
    public Iterator<Entry> iterator() {
        return entries.iterator();
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

    /** How many rows hold any of these entries' values (the fold: any of the values folded into it). */
    public long count() {
        List<String> counted = new ArrayList<>();
        for (Entry entry : entries) {
            counted.addAll(valuesOf(entry));
        }
        return rowsWithAny.applyAsLong(counted);
    }

    /** {@link #count()} as a share of all rows. */
    public Share share() {
        Share any = entries.isEmpty() ? Share.of(0, base) : entries.get(0).share();
        return new Share(count(), base, Share.DEFAULT_DECIMALS, any.minN(), any.wording());
    }

    public List<String> labels() {
        return entries.stream().map(Entry::label).toList();
    }

    public List<String> values() {
        return entries.stream().map(Entry::value).toList();
    }

    /** The entry at {@code index}, counting from 0 ({@code get(0)} is the first; its rank is 1). */
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
