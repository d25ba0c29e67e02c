package org.threatreport.site;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.util.List;
import org.threatreport.render.Messages;

/**
 * A version as readers see it. A Maven version ending in {@code -SNAPSHOT} is work in progress: it is
 * shown as a draft with its number ("2017.0（草稿）" / "2017.0 (draft)", the string
 * {@code version.draft}), never with the word SNAPSHOT; any other version as it is. Its folder and
 * addresses keep the version's own name. The layouts call it as {@code versionLabel(version)};
 * {@code assets/report.js} does the same for the version selector.
 */
public final class VersionLabel implements TemplateMethodModelEx {

    /** What marks a version as a draft. */
    public static final String DRAFT_SUFFIX = "-SNAPSHOT";

    private final String draft;

    /** @param messages gives {@code version.draft}, with {@code {0}} for the number */
    public VersionLabel(Messages messages) {
        this.draft = messages.get("version.draft");
    }

    public String of(String version) {
        if (version == null || !version.endsWith(DRAFT_SUFFIX) || version.length() == DRAFT_SUFFIX.length()) {
            return version;
        }
        return draft.replace("{0}", version.substring(0, version.length() - DRAFT_SUFFIX.length()));
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("versionLabel(version) takes one version, not " + arguments.size());
        }
        return of(String.valueOf(arguments.get(0)));
    }
}
