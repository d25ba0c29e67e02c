package org.threatreport.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.InputException;
import org.threatreport.render.Engines;
import org.threatreport.render.Messages;
import org.threatreport.render.TemplateSet;

/**
 * The site template's layouts, ready to lay out a page or a part of one: every page of the site —
 * a version's, and the site root's — is made by a layout, so a report's own template can change any
 * of them. Every layout gets the UI strings as {@code msg}, and {@code versionLabel(version)}: a version as
 * readers see it (a {@code -SNAPSHOT} one as a draft). Thread-safe.
 */
public final class SiteLayouts {

    private final TemplateSet templates;
    private final Messages messages;
    private final Engines engines;
    private final VersionLabel versionLabel;

    public SiteLayouts(TemplateSet templates, Messages messages, Engines engines) {
        this.templates = templates;
        this.messages = messages;
        this.engines = engines;
        this.versionLabel = new VersionLabel(messages);
    }

    /** The layouts of the template in {@code templateDir} (over the built-in ones), in {@code language}. */
    public static SiteLayouts of(Path templateDir, String language) throws IOException {
        TemplateSet templates = new TemplateSet(templateDir);
        return new SiteLayouts(templates, Messages.load(templates, language),
                new Engines(Locale.forLanguageTag(language), templates.loader()));
    }

    public Messages messages() {
        return messages;
    }

    public TemplateSet templates() {
        return templates;
    }

    public Engines engines() {
        return engines;
    }

    /** Lays out {@code model} with the layout {@code name}; a mistake in the layout is located in its file. */
    public String render(String name, Map<String, Object> model) throws InputException, IOException {
        Map<String, Object> withStrings = new HashMap<>(model);
        withStrings.putIfAbsent("msg", messages.strings());
        withStrings.putIfAbsent("versionLabel", versionLabel);
        return engines.layout(name, withStrings, templates, RenderLimits.DEFAULT);
    }
}
