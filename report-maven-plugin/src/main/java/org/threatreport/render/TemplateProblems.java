package org.threatreport.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.nio.file.Path;
import java.util.Collection;
import org.threatreport.diagnostic.Problem;
import org.threatreport.diagnostic.Suggestions;

/** Turns FreeMarker's exceptions into one-line problems an editor can act on. */
public final class TemplateProblems {

    private TemplateProblems() {
    }

    public static Problem of(Path file, ParseException e) {
        String message = firstLine(e.getEditorMessage());
        int expecting = message.indexOf(", but was expecting one of");
        if (expecting > 0) {
            // FreeMarker goes on to list every token it could have taken: name the likely cause instead.
            message = message.substring(0, expecting) + ", which does not fit here (is a '}', ')' or '>' missing before it?)";
        }
        return Problem.error(file, e.getLineNumber(), e.getColumnNumber(), "template syntax: " + message);
    }

    /** @param names the variables the template could have used, for "did you mean" */
    static Problem of(Path file, TemplateException e, Collection<String> names) {
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
        IllegalArgumentException mistake = ownMistake(e);
        String message;
        if (mistake != null) {
            message = mistake.getMessage();
        } else if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            String blamed = e.getBlamedExpressionString();
            message = "'" + blamed + "' is not defined" + Suggestions.didYouMean(blamed, names)
                    + (blamed.contains(".") ? "" : "; the values available are " + String.join(", ", names));
        } else {
            message = firstLine(e.getMessageWithoutStackTop());
        }
        return Problem.error(file, line, column, message);
    }

    /** The aggregation API's own explanation, when a method call failed because of its arguments. */
    private static IllegalArgumentException ownMistake(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException illegal && cause.getStackTrace().length > 0
                    && cause.getStackTrace()[0].getClassName().startsWith("org.threatreport.")) {
                return illegal;
            }
        }
        return null;
    }

    /** A problem in a layout of the site template, located in the file FreeMarker was running. */
    public static Problem ofLayout(TemplateSet templates, Exception e) {
        if (e instanceof ParseException parse) {
            return of(layoutFile(templates, parse.getTemplateName()), parse);
        }
        if (e instanceof TemplateException template) {
            return of(layoutFile(templates, template.getTemplateSourceName()), template, java.util.List.of());
        }
        return Problem.error(templates.projectDir(), e.getMessage());
    }

    /**
     * The syntax error of a layout that FreeMarker could not load, located in its file: FreeMarker
     * reports it as an {@link java.io.IOException}, or on a later attempt wraps it in one.
     */
    public static java.util.Optional<Problem> ofLayoutLoading(TemplateSet templates, java.io.IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParseException parse) {
                return java.util.Optional.of(ofLayout(templates, parse));
            }
        }
        return java.util.Optional.empty();
    }

    private static Path layoutFile(TemplateSet templates, String name) {
        return templates.projectDir().resolve(name == null ? "" : name);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("").strip();
    }
}
