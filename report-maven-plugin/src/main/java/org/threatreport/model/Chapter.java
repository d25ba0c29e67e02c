package org.threatreport.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A page of the report: a chapter, or the abstract shown on the home page.
 *
 * @param slug        the page name without extension, from the file name ({@code 02-monitoring})
 * @param numberLabel "第二章" / "Chapter 2", or empty for unnumbered chapters
 * @param template    the chapter's text as FreeMarker source: front matter blanked and each cell
 *                    replaced by a {@code ```cell <id>} placeholder, keeping every line where it
 *                    was so template errors name the file's own line numbers
 * @param cells       the chapter's cells, in order
 */
public record Chapter(String slug, Path file, String title, String numberLabel, String template,
                      List<Cell> cells) {

    public Chapter {
        cells = List.copyOf(cells);
    }

    /** The same page with {@code newCells} (the same cells, rendered). */
    public Chapter withCells(List<Cell> newCells) {
        return new Chapter(slug, file, title, numberLabel, template, newCells);
    }

    public String pageName() {
        return slug + ".html";
    }

    /** "第二章 应急响应监测分析", or the title alone. */
    public String fullTitle() {
        return numberLabel.isEmpty() ? title : numberLabel + " " + title;
    }
}
