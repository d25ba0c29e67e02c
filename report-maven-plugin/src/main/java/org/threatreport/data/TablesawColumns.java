package org.threatreport.data;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ShortOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2ObjectOpenHashMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * Builds Tablesaw columns from whole arrays instead of cell by cell. A dictionary-coded string
 * column is given the dictionary that appending its cells one by one would have built (keys in order
 * of first appearance, the missing value under Tablesaw's key for it), so it behaves the same.
 */
final class TablesawColumns {

    /** Tablesaw's first key of a byte / short dictionary (its counter starts one below and pre-increments). */
    private static final int BYTE_FIRST_KEY = Byte.MIN_VALUE + 1;
    private static final int SHORT_FIRST_KEY = Short.MIN_VALUE + 1;
    /** The keys Tablesaw gives the missing value. */
    private static final byte BYTE_MISSING_KEY = Byte.MAX_VALUE;
    private static final short SHORT_MISSING_KEY = Short.MAX_VALUE;
    /** How many distinct values fit a byte / short dictionary before Tablesaw promotes it. */
    private static final int BYTE_CAPACITY = Byte.MAX_VALUE - BYTE_FIRST_KEY;
    private static final int SHORT_CAPACITY = Short.MAX_VALUE - SHORT_FIRST_KEY;

    private TablesawColumns() {
    }

    /**
     * Initialises Tablesaw's column classes. Tablesaw's column types refer to each other while they
     * initialise, so two threads making the first columns of a JVM at once can deadlock; the reader
     * calls this on one thread (while the others parse) before it builds columns in parallel.
     */
    static void initialise() {
        StringColumn.create("-").append("-").appendMissing();
        DateColumn.create("-").appendMissing();
        LongColumn.create("-").appendMissing();
        DoubleColumn.create("-").appendMissing();
        BooleanColumn.create("-").appendMissing();
        java.util.Objects.requireNonNull(tech.tablesaw.api.ColumnType.STRING);
    }

    /**
     * A string column whose row {@code r} holds {@code values[codes[r]]}, or is missing where
     * {@code codes[r] < 0}.
     */
    static StringColumn strings(String name, int[] codes, String[] values) {
        int[] keyOf = new int[values.length];
        java.util.Arrays.fill(keyOf, -1);
        // The values (and the missing value, as -1) in order of first appearance: the order in which
        // appending would have put them into Tablesaw's hash maps, which decides their iteration order.
        int[] order = new int[values.length + 1];
        int distinct = 0;
        int seen = 0;
        boolean missing = false;
        for (int code : codes) {
            if (code < 0) {
                if (!missing) {
                    missing = true;
                    order[seen++] = -1;
                }
            } else if (keyOf[code] < 0) {
                keyOf[code] = distinct++;
                order[seen++] = code;
            }
        }
        order = java.util.Arrays.copyOf(order, seen);
        if (distinct <= BYTE_CAPACITY) {
            return byteDictionary(name, codes, values, keyOf, order, distinct);
        }
        if (distinct <= SHORT_CAPACITY) {
            return shortDictionary(name, codes, values, keyOf, order, distinct);
        }
        StringColumn column = StringColumn.create(name);
        for (int code : codes) {
            if (code < 0) {
                column.appendMissing();
            } else {
                column.append(values[code]);
            }
        }
        return column;
    }

    private static StringColumn byteDictionary(String name, int[] codes, String[] values, int[] keyOf, int[] order,
                                               int distinct) {
        byte[] keys = new byte[codes.length];
        int[] counts = new int[distinct];
        int missingCount = 0;
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            if (code < 0) {
                keys[r] = BYTE_MISSING_KEY;
                missingCount++;
            } else {
                int k = keyOf[code];
                keys[r] = (byte) (BYTE_FIRST_KEY + k);
                counts[k]++;
            }
        }
        Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
        Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
        valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
        keyToCount.defaultReturnValue(0);
        for (int code : order) {
            if (code < 0) {
                keyToValue.put(BYTE_MISSING_KEY, "");
                valueToKey.put("", BYTE_MISSING_KEY);
                keyToCount.put(BYTE_MISSING_KEY, missingCount);
            } else {
                int k = keyOf[code];
                byte key = (byte) (BYTE_FIRST_KEY + k);
                keyToValue.put(key, values[code]);
                valueToKey.put(values[code], key);
                keyToCount.put(key, counts[k]);
            }
        }
        ByteDictionaryMap map = new ByteDictionaryMap.ByteDictionaryBuilder()
                .setValues(keys)
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setNextIndex(BYTE_FIRST_KEY - 1 + distinct)
                .build();
        return StringColumn.createInternal(name, map);
    }

    private static StringColumn shortDictionary(String name, int[] codes, String[] values, int[] keyOf, int[] order,
                                                int distinct) {
        short[] keys = new short[codes.length];
        int[] counts = new int[distinct];
        int missingCount = 0;
        for (int r = 0; r < codes.length; r++) {
            int code = codes[r];
            if (code < 0) {
                keys[r] = SHORT_MISSING_KEY;
                missingCount++;
            } else {
                int k = keyOf[code];
                keys[r] = (short) (SHORT_FIRST_KEY + k);
                counts[k]++;
            }
        }
        Short2ObjectOpenHashMap<String> keyToValue = new Short2ObjectOpenHashMap<>();
        Object2ShortOpenHashMap<String> valueToKey = new Object2ShortOpenHashMap<>();
        valueToKey.defaultReturnValue(Short.MIN_VALUE);
        Short2IntOpenHashMap keyToCount = new Short2IntOpenHashMap();
        keyToCount.defaultReturnValue(0);
        for (int code : order) {
            if (code < 0) {
                keyToValue.put(SHORT_MISSING_KEY, "");
                valueToKey.put("", SHORT_MISSING_KEY);
                keyToCount.put(SHORT_MISSING_KEY, missingCount);
            } else {
                int k = keyOf[code];
                short key = (short) (SHORT_FIRST_KEY + k);
                keyToValue.put(key, values[code]);
                valueToKey.put(values[code], key);
                keyToCount.put(key, counts[k]);
            }
        }
        ShortDictionaryMap map = new ShortDictionaryMap.ShortDictionaryBuilder()
                .setValues(keys)
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setNextIndex(SHORT_FIRST_KEY - 1 + distinct)
                .build();
        return StringColumn.createInternal(name, map);
    }

    /**
     * A string column of texts (null: missing), as appending them one by one would make it: a byte or
     * short dictionary while the distinct texts fit one; when they outgrow it, Tablesaw keeps the
     * texts without a dictionary if more than half of the rows so far were distinct (ids, free text),
     * else an int dictionary.
     */
    static StringColumn texts(String name, String[] texts, int rows) {
        java.util.HashMap<String, Integer> codeOf = new java.util.HashMap<>();
        java.util.List<String> values = new java.util.ArrayList<>();
        int[] codes = new int[rows];
        boolean missing = false;
        for (int r = 0; r < rows; r++) {
            String text = texts[r];
            if (text == null) {
                codes[r] = -1;
                missing = true;
                continue;
            }
            Integer code = codeOf.get(text);
            if (code == null) {
                if (values.size() == SHORT_CAPACITY) {
                    return outgrown(name, texts, rows, r, missing);
                }
                code = values.size();
                codeOf.put(text, code);
                values.add(text);
            }
            codes[r] = code;
        }
        return strings(name, codes, values.toArray(new String[0]));
    }

    /** The texts outgrew a short dictionary at row {@code row}: Tablesaw's promotion rule decides. */
    private static StringColumn outgrown(String name, String[] texts, int rows, int row, boolean missing) {
        int unique = SHORT_CAPACITY + (missing ? 1 : 0);
        if (unique > row * 0.5) {
            NullDictionaryMap map = new NullDictionaryMap(new ByteDictionaryMap());
            for (int r = 0; r < rows; r++) {
                if (texts[r] == null) {
                    map.appendMissing();
                } else {
                    appendText(map, texts[r]);
                }
            }
            return StringColumn.createInternal(name, map);
        }
        StringColumn column = StringColumn.create(name);
        for (int r = 0; r < rows; r++) {
            if (texts[r] == null) {
                column.appendMissing();
            } else {
                column.append(texts[r]);
            }
        }
        return column;
    }

    private static void appendText(NullDictionaryMap map, String text) {
        try {
            map.append(text);
        } catch (tech.tablesaw.columns.strings.NoKeysAvailableException e) {
            throw new IllegalStateException("a column without a dictionary has no keys to run out of", e);
        }
    }

    /** A date column from packed dates ({@link ColumnCells.Dates#pack}, or Tablesaw's missing value). */
    static DateColumn dates(String name, int[] packed) {
        return DateColumn.createInternal(name, packed);
    }

    /** A long, double or boolean column of parsed values (null: missing). */
    static Column<?> values(ColumnSpec spec, Object[] values, int rows) {
        Column<?> column = switch (spec.type()) {
            case INTEGER -> LongColumn.create(spec.name());
            case DECIMAL -> DoubleColumn.create(spec.name());
            default -> BooleanColumn.create(spec.name());
        };
        for (int r = 0; r < rows; r++) {
            Object value = values[r];
            if (value == null) {
                column.appendMissing();
            } else if (value instanceof Long l) {
                ((LongColumn) column).append(l);
            } else if (value instanceof Double d) {
                ((DoubleColumn) column).append(d);
            } else {
                ((BooleanColumn) column).append((Boolean) value);
            }
        }
        return column;
    }
}
