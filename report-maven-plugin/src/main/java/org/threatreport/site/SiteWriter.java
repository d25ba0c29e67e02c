package org.threatreport.site;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threatreport.data.LoadedTable;
import org.threatreport.diagnostic.InputException;
import org.threatreport.model.Report;
import org.threatreport.render.Engines;
import org.threatreport.render.Messages;
import org.threatreport.render.RenderedChapter;
import org.threatreport.render.TemplateProblems;
import org.threatreport.render.TemplateSet;

/**
 * Lays out the pages of one version of the report with the site template's layouts, and collects
 * every file of the version folder (pages, figures, data downloads, assets) by relative path.
 */
public final class SiteWriter {

    private final Engines engines;
    private final TemplateSet templates;
    private final Messages messages;

    public SiteWriter(Engines engines, TemplateSet templates, Messages messages) {
        this.engines = engines;
        this.templates = templates;
        this.messages = messages;
    }

    /**
     * @param abstractPage the rendered {@code index.md}, or null
     * @param figureFiles  every cell's files, by path
     * @param tables       the data tables, offered as downloads
     */
    public Map<String, byte[]> pages(Report report, RenderedChapter abstractPage, List<RenderedChapter> chapters,
                                     Map<String, byte[]> figureFiles, List<LoadedTable> tables)
            throws InputException, IOException {
        Map<String, byte[]> files = new TreeMap<>(templates.assets());
        files.putAll(figureFiles);
        List<Download> downloads = new ArrayList<>();
        for (LoadedTable table : tables) {
            String name = "data/" + table.schema().dataFile().getFileName();
            files.put(name, Files.readAllBytes(table.schema().dataFile()));
            downloads.add(new Download(table.schema().labels().getOrDefault(
                    report.info().isChinese() ? "zh" : "en", table.name()), name));
        }
        List<PageLink> links = chapters.stream().map(c -> new PageLink(c.chapter().fullTitle(),
                c.chapter().pageName(), c.headings().stream().filter(h -> h.level() == 2).toList())).toList();
        Map<String, Object> common = new HashMap<>();
        common.put("report", report.info());
        common.put("chapters", links);
        common.put("msg", messages.strings());
        common.put("downloads", downloads);

        Map<String, Object> index = new HashMap<>(common);
        index.put("abstractHtml", abstractPage == null ? "" : abstractPage.html());
        index.put("currentPage", "index.html");
        files.put("index.html", layout("index.ftlh", index));
        for (int i = 0; i < chapters.size(); i++) {
            RenderedChapter chapter = chapters.get(i);
            Map<String, Object> page = new HashMap<>(common);
            page.put("chapter", links.get(i));
            page.put("bodyHtml", chapter.html());
            page.put("headings", chapter.headings().stream().filter(h -> h.level() >= 2 && h.level() <= 3).toList());
            page.put("previous", i > 0 ? links.get(i - 1) : null);
            page.put("next", i + 1 < chapters.size() ? links.get(i + 1) : null);
            page.put("currentPage", chapter.chapter().pageName());
            files.put(chapter.chapter().pageName(), layout("chapter.ftlh", page));
        }
        return files;
    }

    private byte[] layout(String name, Map<String, Object> model) throws InputException, IOException {
        try {
            Template template = engines.layouts().getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TemplateException e) {
            throw InputException.of(TemplateProblems.ofLayout(templates, e));
        }
    }

}
