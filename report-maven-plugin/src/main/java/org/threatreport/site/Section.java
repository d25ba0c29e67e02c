package org.threatreport.site;

import java.util.ArrayList;
import java.util.List;
import org.threatreport.render.Heading;

/**
 * A section of a chapter as its contents list it: a second-level heading with the third-level ones
 * under it, so that the lists nest as the chapter does (and a phone numbers its sections 1, 2, 3 …).
 */
public record Section(String id, String text, List<Section> children) {

    public Section {
        children = List.copyOf(children);
    }

    /** The sections of a chapter from its headings in order; a third-level heading before any second-level one stands alone. */
    static List<Section> of(List<Heading> headings) {
        List<Section> sections = new ArrayList<>();
        List<Heading> tops = new ArrayList<>();
        List<List<Section>> children = new ArrayList<>();
        for (Heading heading : headings) {
            if (heading.level() == 2 || (heading.level() == 3 && tops.isEmpty())) {
                tops.add(heading);
                children.add(new ArrayList<>());
            } else if (heading.level() == 3) {
                children.get(children.size() - 1).add(new Section(heading.id(), heading.text(), List.of()));
            }
        }
        for (int i = 0; i < tops.size(); i++) {
            sections.add(new Section(tops.get(i).id(), tops.get(i).text(), children.get(i)));
        }
        return sections;
    }
}
