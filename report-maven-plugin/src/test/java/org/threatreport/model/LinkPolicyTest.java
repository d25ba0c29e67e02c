package org.threatreport.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Link targets as a browser reads them: only relative, http(s) and mailto pass. */
class LinkPolicyTest {

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
            "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)",
            "java\tscript:alert(1)", " javascript:alert(1)", "\u0001javascript:alert(1)", "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"})
    void refusesEverySchemeButTheWebsAndMail(String target) {
        assertFalse(LinkPolicy.allows(target), target);
    }

    @ParameterizedTest(name = "allows {0}")
    @ValueSource(strings = {"https://example.org/", "HTTP://example.org/", "mailto:team@example.org", "02-monitoring.html",
            "02-monitoring.html#fig-industry", "#top", "figures/fig-a.svg", "../2016/index.html", "//example.org/x",
            "javascript%3Aalert(1)", "java%09script:alert(1)", "jav\\ascript:alert(1)", "?q=javascript:alert(1)"})
    void allowsRelativeWebAndMailTargets(String target) {
        assertTrue(LinkPolicy.allows(target), target);
    }
}
