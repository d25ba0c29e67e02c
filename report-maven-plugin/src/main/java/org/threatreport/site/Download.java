package org.threatreport.site;

/** A file readers can download: a data table, or a figure's numbers. */
public record Download(String title, String href) {
}
