package org.threatreport.render;

import freemarker.cache.TemplateLoader;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layouts' template loader, noting which layouts the cells of chapters use — {@code cell.ftlh}
 * and what it includes — so that a chapter is rendered again when one of those changes, and not when
 * a page layout does. FreeMarker loads a layout once per engine, so the names are kept for the
 * engine's life: every chapter with cells depends on all of them.
 */
final class LayoutRecorder implements TemplateLoader {

    private final TemplateLoader loader;
    private final Set<String> cellLayouts = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Boolean> renderingCell = ThreadLocal.withInitial(() -> false);

    LayoutRecorder(TemplateLoader loader) {
        this.loader = loader;
    }

    /** Runs {@code work}, the rendering of a cell: the layouts it loads are cell layouts. */
    String cell(CellWork work) throws TemplateException, IOException {
        renderingCell.set(true);
        try {
            return work.run();
        } finally {
            renderingCell.set(false);
        }
    }

    interface CellWork {
        String run() throws TemplateException, IOException;
    }

    /** The layouts the cells rendered so far have used, by name. */
    Set<String> cellLayouts() {
        return new TreeSet<>(cellLayouts);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        if (renderingCell.get()) {
            cellLayouts.add(name);
        }
        return loader.findTemplateSource(name);
    }

    @Override
    public long getLastModified(Object source) {
        return loader.getLastModified(source);
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return loader.getReader(source, encoding);
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
        loader.closeTemplateSource(source);
    }
}
