package org.threatreport.render;

import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.core.TemplateProcessingTracer;
import freemarker.core.TemplateProcessingTracer.TracedElement;
import freemarker.template.Template;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.threatreport.config.RenderLimits;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problem;
import java.util.TimeZone;

/**
 * The two FreeMarker configurations of a build, each made once: one for chapters (Markdown out,
 * values escaped for Markdown) and one for the site's layouts ({@code .ftlh}, HTML auto-escaped).
 * Both are sandboxed: no {@code ?new}, no {@code ?api}, no access to classes; and both pin locale,
 * time zone and number format so output never depends on the machine.
 */
public final class Engines {

    static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    /** The environment attribute under which a chapter's rendering collects its template mistakes. */
    static final String MISTAKES = "threatreport.mistakes";

    private final Configuration chapters;
    private final Configuration layouts;
    private final LayoutRecorder layoutRecorder;

    public Engines(Locale locale, TemplateLoader layoutLoader) {
        this.chapters = sandboxed(locale);
        chapters.setOutputFormat(MarkdownOutputFormat.INSTANCE);
        chapters.setCustomNumberFormats(java.util.Map.of(CountFormat.NAME, CountFormat.INSTANCE));
        chapters.setNumberFormat("@" + CountFormat.NAME);
        chapters.setTemplateExceptionHandler(Engines::collectMistake);
        chapters.setRecognizeStandardFileExtensions(false);
        this.layouts = sandboxed(locale);
        this.layoutRecorder = new LayoutRecorder(layoutLoader);
        layouts.setTemplateLoader(layoutRecorder);
        layouts.setOutputFormat(HTMLOutputFormat.INSTANCE);
        layouts.setRecognizeStandardFileExtensions(true);
    }

    private static Configuration sandboxed(Locale locale) {
        Configuration configuration = new Configuration(VERSION);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocale(locale);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setLocalizedLookup(false);
        ReportObjectWrapper wrapper = new ReportObjectWrapper(VERSION);
        wrapper.setMemberAccessPolicy(SandboxPolicy.INSTANCE);
        wrapper.setForceLegacyNonListCollections(false);
        // Templates read record components and our getters-free records as properties: ${entry.count}
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.writeProtect();
        configuration.setObjectWrapper(wrapper);
        return configuration;
    }

    /**
     * Records a chapter's mistake and carries on, so one build reports every wrong expression of a
     * chapter; the chapter is failed once it has been rendered to the end.
     */
    @SuppressWarnings("unchecked")
    private static void collectMistake(TemplateException e, freemarker.core.Environment environment, java.io.Writer out)
            throws TemplateException {
        Object mistakes = environment.getCustomAttribute(MISTAKES);
        if (!(mistakes instanceof java.util.List<?>) || e.getCause() instanceof RenderBudget.Exceeded) {
            throw e;
        }
        ((java.util.List<TemplateException>) mistakes).add(e);
    }

    Configuration chapters() {
        return chapters;
    }

    public Configuration layouts() {
        return layouts;
    }

    /**
     * Lays out {@code model} with the layout {@code name} within {@code limits}. A mistake in a layout,
     * a budget spent, or a layout calling itself without end is a problem located in the layout's file.
     */
    public String layout(String name, Map<String, Object> model, TemplateSet templates, RenderLimits limits)
            throws InputException, IOException {
        StringWriter out = new StringWriter();
        try {
            Template template = layouts.getTemplate(name);
            freemarker.core.Environment environment = template.createProcessingEnvironment(model, out);
            RenderBudget budget = RenderBudget.start(limits, out.getBuffer());
            TracedElement[] last = {null};
            environment.setTemplateProcessingTracer(new TemplateProcessingTracer() {
                @Override
                public void enterElement(freemarker.core.Environment env, TracedElement element) {
                    last[0] = element;
                    budget.check(element);
                }

                @Override
                public void exitElement(freemarker.core.Environment env, TracedElement element) {
                }
            });
            try {
                environment.process();
            } catch (StackOverflowError e) {
                throw InputException.of(last[0] == null ? Problem.error(templates.projectDir().resolve(name), 1, 1, RECURSION)
                        : Problem.error(templates.projectDir().resolve(last[0].getTemplate().getSourceName()),
                        last[0].getBeginLine(), last[0].getBeginColumn(), RECURSION));
            }
            return out.toString();
        } catch (RenderBudget.Exceeded e) {
            throw InputException.of(e.problem(templates.projectDir().resolve(e.template())));
        } catch (TemplateException e) {
            if (e.getCause() instanceof RenderBudget.Exceeded exceeded) {
                throw InputException.of(exceeded.problem(templates.projectDir().resolve(exceeded.template())));
            }
            throw InputException.of(TemplateProblems.ofLayout(templates, e));
        } catch (IOException e) {
            throw InputException.of(TemplateProblems.ofLayoutLoading(templates, e).orElseThrow(() -> e));
        }
    }

    private static final String RECURSION = "the layout calls itself without end: a macro or include that never stops?";

    LayoutRecorder layoutRecorder() {
        return layoutRecorder;
    }
}
