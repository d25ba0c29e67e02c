package org.threatreport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generated report project of a chosen size, for the scaling benchmark: a Maven POM that uses the
 * installed plugin, {@code content/report.yaml}, an abstract and {@code chapters} chapters of about 2 KB
 * each — mixed Chinese and English prose with inline computed values, a Markdown table, a list,
 * references to figures — holding {@code figures} figure cells of every chart kind over the incidents
 * data, and {@code data/} with the real schema and {@code rows} incidents from {@link IncidentsGenerator}.
 *
 * <p>Every figure asks for different numbers (another column, filter or axis), so that none is taken
 * from the figure cache that an earlier, identical one filled in the same build. The same size and seed
 * always give the same bytes; a project already generated with the same parameters is kept.
 *
 * @param rows     incidents in {@code data/incidents.csv}
 * @param chapters chapters in {@code content/}
 * @param figures  figure cells, spread evenly over the chapters
 */
record SyntheticReport(int rows, int chapters, int figures) {

    /** Bumped whenever the generated files change, so that an old project is generated again. */
    private static final int VERSION = 2;

    /** The version folder the generated POM builds: {@code target/report-site/2017/}. */
    static final String SITE_VERSION = "2017";

    /** A phrase every chapter has once, for the benchmark's one-chapter edits. */
    static final String EDIT_MARKER = "本章数据截至";

    private static final List<String> KINDS = List.of("bar", "column", "stacked", "line", "pie", "donut");
    private static final List<String> COLUMNS = List.of("industry", "discovery", "scope", "intent", "phenomenon",
            "event_type", "area", "symptom", "techniques");
    private static final List<String> STACKED_COLUMNS = List.of("industry", "scope", "phenomenon", "event_type");
    private static final List<String> STACKS = List.of("area", "discovery", "intent");
    /** Filters ({@code column: value or group}) that keep a good part of the rows at every size. */
    private static final List<String[]> FILTERS = List.of(new String[0],
            new String[] {"area", "网站安全"}, new String[] {"area", "终端安全"}, new String[] {"area", "服务器安全"},
            new String[] {"area", "邮箱安全"}, new String[] {"industry", "政府部门"}, new String[] {"industry", "事业单位"},
            new String[] {"industry", "金融机构"}, new String[] {"discovery", "自行发现"}, new String[] {"discovery", "通报"},
            new String[] {"intent", "黑产活动"}, new String[] {"intent", "敲诈勒索"}, new String[] {"intent", "窃取数据"},
            new String[] {"scope", "外部网站和内部网站"}, new String[] {"scope", "内部服务器和数据库"},
            new String[] {"phenomenon", "生产效率低下"}, new String[] {"phenomenon", "破坏性攻击"});

    private static final List<String> INDUSTRIES = List.of("政府部门", "事业单位", "金融机构", "交通运输", "教育培训",
            "能源", "IT", "医疗卫生", "制造业");
    private static final List<String> INTENTS = List.of("黑产活动", "敲诈勒索", "窃取数据", "炫技或报复", "恶性竞争");
    private static final List<String> AREAS = List.of("网站安全", "终端安全", "服务器安全", "邮箱安全");
    private static final List<String> PHENOMENA = List.of("生产效率低下", "破坏性攻击", "声誉影响", "系统不可用",
            "敏感信息泄露", "数据丢失");
    private static final List<String> HEADINGS = List.of("概况 Overview", "行业分布 By industry", "攻击意图 Intent",
            "防护建议 Recommendations", "典型案例 Cases", "趋势 Trends");

    /** The project's folder name: {@code r1000-c10-f10}. */
    String name() {
        return "r" + rows + "-c" + chapters + "-f" + figures;
    }

    /**
     * Writes the project into {@code dir} unless it holds this very project already.
     *
     * @param sampleCsv     {@code data/incidents.csv} of the flagship report, the generator's sample
     * @param schema        {@code data/incidents.schema.yaml}, copied as it is
     * @param pluginVersion the version of {@code org.threatreport:report-maven-plugin} the POM uses
     * @return true if anything was (re)written
     */
    boolean write(Path dir, Path sampleCsv, Path schema, String pluginVersion, long seed) throws IOException {
        Path stamp = dir.resolve("generated.params");
        String params = "version=" + VERSION + " " + name() + " seed=" + seed + " plugin=" + pluginVersion;
        Path csv = dir.resolve("data/incidents.csv");
        boolean newData = IncidentsGenerator.generate(sampleCsv, csv, rows, seed);
        if (!newData && Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(params)) {
            return false;
        }
        Files.copy(schema, dir.resolve("data/incidents.schema.yaml"), StandardCopyOption.REPLACE_EXISTING);
        writePom(dir, "scale-" + name(), pluginVersion);
        Path content = dir.resolve("content");
        Probes.deleteTree(content);
        Files.createDirectories(content);
        write(content.resolve("report.yaml"), reportYaml());
        write(content.resolve("index.md"), abstractPage());
        for (int c = 0; c < chapters; c++) {
            write(content.resolve(chapterFile(c)), chapter(c, new SplittableRandom(seed * 31 + c)));
        }
        Files.writeString(stamp, params + "\n");
        return true;
    }

    /** A POM of packaging {@code pom} whose only plugin is the report's: {@code mvn site:report} builds it. */
    static void writePom(Path dir, String artifactId, String pluginVersion) throws IOException {
        write(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by the scaling benchmark (bench/scale.sh). -->
                <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.threatreport.bench</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.threatreport</groupId>
                        <artifactId>report-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, SITE_VERSION, pluginVersion));
    }

    /** The file of chapter {@code c} (0-based): {@code 0001-topic.md}, in reading order. */
    String chapterFile(int c) {
        return String.format(Locale.ROOT, "%04d-topic.md", c + 1);
    }

    private String reportYaml() {
        return """
                title: 合成报告 Synthetic report %s
                organisation: 基准测试 Benchmark
                date: 2018-08-13
                year: 2017
                language: zh-CN
                keywords: [基准测试, benchmark]
                description: A generated report of %,d incidents, %,d chapters and %,d figures, for measuring how the build scales.
                """.formatted(name(), rows, chapters, figures);
    }

    private static String abstractPage() {
        return """
                ---
                title: 摘要
                ---

                ${report.year} 年共处置网络安全事件 ${incidents.count()} 起，其中政府部门 ${incidents.count("industry", "政府部门")} 起（${incidents.share("industry", "政府部门")}）。
                This synthetic report repeats the shape of the 2017 report at another size.
                """;
    }

    // ---- one chapter ------------------------------------------------------------------------------

    private String chapter(int c, SplittableRandom random) {
        String industry = pick(random, INDUSTRIES);
        String intent = pick(random, INTENTS);
        String area = pick(random, AREAS);
        StringBuilder md = new StringBuilder();
        md.append("---\ntitle: 专题 ").append(c + 1).append("：").append(industry).append("的应急响应 (Topic ")
                .append(c + 1).append(")\n---\n\n");
        md.append(EDIT_MARKER).append(" ${report.year} 年底。全年共处置 ${incidents.count()} 起事件，其中").append(industry)
                .append(" ${incidents.count(\"industry\", \"").append(industry).append("\")} 起（${incidents.share(\"industry\", \"")
                .append(industry).append("\")}）。In English: the ").append(industry).append(" sector accounted for ${incidents.share(\"industry\", \"")
                .append(industry).append("\")} of the incidents handled in ${report.year}.\n\n");
        List<Integer> own = figuresOf(c);
        int section = 0;
        md.append("## ").append(HEADINGS.get(section++ % HEADINGS.size())).append("\n\n");
        md.append(intentParagraph(intent)).append("\n\n");
        md.append(table(random)).append('\n');
        for (int i = 0; i < own.size(); i++) {
            if (i > 0 && i % 5 == 0) {
                md.append("## ").append(HEADINGS.get(section++ % HEADINGS.size())).append(" ").append(i / 5 + 1).append("\n\n");
            }
            md.append(figureCell(own.get(i))).append('\n');
            md.append("如 @").append(figureId(own.get(i))).append(" 所示，").append(pick(random, PROSE)).append("\n\n");
        }
        md.append("## ").append(HEADINGS.get(section++ % HEADINGS.size())).append("\n\n");
        md.append(areaParagraph(area)).append("\n\n");
        md.append(list(random)).append('\n');
        md.append("## ").append(HEADINGS.get(section % HEADINGS.size())).append("\n\n");
        md.append(pick(random, PROSE)).append(' ').append(pick(random, PROSE)).append("\n\n");
        md.append("事件最多的月份是 ${incidents.months(\"date\").max().label()}，共 ${incidents.months(\"date\").max().count()} 起；")
                .append("the three largest industries — ${incidents.by(\"industry\").head(3).labels()?join(\", \")} — ")
                .append("account for ${incidents.by(\"industry\").head(3).share()} of all incidents.");
        if (figures > 0) {
            md.append(" 另见 @").append(figureId((c * 7 + 3) % figures)).append('。');
        }
        md.append('\n');
        return md.toString();
    }

    private static final List<String> PROSE = List.of(
            "各单位应建立健全应急响应机制，把日常巡检与重要时期的专项保障结合起来。",
            "Regular patching, strong passwords and network segmentation remain the most effective defences.",
            "攻击者往往利用弱口令、系统漏洞和 Web 应用漏洞入侵，再植入 webshell 或挖矿木马。",
            "Most incidents were noticed only after visible damage, which shows how weak monitoring still is.",
            "门户网站直接暴露在互联网上，是黑产活动和勒索攻击的首要目标。",
            "A tested backup and a written response plan shorten recovery from days to hours.",
            "内部违规引发的事件有所减少，说明业务人员和运维人员的安全意识正在增强。");

    private static String intentParagraph(String intent) {
        return "以" + intent + "为目的的攻击共 ${incidents.count(\"intent\", \"" + intent + "\")} 起，占全部事件的 "
                + "${incidents.share(\"intent\", \"" + intent + "\")}。Attacks driven by " + intent + " made up "
                + "${incidents.share(\"intent\", \"" + intent + "\").digits(0)} of the year's incidents; "
                + "${incidents.share(\"discovery\", \"自行发现\").digits(0)} of all incidents were found by the victims themselves, "
                + "the rest after a notice from a regulator. 从发现方式看，靠内部安全运营巡检主动查出的只占 "
                + "${incidents.share(\"discovery\", \"内部安全运营巡检\")}。";
    }

    private static String areaParagraph(String area) {
        return area + "类事件共 ${incidents.count(\"area\", \"" + area + "\")} 起，占 ${incidents.share(\"area\", \""
                + area + "\")}，常见手段包括弱口令、系统漏洞和 webshell。The most common phenomenon overall was "
                + "${incidents.by(\"phenomenon\").first().label()}, seen in ${incidents.by(\"phenomenon\").first().count()} incidents.";
    }

    /** A hand-written Markdown table whose cells are computed values. */
    private static String table(SplittableRandom random) {
        StringBuilder md = new StringBuilder("| 行业 Industry | 事件数 Incidents | 占比 Share |\n|---|---:|---:|\n");
        int first = random.nextInt(INDUSTRIES.size());
        for (int i = 0; i < 4; i++) {
            String industry = INDUSTRIES.get((first + i) % INDUSTRIES.size());
            md.append("| ").append(industry).append(" | ${incidents.count(\"industry\", \"").append(industry)
                    .append("\")} | ${incidents.share(\"industry\", \"").append(industry).append("\")} |\n");
        }
        return md.toString();
    }

    private static String list(SplittableRandom random) {
        StringBuilder md = new StringBuilder();
        int first = random.nextInt(PHENOMENA.size());
        for (int i = 0; i < 3; i++) {
            String phenomenon = PHENOMENA.get((first + i) % PHENOMENA.size());
            md.append("- **").append(phenomenon).append("**：${incidents.share(\"phenomenon\", \"").append(phenomenon)
                    .append("\")} of incidents, ${incidents.count(\"phenomenon\", \"").append(phenomenon).append("\")} 起。\n");
        }
        return md.toString();
    }

    // ---- figures ----------------------------------------------------------------------------------

    /** The figures of chapter {@code c}: figure f stands in chapter f × chapters / figures. */
    private List<Integer> figuresOf(int c) {
        List<Integer> own = new ArrayList<>();
        for (int f = 0; f < figures; f++) {
            if ((long) f * chapters / figures == c) {
                own.add(f);
            }
        }
        return own;
    }

    private static String figureId(int f) {
        return String.format(Locale.ROOT, "fig-s%04d", f + 1);
    }

    /**
     * Figure {@code f}: the kinds take turns; within a kind, the column turns fastest, then the filter;
     * a line chart (always over the date) turns its filter, then its axis. Past the combinations, a
     * figure gets its own height, so its drawing still differs from every other.
     */
    private static String figureCell(int f) {
        String kind = KINDS.get(f % KINDS.size());
        int turn = f / KINDS.size();
        StringBuilder yaml = new StringBuilder("```{figure}\nid: ").append(figureId(f)).append("\nchart: ").append(kind).append('\n');
        String[] filter;
        int cycle;
        int ownHeight = 0;
        switch (kind) {
            case "line" -> {
                filter = FILTERS.get(turn % FILTERS.size());
                yaml.append("column: date\n");
                if (turn / FILTERS.size() % 2 == 1) {
                    yaml.append("axis: percent\n");
                }
                cycle = turn / (FILTERS.size() * 2);
            }
            case "stacked" -> {
                String column = STACKED_COLUMNS.get(turn % STACKED_COLUMNS.size());
                String stack = STACKS.get(turn / STACKED_COLUMNS.size() % STACKS.size());
                int filterIndex = turn / (STACKED_COLUMNS.size() * STACKS.size()) % FILTERS.size();
                filter = FILTERS.get(filterIndex);
                if (filter.length > 0 && filter[0].equals(stack)) {
                    filter = FILTERS.get(0);
                    ownHeight = collisionHeight(filterIndex);
                }
                yaml.append("column: ").append(column).append("\nstack: ").append(stack).append('\n');
                cycle = turn / (STACKED_COLUMNS.size() * STACKS.size() * FILTERS.size());
            }
            default -> {
                String column = COLUMNS.get(turn % COLUMNS.size());
                int filterIndex = turn / COLUMNS.size() % FILTERS.size();
                filter = FILTERS.get(filterIndex);
                if (filter.length > 0 && filter[0].equals(column)) {
                    filter = FILTERS.get(0);
                    ownHeight = collisionHeight(filterIndex);
                }
                yaml.append("column: ").append(column).append('\n');
                if (column.equals("scope") && turn % 2 == 0) {
                    yaml.append("groups: true\n");
                }
                if (kind.equals("pie") || kind.equals("donut")) {
                    yaml.append("top: 6\n");
                } else if (turn % 3 == 1) {
                    yaml.append("axis: percent\n");
                } else if (turn % 3 == 2) {
                    yaml.append("labels: true\nsort: schema\n");
                }
                cycle = turn / (COLUMNS.size() * FILTERS.size());
            }
        }
        if (filter.length > 0) {
            yaml.append("where: {").append(filter[0]).append(": ").append(filter[1]).append("}\n");
        }
        if (ownHeight > 0) {
            yaml.append("height: ").append(ownHeight).append('\n');
        } else if (cycle > 0) {
            yaml.append("height: ").append(400 + 20 * cycle).append('\n');
        }
        yaml.append("caption: 合成图 ").append(f + 1).append(" Synthetic figure ").append(f + 1).append('\n');
        return yaml.append("```\n").toString();
    }

    /**
     * A figure whose filter is on its own column drops the filter (it would count one value); an odd
     * height of its own keeps it apart from the unfiltered figure of the same column.
     */
    private static int collisionHeight(int filterIndex) {
        return 401 + 2 * filterIndex;
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
