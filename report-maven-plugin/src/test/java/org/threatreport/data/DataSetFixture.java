package org.threatreport.data;

import java.util.OptionalInt;
import org.threatreport.testing.Strictly;

/** The small, valid test table of {@code src/test/resources/data/good}. */
public final class DataSetFixture {

    private DataSetFixture() {
    }

    public static LoadedTable good() throws Exception {
        return Strictly.read(SchemaReader.read(DataValidationTest.DATA.resolve("good/incidents.schema.yaml")),
                OptionalInt.of(2017));
    }
}
