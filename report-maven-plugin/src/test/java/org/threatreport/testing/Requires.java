package org.threatreport.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs of the machine (a browser, a web server, a font, a program): missing, the test is
 * skipped and one line says which suite and why. With the environment variable
 * {@value #REQUIRE_ALL} set to {@code true} (as {@code .ci/run} sets it), a missing requirement fails
 * the test instead, so that a run can never pass by skipping.
 */
public final class Requires {

    public static final String REQUIRE_ALL = "THREATREPORT_TESTS_REQUIRE_ALL";

    /** The suites and reasons already reported, so each is reported once. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Requires() {
    }

    /**
     * @param available whether the machine has it
     * @param what      what is missing and how to install it, e.g. "chromium (apt-get install chromium chromium-driver)"
     */
    public static void that(boolean available, String what) {
        if (!available) {
            missing(suite(), what);
        }
    }

    /** As {@link #that(boolean, String)}, for a check made on behalf of {@code suite} (by a JUnit extension). */
    public static void that(Class<?> suite, boolean available, String what) {
        if (!available) {
            missing(suite.getSimpleName(), what);
        }
    }

    private static void missing(String suite, String what) {
        if (Boolean.parseBoolean(System.getenv(REQUIRE_ALL))) {
            Assertions.fail(suite + " needs " + what + " (" + REQUIRE_ALL + " is set: a missing requirement fails)");
        }
        if (REPORTED.add(suite + '\u0000' + what)) {
            System.out.println("[skipped] " + suite + ": needs " + what);
        }
        Assumptions.abort("needs " + what);
    }

    /** The test class that asked, by its simple name. */
    private static String suite() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type != Requires.class && type.getName().endsWith("Test"))
                .map(Class::getSimpleName).findFirst().orElse("a test"));
    }
}
