package org.threatreport.data;

import java.util.Arrays;

/**
 * An open-addressing map from byte sequences to the numbers 0, 1, 2 … in the order they were
 * added: finds a cell's value without making a String of it. The keys are copied in.
 */
final class ByteDict {

    private int[] slots = new int[64];
    private int[] hashes = new int[16];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private byte[] keys = new byte[256];
    private int keysUsed;
    private int size;

    int size() {
        return size;
    }

    /** The number of the key {@code from..to} of {@code b}, whose {@link Utf8#hash} is {@code hash}; or -1. */
    int find(byte[] b, int from, int to, int hash) {
        int mask = slots.length - 1;
        int length = to - from;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (hashes[entry] == hash && lengths[entry] == length
                    && Arrays.equals(keys, starts[entry], starts[entry] + length, b, from, to)) {
                return entry;
            }
        }
    }

    /** Adds a key that {@link #find} did not find; returns its number. */
    int add(byte[] b, int from, int to, int hash) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int length = to - from;
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        if (keysUsed + length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + length));
        }
        System.arraycopy(b, from, keys, keysUsed, length);
        hashes[size] = hash;
        starts[size] = keysUsed;
        lengths[size] = length;
        keysUsed += length;
        place(size);
        return size++;
    }

    private void place(int entry) {
        int mask = slots.length - 1;
        int slot = mix(hashes[entry]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        for (int entry = 0; entry < size; entry++) {
            place(entry);
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
