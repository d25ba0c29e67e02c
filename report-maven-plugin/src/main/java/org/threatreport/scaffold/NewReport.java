package org.threatreport.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.threatreport.diagnostic.Suggestions;

/**
 * A new report project, as {@code new} makes it: where, its title, organisation, the year its data
 * covers and its language (which picks the example texts), and the plugin version its POM uses.
 * Validated when built; {@link #settle} fills in what was not given, by asking or by default.
 *
 * @param folder       the folder to create (it must not exist, or be empty)
 * @param artifactId   the POM's artifactId, made from the folder's name
 * @param date         the publication date written into {@code report.yaml}
 */
public record NewReport(Path folder, String title, String organisation, int year, String language,
                        String groupId, String artifactId, LocalDate date, Plugin plugin) {

    /** The languages the example texts are written in. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final String DEFAULT_GROUP_ID = "org.example.reports";
    private static final Pattern MAVEN_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final int MAX_ASKS = 3;

    /** The plugin the new project's POM names, at the version that made it. */
    public record Plugin(String groupId, String artifactId, String version) {

        public Plugin {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
        }
    }

    /** The values given as properties, each null when not given. */
    public record Given(String folder, String title, String organisation, String year, String language,
                        String groupId) {
    }

    public NewReport {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(plugin, "plugin");
        List<String> mistakes = new ArrayList<>();
        checkTitle("report.title", title).ifPresent(mistakes::add);
        checkText("report.organisation", organisation).ifPresent(mistakes::add);
        if (year < 1900 || year > 2999) {
            mistakes.add("report.year " + year + " is not a year the data can cover: use four digits, e.g. " + (date.getYear() - 1));
        }
        checkLanguage(language).ifPresent(mistakes::add);
        if (groupId == null || !MAVEN_ID.matcher(groupId).matches()) {
            mistakes.add("report.groupId '" + groupId + "' is not a Maven group id: use letters, digits, '.', '-' and '_', e.g. "
                    + DEFAULT_GROUP_ID);
        }
        if (artifactId == null || !MAVEN_ID.matcher(artifactId).matches()) {
            mistakes.add("the artifactId '" + artifactId + "' is not a Maven artifact id");
        }
        if (!mistakes.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", mistakes));
        }
    }

    /**
     * Completes what was given: a value not given is asked for when {@code prompt} is not null (with
     * its default offered; an unusable answer is explained and asked again), else takes its default.
     * A given value that cannot be used is a mistake, never asked again.
     *
     * @param workingDir where a relative folder is made
     * @param today      the publication date, and the default year's reference (the year before)
     * @throws ScaffoldException every mistake of the given values, or an answer unusable three times
     * @throws IOException       when the prompt cannot read an answer
     */
    public static NewReport settle(Given given, Prompt prompt, Path workingDir, LocalDate today, Plugin plugin)
            throws ScaffoldException, IOException {
        List<String> mistakes = new ArrayList<>();
        check(given.language(), v -> checkLanguage(canonicalLanguage(v)), mistakes);
        check(given.year(), v -> checkYear(v, today), mistakes);
        check(given.title(), v -> checkTitle("report.title", v), mistakes);
        check(given.organisation(), v -> checkText("report.organisation", v), mistakes);
        check(given.folder(), v -> checkFolder(workingDir, v), mistakes);
        check(given.groupId(), v -> MAVEN_ID.matcher(v).matches() ? Optional.empty()
                : Optional.of("report.groupId '" + v + "' is not a Maven group id: use letters, digits, '.', '-' and '_', e.g. "
                + DEFAULT_GROUP_ID), mistakes);
        if (!mistakes.isEmpty()) {
            throw new ScaffoldException(mistakes);
        }
        Asker asker = new Asker(prompt);
        String language = canonicalLanguage(asker.value(given.language(), "Language of the report (zh-CN or en)", "zh-CN",
                v -> checkLanguage(canonicalLanguage(v))));
        boolean chinese = language.equals("zh-CN");
        int year = Integer.parseInt(asker.value(given.year(), "Year the data covers",
                Integer.toString(today.getYear() - 1), v -> checkYear(v, today)).strip());
        String title = asker.value(given.title(), "Title",
                chinese ? year + " 年网络安全报告" : "Cyber-security report " + year, v -> checkTitle("report.title", v));
        String organisation = asker.value(given.organisation(), "Organisation",
                chinese ? "示例安全团队" : "Example Security Team", v -> checkText("report.organisation", v));
        String folder = asker.value(given.folder(), "Folder to create", "threat-report-" + year,
                v -> checkFolder(workingDir, v));
        Path path = workingDir.resolve(folder.strip()).toAbsolutePath().normalize();
        String groupId = given.groupId() == null ? DEFAULT_GROUP_ID : given.groupId();
        return new NewReport(path, title.strip(), organisation.strip(), year, language, groupId,
                artifactId(path.getFileName().toString()), today, plugin);
    }

    /** A folder's name as a Maven artifact id: lower case, letters, digits, '.', '-', '_'. */
    static String artifactId(String folderName) {
        String id = folderName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return id.isEmpty() ? "threat-report" : id;
    }

    private interface Check {
        Optional<String> mistake(String value);
    }

    private static void check(String given, Check check, List<String> mistakes) {
        if (given != null) {
            check.mistake(given).ifPresent(mistakes::add);
        }
    }

    /** Asks for what was not given, again after an unusable answer; the default when not asking. */
    private record Asker(Prompt prompt) {

        String value(String given, String question, String defaultValue, Check check) throws ScaffoldException, IOException {
            if (given != null) {
                return given;
            }
            if (prompt == null) {
                return defaultValue;
            }
            String mistake = null;
            for (int i = 0; i < MAX_ASKS; i++) {
                String answer = prompt.ask(question, defaultValue);
                mistake = check.mistake(answer).orElse(null);
                if (mistake == null) {
                    return answer;
                }
                prompt.refuse(mistake);
            }
            throw new ScaffoldException(mistake);
        }
    }

    private static String canonicalLanguage(String value) {
        for (String language : LANGUAGES) {
            if (language.equalsIgnoreCase(value.strip())) {
                return language;
            }
        }
        return value.strip();
    }

    private static Optional<String> checkLanguage(String value) {
        return value != null && LANGUAGES.contains(value) ? Optional.empty()
                : Optional.of("report.language '" + value + "' has no example texts" + Suggestions.didYouMean(String.valueOf(value), LANGUAGES)
                + ": use zh-CN or en");
    }

    private static Optional<String> checkYear(String value, LocalDate today) {
        String year = value.strip();
        if (year.matches("\\d{4}") && Integer.parseInt(year) >= 1900 && Integer.parseInt(year) <= 2999) {
            return Optional.empty();
        }
        return Optional.of("report.year '" + value + "' is not a year: use four digits, e.g. " + (today.getYear() - 1));
    }

    private static Optional<String> checkTitle(String property, String value) {
        Optional<String> text = checkText(property, value);
        if (text.isPresent()) {
            return text;
        }
        return value.strip().length() > 200 ? Optional.of(property + " is longer than 200 characters") : Optional.empty();
    }

    private static Optional<String> checkText(String property, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(property + " is empty: give it a value, e.g. -D" + property + "=…");
        }
        Optional<Integer> control = value.strip().chars().filter(Character::isISOControl).boxed().findFirst();
        if (control.isPresent()) {
            int c = control.get();
            return Optional.of(property + (c == '\n' || c == '\r' ? " must be one line of text"
                    : String.format(Locale.ROOT, " contains the control character U+%04X: give one line of text (text typed"
                    + " in another encoding than the terminal's, e.g. not UTF-8, arrives so)", c)));
        }
        return Optional.empty();
    }

    private static Optional<String> checkFolder(Path workingDir, String value) {
        Path folder;
        try {
            if (value.isBlank()) {
                return Optional.of("report.folder is empty: name the folder to create, e.g. -Dreport.folder=threat-report");
            }
            folder = workingDir.resolve(value.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.of("report.folder '" + value + "' is not a usable folder name (" + e.getReason() + ")");
        }
        if (folder.getFileName() == null) {
            return Optional.of("report.folder '" + value + "' is not a folder that can be created");
        }
        return notEmpty(folder) ? Optional.of("report.folder '" + value + "' already exists and is not empty: "
                + "nothing was written; choose a new folder with -Dreport.folder=…") : Optional.empty();
    }

    /** Whether {@code folder} is a file, or a folder with anything in it. */
    static boolean notEmpty(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
