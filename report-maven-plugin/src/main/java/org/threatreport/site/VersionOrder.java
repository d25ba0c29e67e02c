package org.threatreport.site;

import java.util.Comparator;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Orders version names as Maven does ({@link ComparableVersion}): versions default to the project's
 * own, so they sort the way Maven users expect — {@code 2017.2 < 2017.10},
 * {@code 1.0-alpha < 1.0-rc < 1.0-SNAPSHOT < 1.0 < 1.0-sp1 < 1.0.1}. Names Maven counts equal keep
 * their alphabetical order, so the order is total.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int order = new ComparableVersion(a).compareTo(new ComparableVersion(b));
        return order != 0 ? order : a.compareTo(b);
    }
}
