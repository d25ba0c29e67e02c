package org.threatreport.testing;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.threatreport.data.CsvTableReader;
import org.threatreport.data.DataLoader;
import org.threatreport.data.DataSet;
import org.threatreport.data.LoadedTable;
import org.threatreport.data.Schema;
import org.threatreport.diagnostic.InputException;
import org.threatreport.diagnostic.Problems;
import org.threatreport.model.Report;
import org.threatreport.model.ReportInfo;
import org.threatreport.model.ReportLoader;

/** The input stages as a strict build runs them: an error stops them, with every problem found. */
public final class Strictly {

    private Strictly() {
    }

    private static void throwIfErrors(Problems problems) throws InputException {
        if (problems.hasErrors()) {
            throw new InputException(problems.list());
        }
    }

    public static LoadedTable read(Schema schema, OptionalInt year) throws InputException {
        Problems problems = new Problems();
        LoadedTable table = CsvTableReader.read(schema, year, problems);
        throwIfErrors(problems);
        return table;
    }

    public static DataSet data(Path dataDir, OptionalInt year) throws InputException {
        Problems problems = new Problems();
        DataSet data = DataLoader.load(dataDir, year, problems);
        throwIfErrors(problems);
        return data;
    }

    public static ReportInfo info(Path contentDir, String version) throws InputException {
        Problems problems = new Problems();
        ReportInfo info = ReportLoader.readInfo(contentDir, version, problems);
        throwIfErrors(problems);
        return info;
    }

    public static Report report(Path contentDir, ReportInfo info, DataSet data) throws InputException {
        Problems problems = new Problems();
        Report report = ReportLoader.load(contentDir, info, data, problems);
        throwIfErrors(problems);
        return report;
    }
}
