package org.threatreport.pipeline;

import java.nio.file.Path;
import org.threatreport.diagnostic.InputException;

class TryMain {
    public static void main(String[] args) throws Exception {
        try {
            BuildResult r = new ReportBuild(FlagshipBuild.options(Path.of("/tmp/site"), Path.of("/tmp/cache")), new BuildLog() {
                public void info(String m) { System.out.println(m); }
                public void debug(String m) { System.out.println("  " + m); }
            }).run();
            System.out.println(r);
        } catch (InputException e) {
            System.out.println(e.describe(FlagshipBuild.ROOT));
        }
    }
}
