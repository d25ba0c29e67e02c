package org.threatreport.pipeline;

/** How long one named stage of a build took. */
public record StageTiming(String stage, long millis) {
}
