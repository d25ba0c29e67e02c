package org.threatreport.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.threatreport.testing.Requires;

/**
 * The site root as {@code site:report} leaves it ({@code target/report-site}, two versions), served by
 * a plain nginx as Debian runs it: its worker reads the files as {@code www-data}, not as the user who
 * built them. Every page, figure and download, and every folder's index, is served with status 200.
 */
class ServedSiteTest {

    @Test
    void everyFileOfTheSiteIsServedByAWebServerRunningAsAnotherUser() throws Exception {
        Requires.that(Files.isExecutable(Nginx.BINARY), "nginx (apt-get install nginx)");
        // The test's own folder, which www-data may pass through, as it may /srv or /var/www: what is
        // checked is that the files the build writes are readable, not the test's temporary folder.
        Path base = Files.createTempDirectory("served-site-");
        try {
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            PublishFixture fixture = new PublishFixture(base.resolve("project")).build("2017.0").revise().build("2017.1");
            Path site = fixture.siteRoot();
            List<String> paths = new ArrayList<>(List.of("", "latest/", "2017.0/", "2017.1/"));
            try (Stream<Path> walk = Files.walk(site)) {
                walk.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/')).sorted()
                        .forEach(paths::add);
            }
            assertTrue(paths.contains("2017.1/figures/fig-industry.svg") && paths.contains("2017.1/data/incidents.csv")
                    && paths.contains("latest/02-other.html") && paths.contains("versions.json"), paths.toString());

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> notServed = new ArrayList<>();
            try (Nginx nginx = Nginx.serve(base.resolve("nginx"), site)) {
                for (String path : paths) {
                    URI uri = new URI("http", null, "127.0.0.1", nginx.port(), "/" + path, null, null);
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        notServed.add(response.statusCode() + " " + path);
                    }
                }
            }
            assertEquals(List.of(), notServed, Nginx.servesAsAnotherUser()
                    ? "served by a worker running as www-data" : "served by a worker running as this user");
        } finally {
            PublishFixture.delete(base);
        }
    }
}
