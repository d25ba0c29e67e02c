package org.threatreport.mojo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.threatreport.config.PublishOptions;
import org.threatreport.publish.PublishException;
import org.threatreport.diagnostic.Log;
import org.threatreport.publish.Publisher;

/**
 * A publish in a JVM of its own, so a test can kill it halfway. Arguments: the local site root, the
 * version, the target URL, user, password, a pause before each step that changes the server (to be
 * killed in), then optionally {@code overwrite} and {@code warm}. Prints each such step ("write
 * &lt;path&gt;", "move &lt;from&gt; &lt;to&gt;", …) before taking it, and "published" at the end.
 *
 * <p>With {@code warm} it first does a dry run (which loads every class a publish needs and changes
 * nothing), prints "ready" and waits for a line on its input before publishing: a test can start the
 * next publish while the one before is still running.
 */
public final class PublishMain {

    private PublishMain() {
    }

    public static void main(String[] args) throws Exception {
        Path siteRoot = Path.of(args[0]);
        List<String> flags = List.of(args).subList(6, args.length);
        boolean overwrite = flags.contains("overwrite");
        PublishOptions options = new PublishOptions(siteRoot, args[1], args[2], Optional.empty(),
                siteRoot.resolve("no-template"), overwrite, false, false);
        long pause = Long.parseLong(args[5]);
        try (WagonSiteTarget target = WagonSiteTarget.connect(args[2], "report-site",
                PublishFixture.auth(args[3], args[4]), null, scheme -> null)) {
            if (flags.contains("warm")) {
                try {
                    new Publisher(new PublishOptions(siteRoot, args[1], args[2], Optional.empty(),
                            siteRoot.resolve("no-template"), true, false, true), Log.silent()).publish(target);
                } catch (PublishException | IOException e) {
                    // Only warming up: the publish itself will say what is wrong.
                }
                System.out.println("ready");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            new Publisher(options, Log.silent()).publish(new SteppedTarget(target, (step, path) -> {
                System.out.println(step + " " + path);
                System.out.flush();
                SteppedTarget.pause(pause);
            }));
        }
        System.out.println("published");
    }
}
