package org.threatreport.publish;

import java.util.List;

/**
 * What a publish did, or (for a dry run) would do.
 *
 * @param files      the files of the version
 * @param bytes      their size
 * @param replaced   an existing version was replaced ({@code report.overwrite})
 * @param latest     the version {@code latest} stands for afterwards
 * @param since      the version the corrections log compares with, or null
 * @param changes    how many figures, tables and values in the text changed since then
 * @param rootFiles  the site root's files written (versions.json, index.html, …)
 * @param millis     how long it took
 */
public record PublishResult(String version, String url, int files, long bytes, boolean replaced, String latest,
                            String since, int changes, List<String> rootFiles, boolean dryRun, long millis) {

    public PublishResult {
        rootFiles = List.copyOf(rootFiles);
    }
}
