package org.threatreport.render;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.Version;
import org.threatreport.aggregate.Distribution;
import org.threatreport.aggregate.NoTextForm;

/**
 * How templates see the aggregation API's values: a list of counts is also a FreeMarker sequence
 * ({@code <#list d as e>}, {@code d[0]}, {@code d?size}) besides having its methods; a value with no text
 * of its own (a table, a cross table, one entry) is an error when printed, naming what to print instead —
 * never Java's description of the object, which would differ from build to build.
 */
final class ReportObjectWrapper extends DefaultObjectWrapper {

    ReportObjectWrapper(Version version) {
        super(version);
    }

    @Override
    protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
        if (object instanceof Distribution distribution) {
            return new ListModel(distribution, this);
        }
        if (object instanceof NoTextForm value) {
            return new NoTextModel(value, this);
        }
        return super.handleUnknownType(object);
    }

    /** A list of counts: its methods, its text, and its entries as a sequence. */
    private static final class ListModel extends GenericObjectModel implements TemplateSequenceModel {
        private final Distribution distribution;

        ListModel(Distribution distribution, BeansWrapper wrapper) {
            super(distribution, wrapper);
            this.distribution = distribution;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return index < 0 || index >= distribution.size() ? null : wrap(distribution.get(index));
        }

        @Override
        public int size() {
            return distribution.size();
        }
    }

    /**
     * A value with methods but no text: its methods as a bean's (through a {@link GenericObjectModel}), and
     * printing it a mistake that says what to print.
     */
    private static final class NoTextModel implements MethodCallAwareTemplateHashModel, TemplateScalarModel,
            AdapterTemplateModel, WrapperTemplateModel {
        private final NoTextForm value;
        private final GenericObjectModel methods;

        NoTextModel(NoTextForm value, BeansWrapper wrapper) {
            this.value = value;
            this.methods = new GenericObjectModel(value, wrapper);
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return methods.get(key);
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException,
                ShouldNotBeGetAsMethodException {
            return methods.getBeforeMethodCall(key);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public String getAsString() throws TemplateModelException {
            throw new TemplateModelException(Mistake.of(value.whatToWrite()));
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return value;
        }

        @Override
        public Object getWrappedObject() {
            return value;
        }
    }

    /** The mistake, made here so that it reads as this project's own explanation (see {@link TemplateProblems}). */
    static final class Mistake {
        private Mistake() {
        }

        static IllegalArgumentException of(String message) {
            return new IllegalArgumentException(message);
        }
    }
}
