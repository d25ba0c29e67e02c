// The report counted by DuckDB is the report counted in memory, byte for byte: every page, figure, table,
// Markdown file, notebook and the PDF. From Parquet only what copies the rows differs: the site offers no
// CSV download of a table it did not read from CSV, and the notebooks cannot count it again.
def version = '1.0'
def csv = new File(basedir, "target/csv-site/$version")
def files(File root) {
    def found = new TreeMap<String, File>()
    root.eachFileRecurse(groovy.io.FileType.FILES) { found[root.toPath().relativize(it.toPath()).toString()] = it }
    found
}
def expected = files(csv)
assert expected.containsKey('data/phishing.csv') && expected.containsKey('report.pdf') && expected.size() > 40

def fromDuckDb = files(new File(basedir, "target/duckdb-site/$version"))
assert fromDuckDb.keySet() == expected.keySet()
expected.each { name, file -> assert fromDuckDb[name].bytes == file.bytes : "$name differs when DuckDB counts the CSV files" }

def fromParquet = files(new File(basedir, "target/parquet-site/$version"))
def copiesRows = { String name -> name.startsWith('data/') || name.endsWith('.ipynb') || name == 'index.html' }
assert fromParquet.keySet() == expected.keySet().findAll { !it.startsWith('data/') } as Set
expected.findAll { name, file -> !copiesRows(name) }.each { name, file ->
    assert fromParquet[name].bytes == file.bytes : "$name differs when DuckDB counts Parquet files"
}
def index = fromParquet['index.html'].getText('UTF-8')
assert !index.contains('data/phishing.csv') : 'a table read from Parquet is not offered as CSV'
def notebook = fromParquet['02-campaigns.ipynb'].getText('UTF-8')
assert notebook.contains('counted where they lie') && !notebook.contains('(null,') : 'no notebook code counts a table it has no rows of'

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('(2 counted where they lie)')
return true
