package org.threatreport.render;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The site's UI strings from {@code messages_<language>.properties} in the template set (UTF-8),
 * the built-in English file filling any key the chosen language lacks.
 */
public record Messages(Map<String, String> strings) {

    public Messages {
        strings = java.util.Collections.unmodifiableMap(new TreeMap<>(strings));
    }

    public static Messages load(TemplateSet templates, String language) throws IOException {
        Map<String, String> strings = new TreeMap<>();
        putAll(strings, templates.read("messages_en.properties"));
        putAll(strings, templates.read("messages_" + language + ".properties"));
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
