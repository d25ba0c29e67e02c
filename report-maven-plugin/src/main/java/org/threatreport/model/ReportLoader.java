package org.threatreport.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.threatreport.data.DataSet;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.LocatedYaml;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Problems;
import org.threatreport.diagnostic.Suggestions;

/**
 * Reads {@code content/}: {@code report.yaml}, the abstract {@code index.md} and the chapters
 * ({@code *.md} in file-name order), parsing every cell and numbering figures and tables across the
 * report. Reports the problems of every file together.
 */
public final class ReportLoader {

    static final String REPORT_FILE = "report.yaml";
    static final String ABSTRACT_FILE = "index.md";
    /** The editor-written part of the corrections log: a page of its own, not a chapter. */
    public static final String CORRECTIONS_FILE = "corrections.md";
    private static final List<String> REPORT_KEYS = List.of(
            "title", "subtitle", "organisation", "date", "year", "language", "keywords", "description", "min-n");
    private static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final List<String> FRONT_MATTER_KEYS = List.of("title", "numbered");

    private final Problems problems;
    private final DataSet data;

    private ReportLoader(DataSet data, Problems problems) {
        this.data = data;
        this.problems = problems;
    }

    /**
     * Reads only {@code report.yaml}: the data stage needs the report's year before chapters can be checked.
     *
     * @return the report's metadata, or null when {@code report.yaml} has mistakes (reported to {@code problems})
     */
    public static ReportInfo readInfo(Path contentDir, String version, Problems problems) {
        ReportLoader loader = new ReportLoader(null, new Problems());
        try {
            ReportInfo info = loader.info(contentDir, version);
            problems.addAll(loader.problems);
            return info;
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /**
     * Reads the abstract and the chapters, reporting every problem of every file to {@code problems}:
     * a chapter whose front matter is wrong is left out, a wrong cell stays a placeholder.
     *
     * @return the report, or null when {@code contentDir} cannot be listed
     */
    public static Report load(Path contentDir, ReportInfo info, DataSet data, Problems problems) {
        ReportLoader loader = new ReportLoader(data, new Problems());
        try {
            return loader.chapters(contentDir, info);
        } catch (InputException e) {
            loader.problems.addAll(e.problems());
            return null;
        } finally {
            problems.addAll(loader.problems);
        }
    }

    /**
     * Reads an optional page of {@code content/} that is not a chapter, such as {@code corrections.md}:
     * Markdown with inline values and an optional front matter {@code title}, but no figures or tables.
     *
     * @return the page, or null when the file does not exist or has mistakes (reported to {@code problems})
     */
    public static Chapter page(Path contentDir, String fileName, String defaultTitle, ReportInfo info, DataSet data,
                               Problems problems) {
        Path file = contentDir.resolve(fileName);
        if (!Files.exists(file)) {
            return null;
        }
        ReportLoader loader = new ReportLoader(data, problems);
        CellParser cells = new CellParser(data, Vocabulary.forLanguage(info.language()), info.year(), problems);
        Chapter page = loader.chapter(file, fileName.substring(0, fileName.length() - 3), cells, defaultTitle,
                ignored -> "");
        if (page != null && !page.cells().isEmpty()) {
            problems.error(file, page.cells().get(0).line(), 1, "a figure or table cannot stand in "
                    + fileName + ": put it in a chapter and refer to it with @" + page.cells().get(0).id());
            return null;
        }
        return page;
    }

    private ReportInfo info(Path contentDir, String version) throws InputException {
        Path file = contentDir.resolve(REPORT_FILE);
        LocatedYaml yaml = LocatedYaml.parse(file, read(file, "the report's metadata: title, date, year, language"), 1);
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw InputException.of(yaml.problemAt("", "expected a mapping with title, date, year and language"));
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!REPORT_KEYS.contains(key)) {
                problems.add(yaml.keyProblemAt("/" + key, "unknown key '" + key + "'" + Suggestions.didYouMean(key, REPORT_KEYS)
                        + "; expected one of " + String.join(", ", REPORT_KEYS)));
            }
        }
        String title = required(yaml, "title");
        LocalDate date = date(yaml);
        int year = yaml.wholeNumberAt("/year", 1900, 2200, date == null ? 0 : date.getYear(),
                "is the year the data covers (e.g. 2017)", problems);
        String language = root.path("language").asText("zh-CN");
        if (!LANGUAGES.contains(language)) {
            problems.add(yaml.problemAt("/language", "unsupported language '" + language + "'"
                    + Suggestions.didYouMean(language, LANGUAGES) + "; expected one of " + String.join(", ", LANGUAGES)));
        }
        List<String> keywords = new ArrayList<>();
        root.path("keywords").forEach(k -> keywords.add(k.asText()));
        int minN = root.path("min-n").asInt(0);
        if (root.has("min-n") && (!root.get("min-n").canConvertToInt() || minN < 0)) {
            problems.add(yaml.problemAt("/min-n", "'min-n' is the fewest rows a share is printed from as a"
                    + " percentage: expected a whole number, e.g. 30"));
        }
        problems.throwIfAny();
        return new ReportInfo(title, root.path("subtitle").asText(""), root.path("organisation").asText(""),
                date, year, language, keywords, root.path("description").asText(""), version, minN);
    }

    private String required(LocatedYaml yaml, String key) {
        String value = yaml.root().path(key).asText("");
        if (value.isBlank()) {
            problems.add(yaml.problemAt("", "'" + key + "' is required"));
        }
        return value;
    }

    private LocalDate date(LocatedYaml yaml) {
        String text = required(yaml, "date");
        try {
            return text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(yaml.problemAt("/date", "'" + text + "' is not a date; expected yyyy-MM-dd, e.g. 2018-08-13"));
            return null;
        }
    }

    private Report chapters(Path contentDir, ReportInfo info) throws InputException {
        Vocabulary words = Vocabulary.forLanguage(info.language());
        CellParser cells = new CellParser(data, words, info.year(), problems);
        Chapter abstractPage = null;
        Path abstractFile = contentDir.resolve(ABSTRACT_FILE);
        if (Files.exists(abstractFile)) {
            abstractPage = chapter(abstractFile, "index", cells, info.title(), ignored -> "");
        }
        List<Chapter> chapters = new ArrayList<>();
        int[] numbered = {0};
        for (Path file : chapterFiles(contentDir)) {
            String name = file.getFileName().toString();
            Chapter chapter = chapter(file, name.substring(0, name.length() - 3), cells, null,
                    isNumbered -> isNumbered ? words.chapterLabel(++numbered[0]) : "");
            if (chapter != null) {
                chapters.add(chapter);
            }
        }
        if (chapters.isEmpty() && problems.isEmpty()) {
            problems.error(contentDir, 0, 0, "no chapters: write each chapter as content/NN-name.md");
        }
        Map<String, Report.CellPlace> byId = new LinkedHashMap<>();
        for (Chapter chapter : abstractPage == null ? chapters : concat(abstractPage, chapters)) {
            for (Cell cell : chapter.cells()) {
                Report.CellPlace earlier = byId.putIfAbsent(cell.id(), new Report.CellPlace(cell, chapter));
                if (earlier != null) {
                    problems.error(cell.file(), cell.line(), 1, "id '" + cell.id() + "' is already used by the cell at "
                            + earlier.cell().file().getFileName() + ":" + earlier.cell().line());
                }
            }
        }
        Report report = new Report(info, abstractPage, chapters, byId);
        CrossReferences.check(report, cells.declaredIds(), problems);
        return report;
    }

    private static List<Chapter> concat(Chapter first, List<Chapter> rest) {
        List<Chapter> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The parts of a chapter's front matter. */
    private record FrontMatter(String title, boolean numbered) {
    }

    /**
     * Null when the file has problems (they are collected).
     *
     * @param numberLabel given whether the chapter is numbered, its label ("第二章" or "")
     */
    private Chapter chapter(Path file, String slug, CellParser cells, String defaultTitle,
                            java.util.function.Function<Boolean, String> numberLabel) {
        String text;
        try {
            text = read(file, "a chapter");
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
        String[] lines = text.split("\n", -1);
        FrontMatter front = frontMatter(file, lines, defaultTitle);
        // Cells are checked even when the front matter is wrong, so one build reports both.
        MarkdownSyntax.TooDeep tooDeep = MarkdownSyntax.tooDeep(text);
        if (tooDeep != null) {
            problems.error(file, tooDeep.line(), 1, tooDeep.reason());
            return null;
        }
        List<Cell> found = cells.extract(file, lines);
        if (front == null) {
            return null;
        }
        return new Chapter(slug, file, front.title(), numberLabel.apply(front.numbered()),
                String.join("\n", lines), found);
    }

    /** Reads and blanks the front matter lines; null when it is wrong (problems collected). */
    private FrontMatter frontMatter(Path file, String[] lines, String defaultTitle) {
        String title = "";
        boolean numbered = true;
        int end = -1;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                problems.error(file, 1, 1, "the front matter opened here is never closed with a line '---'");
                return null;
            }
        }
        if (end > 0) {
            String yamlText = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
            try {
                LocatedYaml yaml = LocatedYaml.parse(file, yamlText, 2);
                for (Iterator<String> keys = yaml.root().fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!FRONT_MATTER_KEYS.contains(key)) {
                        problems.add(yaml.keyProblemAt("/" + key, "unknown front matter key '" + key + "'"
                                + Suggestions.didYouMean(key, FRONT_MATTER_KEYS) + "; expected one of "
                                + String.join(", ", FRONT_MATTER_KEYS)));
                    }
                }
                title = yaml.root().path("title").asText("");
                numbered = yaml.booleanAt("/numbered", true, problems);
            } catch (InputException e) {
                problems.addAll(e.problems());
                return null;
            }
            for (int i = 0; i <= end; i++) {
                lines[i] = "";
            }
        }
        if (title.isBlank()) {
            if (defaultTitle == null) {
                problems.error(file, 1, 1, "the chapter has no title: start it with a front matter"
                        + " '---', 'title: …', '---'");
                return null;
            }
            title = defaultTitle;
        }
        return new FrontMatter(title, numbered);
    }

    private static List<Path> chapterFiles(Path contentDir) throws InputException {
        try (Stream<Path> files = Files.list(contentDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals(ABSTRACT_FILE))
                    .filter(f -> !f.getFileName().toString().equals(CORRECTIONS_FILE))
                    .sorted().toList();
        } catch (IOException e) {
            throw InputException.of(Problem.error(contentDir, "cannot be listed: " + e.getMessage()));
        }
    }

    private static String read(Path file, String what) throws InputException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        } catch (NoSuchFileException e) {
            throw InputException.of(Problem.error(file, "is missing; it holds " + what));
        } catch (IOException e) {
            throw InputException.of(Problem.error(file, "cannot be read as UTF-8 text: " + e.getMessage()));
        }
    }
}
