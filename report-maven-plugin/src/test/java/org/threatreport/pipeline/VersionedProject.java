package org.threatreport.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.ProjectFiles;

/**
 * The small report of {@code src/test/resources/publish/report} copied into a test's folder and
 * built by the core, version after version, into one site root ({@code target/report-site}), as
 * an editor does with {@code site:report}; between builds the editor revises the project.
 */
public final class VersionedProject {

    static final Path FIXTURE = Path.of("src/test/resources/publish/report");

    private final Path project;

    /** Copies the fixture into {@code project}, an empty folder. */
    public VersionedProject(Path project) throws IOException {
        this.project = project;
        ProjectFiles.copyTree(FIXTURE, project);
    }

    public Path siteRoot() {
        return project.resolve("target/report-site");
    }

    /** Builds the project as it is now into {@code <site root>/<version>/}. */
    public VersionedProject build(String version) throws Exception {
        new ReportBuild(new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), siteRoot(), project.resolve("target/report-cache"), version,
                Optional.empty()), Log.silent()).run();
        return this;
    }

    /** The revision: one incident reclassified, and the editor's note on it. */
    public VersionedProject revise() throws IOException {
        Path csv = project.resolve("data/incidents.csv");
        Files.writeString(csv, Files.readString(csv).replace("G03,2017-02-20,金融机构", "G03,2017-02-20,政府部门"));
        Files.writeString(project.resolve("content/corrections.md"), """
                ---
                title: 更正说明
                ---

                2018 年 9 月：事件 G03 的行业由金融机构更正为政府部门（共 ${incidents.count()} 起事件）。
                """);
        return this;
    }

    /** A chapter added to the report ({@code content/<name>.md}, a page {@code <name>.html}). */
    public VersionedProject addChapter(String name, String title, String markdown) throws IOException {
        Files.writeString(project.resolve("content/" + name + ".md"), "---\ntitle: " + title + "\n---\n\n" + markdown);
        return this;
    }

    /** The publication date the next builds carry ({@code date:} of {@code report.yaml}, yyyy-MM-dd). */
    public VersionedProject publishedOn(String date) throws IOException {
        Path yaml = project.resolve("content/report.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("(?m)^date: .*$", "date: " + date));
        return this;
    }

}
