package org.threatreport.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole report as loaded: metadata, the abstract, the chapters in order, and every cell by id
 * (for numbering and cross-references across chapters).
 */
public record Report(ReportInfo info, Chapter abstractPage, List<Chapter> chapters, Map<String, CellPlace> cells) {

    /** A cell and the chapter it stands in. */
    public record CellPlace(Cell cell, Chapter chapter) {
    }

    public Report {
        chapters = List.copyOf(chapters);
        cells = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(cells));
    }

    public Optional<CellPlace> cell(String id) {
        return Optional.ofNullable(cells.get(id));
    }

    public Vocabulary vocabulary() {
        return Vocabulary.forLanguage(info.language());
    }
}
