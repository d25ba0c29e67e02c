package org.threatreport.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for a version's name, shared by building ({@code site:report}) and publishing: the name is
 * a folder of the site root, beside the root's own files, so it must be a plain folder name that can
 * never be taken for one of them.
 *
 * <ul>
 *   <li>letters, digits, {@code .}, {@code -}, {@code _}, {@code +}, starting with a letter or digit
 *       (so never {@code /}, never {@code ..}, never a hidden name: publishing's lock and unfinished
 *       uploads are the names starting with a dot);</li>
 *   <li>at most {@value #MAX_LENGTH} characters (temporary names add to it, and file systems stop at 255 bytes);</li>
 *   <li>not a name of the site root ({@code index.html}, {@code versions.json}, {@code latest}, …), in any
 *       letter case, since Windows and macOS file shares do not tell {@code Latest} from {@code latest};</li>
 *   <li>not a device name Windows reserves ({@code con}, {@code nul}, {@code com1}, …).</li>
 * </ul>
 */
public final class VersionName {

    /** The longest version name. */
    public static final int MAX_LENGTH = 64;

    /**
     * The names of the site root's own files and folders; {@code site.SiteRoot} writes them, and a test
     * keeps the two lists together.
     */
    public static final List<String> ROOT_NAMES = List.of("index.html", "versions.html", "versions.json",
            "versions.js", "404.html", "sitemap.xml", "latest");

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final Set<String> RESERVED = Set.copyOf(ROOT_NAMES);

    private VersionName() {
    }

    /**
     * What is wrong with {@code version} as a version's name, in words that end with an example of a
     * good one; empty when it is fine.
     *
     * @param property the option the name comes from, for the message ({@code report.version})
     */
    public static Optional<String> problem(String property, String version) {
        String shown = property + " '" + version + "'";
        String rule = "a version is a folder name of letters, digits, '.', '-', '_' or '+' (no '/' or '..'),"
                + " starting with a letter or digit, at most " + MAX_LENGTH + " characters";
        if (version == null || version.isEmpty()) {
            return Optional.of(property + " is empty: " + rule + ", e.g. 2017.1");
        }
        String lower = version.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower)) {
            return Optional.of(shown + " is the name of a file of the site root (" + String.join(", ", ROOT_NAMES)
                    + "), which the version's folder would replace: choose another name, e.g. 2017.1");
        }
        if (version.length() > MAX_LENGTH) {
            return Optional.of(property + " '" + version.substring(0, 20) + "…' is " + version.length()
                    + " characters long: " + rule + ", e.g. 2017.1");
        }
        if (!ALLOWED.matcher(version).matches() || version.contains("..")) {
            return Optional.of(shown + " is not a usable version: " + rule + suggestion(version));
        }
        if (DEVICE.matcher(lower).matches()) {
            return Optional.of(shown + " is a device name on Windows, which no file share can hold: choose another"
                    + " name, e.g. 2017.1");
        }
        return Optional.empty();
    }

    /** The closest good name: the characters that are not allowed become '-', e.g. {@code 2017/1} → {@code 2017-1}. */
    private static String suggestion(String version) {
        String closer = version.replaceAll("[^A-Za-z0-9._+-]+", "-").replaceAll("\\.{2,}", ".")
                .replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        if (!closer.isEmpty() && !closer.equals(version) && closer.length() <= MAX_LENGTH
                && ALLOWED.matcher(closer).matches() && !RESERVED.contains(closer.toLowerCase(Locale.ROOT))
                && !DEVICE.matcher(closer.toLowerCase(Locale.ROOT)).matches()) {
            return " (did you mean '" + closer + "'?)";
        }
        return ", e.g. 2017.1";
    }
}
