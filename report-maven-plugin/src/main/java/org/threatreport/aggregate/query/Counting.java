package org.threatreport.aggregate.query;

/**
 * The loops that visit every selected row: counting value codes, months and pairs of codes.
 * In a fresh JVM a loop over a million rows runs interpreted (10–20 ms) until the JIT has compiled
 * it, and a loop inside a large method is compiled later; so the loops are few and small, and values
 * and months share one. {@code rows} is the selection, or null for every row of the codes.
 */
final class Counting {

    private Counting() {
    }

    /** How many rows hold each code of a category column (-1, an empty cell, is not counted). */
    static long[] values(int[] codes, int[] rows, int values) {
        return count(codes, rows, 0, values);
    }

    /** How many rows hold each code of a multi-category column (a row's codes are distinct). */
    static long[] values(int[][] codes, int[] rows, int values) {
        long[] counts = new long[values];
        int size = rows == null ? codes.length : rows.length;
        for (int i = 0; i < size; i++) {
            for (int code : codes[rows == null ? i : rows[i]]) {
                counts[code]++;
            }
        }
        return counts;
    }

    /** Rows per month {@code first .. first + 11}, month codes being {@code year * 12 + month - 1}. */
    static long[] months(int[] codes, int[] rows, int first) {
        return count(codes, rows, first, 12);
    }

    /** Per row {@code codes[row] - offset}, counted where it is in {@code 0 .. n - 1}: values and months. */
    static long[] count(int[] codes, int[] rows, int offset, int n) {
        long[] counts = new long[n];
        int size = rows == null ? codes.length : rows.length;
        for (int i = 0; i < size; i++) {
            int code = codes[rows == null ? i : rows[i]] - offset;
            if (code >= 0 && code < n) {
                counts[code]++;
            }
        }
        return counts;
    }

    /**
     * Rows per pair of codes of two category columns: {@code result[a * width + b]} for code
     * {@code a} of the first and {@code b} of the second; rows with an empty cell are not counted.
     */
    static long[] pairs(int[] first, int[] second, int width, int[] rows, int values) {
        long[] counts = new long[values * width];
        int size = rows == null ? first.length : rows.length;
        for (int i = 0; i < size; i++) {
            int row = rows == null ? i : rows[i];
            int a = first[row];
            int b = second[row];
            if (a >= 0 && b >= 0) {
                counts[a * width + b]++;
            }
        }
        return counts;
    }
}
