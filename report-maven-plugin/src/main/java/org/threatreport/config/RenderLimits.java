package org.threatreport.config;

import java.time.Duration;

/**
 * How much a chapter's template may do before its rendering is stopped: a slip such as
 * {@code <#list 1..2000000000 as i>} must end the build with a located error, not hang it.
 *
 * @param time       the longest a chapter may take to render
 * @param characters the most Markdown a chapter may produce
 */
public record RenderLimits(Duration time, long characters) {

    /** Generous enough for any real chapter: a minute, and 50 million characters. */
    public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(60), 50_000_000L);

    public RenderLimits {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("report.renderTimeout must be a positive number of seconds, not " + time);
        }
        if (characters < 1) {
            throw new IllegalArgumentException("a chapter's output limit must be positive, not " + characters);
        }
    }
}
