package org.threatreport.aggregate;

/**
 * One line of a count: a value (or group, or month, or year), how many rows have it, and their share.
 *
 * @param value  what the data holds: a value, a group's name, {@code yyyy-MM}, {@code yyyy}; for the
 *               folded rest of a list, its label
 * @param label  what readers see
 * @param rank   1 for the first entry of the list it came from (as readers count; positions in a list,
 *               {@code get(0)}, start at 0)
 * @param folded whether this is the entry a list's {@code top(n)} folded the rest into — never a value of
 *               the data, even when one is labelled alike
 */
public record Entry(String value, String label, long count, Share share, int rank, boolean folded)
        implements NoTextForm {

    public Entry(String value, String label, long count, Share share, int rank) {
        this(value, label, count, share, rank, false);
    }

    Entry withRank(int newRank) {
        return new Entry(value, label, count, share, newRank, folded);
    }

    Entry withLabel(String newLabel) {
        return new Entry(value, newLabel, count, share, rank, folded);
    }

    @Override
    public String whatToWrite() {
        return "an entry of a list has no text of its own: print its .label(), .count() or .share()";
    }
}
