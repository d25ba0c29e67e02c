package org.threatreport.site;

import org.threatreport.render.RenderedChapter;

/**
 * What a version's pages need to know about the other versions: the versions known when it is
 * built (for each page's version list) and the previous version of its edition (for the corrections
 * log), with the editor-written part of that log.
 *
 * @param known          the other versions known (may be empty)
 * @param baseline       the previous version of the same edition, or null
 * @param baselineFiles  reads that version's files
 * @param correctionsText {@code content/corrections.md} rendered, or null
 */
public record Revision(Versions known, VersionManifest baseline, FileSource baselineFiles,
                       RenderedChapter correctionsText) {

    public static Revision none() {
        return new Revision(Versions.empty(), null, path -> null, null);
    }

    public Revision withCorrections(RenderedChapter text) {
        return new Revision(known, baseline, baselineFiles, text);
    }
}
