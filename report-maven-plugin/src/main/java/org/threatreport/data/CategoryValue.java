package org.threatreport.data;

/**
 * One allowed value of a category column.
 *
 * @param value what the CSV holds
 * @param label what readers see (the value itself unless the schema gives a label)
 * @param group the group the value belongs to, or null
 */
public record CategoryValue(String value, String label, String group) {
}
