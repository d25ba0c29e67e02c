package org.threatreport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A minimal Hugo site holding the same chapters as one of our built reports, as plain Markdown pages:
 * the portable Markdown our build exports ({@code <slug>.md}: values filled in, tables as GFM tables,
 * figures as image links), each under a front matter of its title and its place in the report. Its own
 * small layouts (no theme) give every page what ours has at its core — a sidebar listing every chapter,
 * the chapter's body, previous and next links — or, for reference, the body and links alone; plus
 * Hugo's home, RSS and sitemap.
 */
final class HugoSite {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\n(.*?)\\n---\\n", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("(?m)^title: (.*)$");

    /**
     * Every chapter, the page's own marked, in reading order (Hugo's default order is by weight), as a
     * Hugo user writes it: strings compared, no sorting per page.
     */
    private static final String SIDEBAR = """
            <nav><ol>
            {{- $current := .RelPermalink }}
            {{- range .Site.RegularPages }}
            <li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $current }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
            {{- end }}
            </ol></nav>
            """;

    private HugoSite() {
    }

    /**
     * Writes the site into {@code dir} (emptied first) from the chapters' Markdown in {@code versionDir}.
     *
     * @param chapterFiles the chapters' Markdown file names in reading order ({@code 0001-topic.md} …)
     * @param sidebar      whether every page lists every chapter, as ours do, or shows its chapter alone
     */
    static void write(Path dir, Path versionDir, List<String> chapterFiles, String title, boolean sidebar)
            throws IOException {
        Probes.deleteTree(dir);
        Path content = dir.resolve("content/chapters");
        Files.createDirectories(content);
        for (int i = 0; i < chapterFiles.size(); i++) {
            String markdown = Files.readString(versionDir.resolve(chapterFiles.get(i)), StandardCharsets.UTF_8);
            Files.writeString(content.resolve(chapterFiles.get(i)), page(markdown, i + 1), StandardCharsets.UTF_8);
        }
        write(dir.resolve("hugo.toml"), """
                baseURL = "/"
                title = %s
                languageCode = "zh-CN"
                hasCJKLanguage = true
                relativeURLs = true
                disableKinds = ["taxonomy", "term"]
                """.formatted(tomlString(title)));
        write(dir.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
                <body>
                %s<main>{{ block "main" . }}{{ end }}</main>
                </body>
                </html>
                """.formatted(sidebar ? SIDEBAR : ""));
        write(dir.resolve("layouts/_default/single.html"), """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                {{ .Content }}
                <p>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</p>
                {{ end }}
                """);
        write(dir.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}
                """);
        write(dir.resolve("layouts/index.html"), """
                {{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ end }}
                """);
    }

    /** The exported chapter with a front matter Hugo reads: its title and its weight (reading order). */
    private static String page(String markdown, int weight) {
        Matcher front = FRONT_MATTER.matcher(markdown);
        if (!front.find()) {
            throw new IllegalArgumentException("an exported chapter starts with its front matter");
        }
        Matcher title = TITLE.matcher(front.group(1));
        if (!title.find()) {
            throw new IllegalArgumentException("an exported chapter's front matter has its title");
        }
        return "---\ntitle: " + title.group(1) + "\nweight: " + weight + "\n---\n" + markdown.substring(front.end());
    }

    /** Deletes what a previous {@code hugo} run wrote, so that every run builds everything. */
    static void clean(Path dir) throws IOException {
        Probes.deleteTree(dir.resolve("public"));
        Probes.deleteTree(dir.resolve("resources"));
        Files.deleteIfExists(dir.resolve(".hugo_build.lock"));
    }

    /** How many pages {@code hugo} wrote (every {@code index.html}), to check that it built them all. */
    static long pagesWritten(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("public"))) {
            return files.filter(f -> f.getFileName().toString().equals("index.html")).count();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A TOML basic string: quotes and backslashes escaped. */
    private static String tomlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
