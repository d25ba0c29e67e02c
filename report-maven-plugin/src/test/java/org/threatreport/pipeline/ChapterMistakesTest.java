package org.threatreport.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatreport.config.BuildOptions;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Log;
import org.threatreport.testing.ProjectFiles;

/** Every wrong expression of a chapter is reported in one build, each with its line and column. */
class ChapterMistakesTest {

    @Test
    void reportsEveryWrongExpressionOfAChapterAtOnce(@TempDir Path project) throws Exception {
        ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve("content"), project.resolve("content"));
        ProjectFiles.copyTree(FlagshipBuild.ROOT.resolve("data"), project.resolve("data"));
        Path chapter = project.resolve("content/02-monitoring.md");
        Files.writeString(chapter, Files.readString(chapter)
                .replace("incidents.count(\"industry\", \"政府部门\")", "incidents.count(\"industy\", \"政府部门\")")
                .replace("incidents.share(\"industry\", \"事业单位\")", "incidnts.share(\"industry\", \"事业单位\")"));
        BuildOptions options = new BuildOptions(project, project.resolve("content"), project.resolve("data"),
                project.resolve("site-template"), project.resolve("out"), project.resolve("cache"), "1", Optional.empty());

        InputException e = assertThrows(InputException.class, () -> new ReportBuild(options, Log.silent()).run());

        List<String> lines = e.describe(project).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(true, lines.get(0).matches("content/02-monitoring\\.md:\\d+:\\d+: error: unknown column 'industy'"
                + " of table 'incidents' \\(did you mean 'industry'\\?\\); its columns are id, date, industry, .*"), lines.get(0));
        assertEquals(true, lines.get(1).matches("content/02-monitoring\\.md:\\d+:\\d+: error: 'incidnts' is not defined"
                + " \\(did you mean 'incidents'\\?\\); the values available are incidents, report"), lines.get(1));
    }
}
