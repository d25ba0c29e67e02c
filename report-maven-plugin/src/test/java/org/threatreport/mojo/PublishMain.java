package org.threatreport.mojo;

import java.nio.file.Path;
import java.util.Optional;
import org.threatreport.config.PublishOptions;
import org.threatreport.publish.PublishLog;
import org.threatreport.publish.Publisher;

/**
 * A publish in a JVM of its own, so a test can kill it halfway. Arguments: the local site root, the
 * version, the target URL, user, password, a pause before each step that changes the server (to be
 * killed in), and optionally {@code overwrite}. Prints each such step ("write &lt;path&gt;", "move
 * &lt;from&gt; &lt;to&gt;", …) before taking it, and "published" at the end.
 */
public final class PublishMain {

    private PublishMain() {
    }

    public static void main(String[] args) throws Exception {
        Path siteRoot = Path.of(args[0]);
        boolean overwrite = args.length > 6 && args[6].equals("overwrite");
        PublishOptions options = new PublishOptions(siteRoot, args[1], args[2], Optional.empty(),
                siteRoot.resolve("no-template"), overwrite, false, false);
        long pause = Long.parseLong(args[5]);
        try (WagonSiteTarget target = WagonSiteTarget.connect(args[2], "report-site",
                PublishFixture.auth(args[3], args[4]), null, scheme -> null)) {
            new Publisher(options, PublishLog.silent()).publish(new SteppedTarget(target, (step, path) -> {
                System.out.println(step + " " + path);
                System.out.flush();
                SteppedTarget.pause(pause);
            }));
        }
        System.out.println("published");
    }
}
