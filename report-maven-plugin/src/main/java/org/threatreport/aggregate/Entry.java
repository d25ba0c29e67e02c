package org.threatreport.aggregate;

/**
 * One line of a count: a value (or group, or month), how many rows have it, and their share.
 *
 * @param value what the data holds (for a folded rest, the "other" label)
 * @param label what readers see
 * @param rank  1 for the first entry of the list it came from
 */
public record Entry(String value, String label, long count, Share share, int rank) {

    Entry withRank(int newRank) {
        return new Entry(value, label, count, share, newRank);
    }
}
