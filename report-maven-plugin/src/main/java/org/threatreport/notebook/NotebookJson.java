package org.threatreport.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * Writes a notebook's JSON the way Jupyter saves it (Python's {@code json.dumps(nb, indent=1,
 * sort_keys=True, ensure_ascii=False)}): keys sorted, one-space indents, {@code ": "} between key and
 * value, empty containers as {@code {}} and {@code []}. A notebook saved again by Jupyter therefore
 * shows no spurious diff, and two builds write the same bytes.
 */
final class NotebookJson {

    private static final ObjectWriter WRITER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                    .withArrayIndenter(new DefaultIndenter(" ", "\n")));

    private NotebookJson() {
    }

    /** @param value maps (any key order: they are written sorted), lists, strings, numbers, booleans, null */
    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
