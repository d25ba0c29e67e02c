// Two other data folders for the same rows: the CSV files with 'engine: duckdb' in their schemas, and the
// rows written as Parquet by DuckDB itself (the driver the plugin carries, from the local repository).
import java.nio.file.Files

def data = new File(basedir, 'data')
def duck = new File(basedir, 'target/data-duckdb')
def parquet = new File(basedir, 'target/data-parquet')
[duck, parquet].each { it.mkdirs() }
def jar = new File(localRepositoryPath, 'org/duckdb/duckdb_jdbc').listFiles().collect {
    new File(it, "duckdb_jdbc-${it.name}.jar") }.find { it.isFile() }
assert jar != null : 'DuckDB driver not in the local repository'
def driver = new URLClassLoader([jar.toURI().toURL()] as URL[], this.class.classLoader)
        .loadClass('org.duckdb.DuckDBDriver').getDeclaredConstructor().newInstance()
def connection = driver.connect('jdbc:duckdb:', new Properties())
try {
    data.listFiles().findAll { it.name.endsWith('.schema.yaml') }.each { schema ->
        def table = schema.name - '.schema.yaml'
        def csv = new File(data, table + '.csv')
        Files.copy(csv.toPath(), new File(duck, csv.name).toPath())
        new File(duck, schema.name).setText('engine: duckdb\n' + schema.getText('UTF-8'), 'UTF-8')
        // Typed as DuckDB detects them (dates as DATE, counts as BIGINT), as a data lake holds them.
        def target = new File(parquet, table + '.parquet')
        connection.createStatement().execute("COPY (SELECT * FROM read_csv('" + csv.absolutePath + "', header = true))"
                + " TO '" + target.absolutePath + "' (FORMAT parquet)")
        new File(parquet, schema.name).setText('file: ' + target.name + '\n' + schema.getText('UTF-8'), 'UTF-8')
    }
} finally {
    connection.close()
}
return true
