package org.threatreport.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers for UTF-8 text: what the CSV reader needs without decoding whole cells. */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    /** Reads 8 bytes at {@code at} as one little-endian long. */
    static long longAt(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * A hash of the bytes {@code from..to}: of their length and their first and last 8 bytes, so
     * that it costs the same for every cell (equal hashes are told apart by comparing the bytes).
     */
    static int hash(byte[] b, int from, int to) {
        int length = to - from;
        long h;
        if (length >= 8) {
            h = longAt(b, from) * 0x9E3779B97F4A7C15L + longAt(b, to - 8) * 0xC2B2AE3D27D4EB4FL;
        } else {
            long v = 0;
            for (int i = from, shift = 0; i < to; i++, shift += 8) {
                v |= (b[i] & 0xFFL) << shift;
            }
            h = v * 0x9E3779B97F4A7C15L;
        }
        h += length;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * A hash of every byte of {@code from..to}, 8 at a time, never 0 (0 stands for an empty cell):
     * for telling apart values that may differ anywhere, such as ids.
     */
    static int fullHash(byte[] b, int from, int to) {
        if (from == to) {
            return 0;
        }
        long h = to - from;
        int p = from;
        for (int last = to - 8; p <= last; p += 8) {
            h = (h ^ longAt(b, p)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; p < to; p++, shift += 8) {
            tail |= (b[p] & 0xFFL) << shift;
        }
        h = (h ^ tail) * 0xBF58476D1CE4E5B9L;
        int hash = (int) (h ^ (h >>> 32));
        return hash == 0 ? 1 : hash;
    }

    /**
     * The index of the first comma, line feed or carriage return in {@code from..to}, or {@code to}:
     * the end of an unquoted field, found 8 bytes at a time.
     */
    static int fieldEnd(byte[] b, int from, int to) {
        int p = from;
        for (int last = to - 8; p <= last; p += 8) {
            long w = longAt(b, p);
            long found = zeroBytes(w ^ 0x2C2C2C2C2C2C2C2CL) | zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL)
                    | zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DL);
            if (found != 0) {
                // The lowest flag of each term marks a real match (borrows only flag bytes above one).
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < to; p++) {
            byte c = b[p];
            if (c == ',' || c == '\n' || c == '\r') {
                return p;
            }
        }
        return to;
    }

    /** The high bit of every byte of {@code v} that is zero (and maybe of some bytes above the lowest one). */
    private static long zeroBytes(long v) {
        return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
    }

    /**
     * The cell {@code from..to} as a String. Malformed bytes become U+FFFD (as the String constructor
     * does); {@link #isValid} tells them apart from a real U+FFFD.
     */
    static String decode(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Whether {@code from..to} is well-formed UTF-8, by the rules of the JDK's decoder. */
    static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        for (int last = to - 8; i <= last && (longAt(b, i) & 0x8080808080808080L) == 0; ) {
            i += 8;
        }
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0;
                } else if (c == 0xED) {
                    max2 = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return false;
            }
            if (i + need >= to) {
                return false;
            }
            int c2 = b[i + 1] & 0xFF;
            if (c2 < min2 || c2 > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int ck = b[i + k] & 0xFF;
                if (ck < 0x80 || ck > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    /**
     * The number of UTF-16 code units (Java chars) the well-formed UTF-8 bytes {@code from..to}
     * decode to: the column arithmetic of error messages.
     */
    static int charCount(byte[] b, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x80 || c >= 0xC0) {
                count++;
                if (c >= 0xF0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The first index at or after {@code from} that does not start a whitespace character. */
    static int stripStart(byte[] b, int from, int to) {
        while (from < to) {
            int c = b[from] & 0xFF;
            if (c < 0x80) {
                if (!isAsciiWhitespace(c)) {
                    return from;
                }
                from++;
            } else if (c >= 0xE1 && c <= 0xE3 && from + 3 <= to && isWideWhitespace(b, from)) {
                from += 3;
            } else {
                return from;
            }
        }
        return from;
    }

    /** The end (exclusive) after removing whitespace characters before {@code to}. */
    static int stripEnd(byte[] b, int from, int to) {
        while (to > from) {
            int c = b[to - 1] & 0xFF;
            if (c < 0x80) {
                if (!isAsciiWhitespace(c)) {
                    return to;
                }
                to--;
            } else if (c <= 0xBF && to - 3 >= from && isWideWhitespace(b, to - 3)) {
                to -= 3;
            } else {
                return to;
            }
        }
        return to;
    }

    /** As {@link Character#isWhitespace} for the ASCII range. */
    static boolean isAsciiWhitespace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    /**
     * Whether the three bytes at {@code at} encode a whitespace character outside ASCII (U+1680,
     * U+2000–U+200A except U+2007, U+2028, U+2029, U+205F, U+3000: all of them are three bytes
     * starting with E1, E2 or E3).
     */
    private static boolean isWideWhitespace(byte[] b, int at) {
        int c0 = b[at] & 0xFF;
        int c1 = b[at + 1] & 0xFF;
        int c2 = b[at + 2] & 0xFF;
        if (c0 < 0xE1 || c0 > 0xE3 || (c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) {
            return false;
        }
        int cp = ((c0 & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
        return Character.isWhitespace(cp);
    }
}
