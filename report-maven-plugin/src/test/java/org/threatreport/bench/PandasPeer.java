package org.threatreport.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * pandas, the data stage's peer: {@code bench/pandas_bench.py} loads, checks and counts a CSV as
 * {@code DataLoader} and {@code TableView} do, and prints {@code INFO} and {@code RESULT} lines.
 *
 * @param python the interpreter ({@code /usr/bin/python3}: Debian's {@code python3-pandas})
 * @param root   the repository root
 */
record PandasPeer(String python, Path root) {

    /** Whether {@link #python} can import pandas. */
    boolean available() {
        return ChildProcesses.works(List.of(python, "-c", "import pandas"));
    }

    /**
     * One process of {@code bench/pandas_bench.py}.
     *
     * @param mode {@code cold} (one round in the fresh process) or {@code warm:N}
     */
    List<ProbeLine> run(Path schema, Path csv, String mode, Path scratch) throws IOException, InterruptedException {
        return ChildProcesses.run(List.of(python, root.resolve("bench/pandas_bench.py").toString(), schema.toString(),
                csv.toString(), mode), root, scratch, "pandas " + mode);
    }
}
