package org.threatreport.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README gives the intranet's web server exactly the headers the preview sends and the site keeps to. */
class ServingHeadersTest {

    static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmesNginxAndApacheSnippetsSendTheseHeaders() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> header : ServingHeaders.ALL) {
            String nginx = "add_header " + header.getKey() + " \"" + header.getValue() + "\" always;";
            String apache = "Header always set " + header.getKey() + " \"" + header.getValue() + "\"";
            assertTrue(readme.contains(nginx), "README lacks: " + nginx);
            assertTrue(readme.contains(apache), "README lacks: " + apache);
        }
    }
}
