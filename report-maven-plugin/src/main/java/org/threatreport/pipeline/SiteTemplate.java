package org.threatreport.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.render.Engines;
import org.threatreport.render.Messages;
import org.threatreport.render.TemplateProblems;
import org.threatreport.render.TemplateSet;
import org.threatreport.site.SiteLayouts;

/**
 * The site template of a build, read once: its files, the UI strings of the report's language, the
 * template engines, and the project's own layouts (each checked, also those no page uses yet).
 */
record SiteTemplate(SiteLayouts layouts, List<Path> ownLayouts) {

    TemplateSet templates() {
        return layouts.templates();
    }

    Messages messages() {
        return layouts.messages();
    }

    Engines engines() {
        return layouts.engines();
    }

    static SiteTemplate read(Path dir, String language, Problems problems) throws IOException {
        TemplateSet templates = new TemplateSet(dir);
        Messages messages;
        try {
            messages = Messages.load(templates, language);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(dir, "a messages_*.properties file cannot be read: " + e.getMessage()));
            messages = new Messages(Map.of());
        }
        Engines engines = new Engines(Locale.forLanguageTag(language), templates.loader());
        return new SiteTemplate(new SiteLayouts(templates, messages, engines),
                checkLayouts(dir, templates, engines, problems));
    }

    /** Parses every layout of the project's own template, reporting mistakes: a layout is checked before a page uses it. */
    private static List<Path> checkLayouts(Path dir, TemplateSet templates, Engines engines, Problems problems)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> layouts;
        try (Stream<Path> files = Files.walk(dir)) {
            layouts = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(ftlh|ftl|ftlx|ftlmd)$")).sorted().toList();
        }
        for (Path layout : layouts) {
            String name = dir.relativize(layout).toString().replace('\\', '/');
            try {
                engines.layouts().getTemplate(name);
            } catch (IOException e) {
                problems.add(TemplateProblems.ofLayoutLoading(templates, e).orElseGet(() ->
                        Problem.error(layout, "cannot be read: " + e.getMessage())));
            }
        }
        return layouts;
    }
}
