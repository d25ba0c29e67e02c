package org.threatreport.preview;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.threatreport.config.BuildOptions;
import org.threatreport.render.TemplateSet;

/**
 * What a set of changed files asks a rebuild to redo, decided by where each file is:
 * <ul>
 *   <li>a chapter ({@code content/*.md}): read the content again, re-render the chapters whose text,
 *       cells, numbering or references changed;</li>
 *   <li>a data file ({@code data/*}): read the data again, re-render what reads a changed table;</li>
 *   <li>a cell layout ({@code cell.ftlh}, {@code cell-table.ftlh}): re-render the chapters with cells;</li>
 *   <li>a page layout ({@code *.ftlh}) or an asset: lay the pages out again;</li>
 *   <li>{@code report.yaml}, UI strings, the chart theme or fonts, or anything unknown: build everything.</li>
 * </ul>
 * Files no build reads (editor backups, notes) change nothing.
 */
record Changes(boolean everything, boolean content, boolean data, boolean cellTemplates, boolean pageTemplates,
               boolean assets, Set<Path> files) {

    private static final Set<String> CELL_TEMPLATES = Set.of("cell.ftlh", "cell-table.ftlh");

    static Changes of(Collection<Path> changed, BuildOptions options) {
        boolean everything = false;
        boolean content = false;
        boolean data = false;
        boolean cellTemplates = false;
        boolean pageTemplates = false;
        boolean assets = false;
        Set<Path> files = new TreeSet<>();
        Path contentDir = normal(options.contentDir());
        Path dataDir = normal(options.dataDir());
        Path templateDir = normal(options.templateDir());
        TemplateSet builtIn = new TemplateSet(templateDir);
        for (Path path : changed) {
            Path file = normal(path);
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            if (SourceWatcher.isScratch(name)) {
                continue;
            }
            if (file.startsWith(templateDir) && !file.equals(templateDir)) {
                String template = templateDir.relativize(file).toString().replace('\\', '/');
                if (template.startsWith("assets/")) {
                    assets = true;
                } else if (CELL_TEMPLATES.contains(template)) {
                    cellTemplates = true;
                } else if (template.matches("[^/]+\\.ftlh?") && isBuiltIn(builtIn, template)) {
                    pageTemplates = true;
                } else if (template.matches("(?i)[^/]+\\.(md|txt)")) {
                    continue; // notes about the template; no build reads them
                } else {
                    everything = true; // UI strings, chart theme, fonts, or a partial some layout includes
                }
            } else if (file.startsWith(contentDir) && !file.equals(contentDir)) {
                boolean top = file.getParent().equals(contentDir);
                if (top && name.equals("report.yaml")) {
                    everything = true;
                } else if (top && name.endsWith(".md")) {
                    content = true;
                } else {
                    continue; // not part of the report (notes, pictures the chapters do not use)
                }
            } else if (file.startsWith(dataDir) && !file.equals(dataDir)) {
                data = true;
            } else {
                everything = true;
            }
            files.add(file);
        }
        return new Changes(everything, content, data, cellTemplates, pageTemplates, assets, files);
    }

    private static boolean isBuiltIn(TemplateSet templates, String name) {
        try {
            return templates.readBuiltIn(name) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** Whether the layouts FreeMarker has cached may be stale. */
    boolean templates() {
        return cellTemplates || pageTemplates;
    }
}
