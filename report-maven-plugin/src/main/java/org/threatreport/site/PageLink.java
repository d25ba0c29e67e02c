package org.threatreport.site;

import java.util.List;
import org.threatreport.render.Heading;

/**
 * A chapter as the navigation shows it.
 *
 * @param title    the full title ("第二章 应急响应监测分析")
 * @param href     the page, relative to the version folder
 * @param sections the chapter's second-level headings
 */
public record PageLink(String title, String href, List<Heading> sections) {

    public PageLink {
        sections = List.copyOf(sections);
    }
}
