package org.threatreport.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Map;
import java.util.Set;

/**
 * A chapter's data model that notes which of its names (tables, {@code report}) the template reads:
 * what the chapter's text depends on, recorded as it renders rather than guessed from its source.
 */
final class ReadRecorder implements TemplateHashModelEx {

    private final TemplateHashModelEx model;
    private final Set<String> names;
    private final Set<String> read;

    /** @param read receives each name read; listing the names counts as reading them all */
    ReadRecorder(ObjectWrapper wrapper, Map<String, Object> model, Set<String> read) throws TemplateModelException {
        this.model = (TemplateHashModelEx) wrapper.wrap(model);
        this.names = model.keySet();
        this.read = read;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        if (names.contains(key)) {
            read.add(key);
        }
        return model.get(key);
    }

    @Override
    public boolean isEmpty() throws TemplateModelException {
        return model.isEmpty();
    }

    @Override
    public int size() throws TemplateModelException {
        return model.size();
    }

    @Override
    public TemplateCollectionModel keys() throws TemplateModelException {
        read.addAll(names);
        return model.keys();
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
        read.addAll(names);
        return model.values();
    }
}
