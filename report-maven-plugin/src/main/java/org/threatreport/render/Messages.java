package org.threatreport.render;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The site's UI strings from {@code messages_<language>.properties} (UTF-8). Later layers win
 * key by key: built-in English, the project's English, built-in language, the project's language —
 * so a report overrides just the strings it wants to change.
 */
public record Messages(Map<String, String> strings) {

    public Messages {
        strings = java.util.Collections.unmodifiableMap(new TreeMap<>(strings));
    }

    public static Messages load(TemplateSet templates, String language) throws IOException {
        Map<String, String> strings = new TreeMap<>();
        for (String name : List.of("messages_en.properties", "messages_" + language + ".properties")) {
            putAll(strings, templates.readBuiltIn(name));
            putAll(strings, templates.readOwn(name));
        }
        return new Messages(strings);
    }

    private static void putAll(Map<String, String> into, byte[] file) throws IOException {
        if (file == null) {
            return;
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(file, StandardCharsets.UTF_8)));
        properties.stringPropertyNames().forEach(key -> into.put(key, properties.getProperty(key)));
    }

    /** The string for {@code key}, or the key itself so a missing string shows instead of failing. */
    public String get(String key) {
        return strings.getOrDefault(key, key);
    }
}
