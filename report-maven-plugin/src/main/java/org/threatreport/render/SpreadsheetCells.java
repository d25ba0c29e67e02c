package org.threatreport.render;

import java.util.regex.Pattern;

/**
 * CSV downloads made safe to open in a spreadsheet, as OWASP's "CSV Injection" advice has it: a text
 * cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be
 * run as a formula by Excel, LibreOffice or Google Sheets (a formula can fetch addresses, or start
 * programs through DDE), so it gets a leading apostrophe, which spreadsheets read as "this is text" and
 * show as the text itself. Numbers ({@code -5}, {@code +3.2}, {@code 1e-3}, {@code 12%}) are values, not
 * formulas, and stay as they are.
 *
 * <p>A text cell that already begins with apostrophes before such a character gets one more, so
 * {@link #original} gives back exactly what was written, whatever the text.
 */
public final class SpreadsheetCells {

    // The notebooks' readCsv undoes the mark with these same two expressions (notebook.JavaCode).
    private static final Pattern FORMULA = Pattern.compile("'*[=+@\t\r-](?s).*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?%?");

    private SpreadsheetCells() {
    }

    /** The cell as it is written to a CSV download. */
    public static String safe(String cell) {
        return needsMark(cell) ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #safe}. */
    public static String original(String cell) {
        return cell.startsWith("'") && needsMark(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsMark(String cell) {
        return FORMULA.matcher(cell).matches() && !NUMBER.matcher(cell).matches();
    }
}
