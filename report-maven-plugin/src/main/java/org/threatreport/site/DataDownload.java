package org.threatreport.site;

import java.nio.charset.Charset;
import org.threatreport.render.SpreadsheetCells;

/**
 * A data table as readers download it ({@code data/<table>.csv}, also what the notebooks beside it
 * read): the project's own CSV file, byte for byte, except that a cell a spreadsheet would take for a
 * formula is written quoted with a leading apostrophe ({@link SpreadsheetCells}). Incident data holds
 * text from outside (subjects of phishing mails, file names, addresses), which must not run when a
 * reader opens the table in Excel. The notebooks remove the apostrophe when they read the file, so
 * they count exactly what the report counted. A table without such cells is copied unchanged.
 */
public final class DataDownload {

    private DataDownload() {
    }

    /** @param encoding the file's character encoding (its schema's {@code encoding}) */
    public static byte[] of(byte[] csv, Charset encoding) {
        String text = new String(csv, encoding);
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean changed = false;
        int i = 0;
        if (text.startsWith("\uFEFF")) {
            out.append('\uFEFF');
            i = 1;
        }
        while (i < text.length()) {
            int end;
            String value;
            if (text.charAt(i) == '"') {
                StringBuilder unquoted = new StringBuilder();
                end = i + 1;
                while (end < text.length()) {
                    char c = text.charAt(end++);
                    if (c == '"' && end < text.length() && text.charAt(end) == '"') {
                        unquoted.append('"');
                        end++;
                    } else if (c == '"') {
                        break;
                    } else {
                        unquoted.append(c);
                    }
                }
                value = unquoted.toString();
            } else {
                end = i;
                while (end < text.length() && ",\r\n".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                value = text.substring(i, end);
            }
            String safe = SpreadsheetCells.safe(value);
            if (safe.equals(value)) {
                out.append(text, i, end);
            } else {
                out.append('"').append(safe.replace("\"", "\"\"")).append('"');
                changed = true;
            }
            // The separator or line end after the cell, as it was.
            i = end;
            while (i < text.length() && ",\r\n".indexOf(text.charAt(i)) >= 0) {
                char c = text.charAt(i++);
                out.append(c);
                if (c == ',') {
                    break;
                }
            }
        }
        return changed ? out.toString().getBytes(encoding) : csv;
    }
}
