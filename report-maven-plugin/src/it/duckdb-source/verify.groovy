// The report counted by DuckDB is the report counted in memory, byte for byte: every page, figure, table,
// Markdown file, notebook and the PDF — but for the data note of the home page and the corrections log, which
// says where and when DuckDB read the tables. From Parquet also what copies the rows differs: the site offers no
// CSV download of a table it did not read from CSV, and the notebooks cannot count it again. Built offline
// from the snapshots the Parquet build recorded, without the Parquet files, the report is that build, byte for byte.
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
def notesData = { String name -> name == 'index.html' || name == 'corrections.html' }
expected.findAll { name, file -> !notesData(name) }.each { name, file ->
    assert fromDuckDb[name].bytes == file.bytes : "$name differs when DuckDB counts the CSV files"
}
['index.html', 'corrections.html'].each { page ->
    assert !expected[page].getText('UTF-8').contains('Data of this version') : "$page of the CSV build has no data note"
    def text = fromDuckDb[page].getText('UTF-8')
    assert text.contains('Data of this version') && text.contains('<code>phishing.csv</code>') && text.contains(' UTC</dd>')
}

def fromParquet = files(new File(basedir, "target/parquet-site/$version"))
def copiesRows = { String name -> name.startsWith('data/') || name.endsWith('.ipynb') || notesData(name) }
assert fromParquet.keySet() == expected.keySet().findAll { !it.startsWith('data/') } as Set
expected.findAll { name, file -> !copiesRows(name) }.each { name, file ->
    assert fromParquet[name].bytes == file.bytes : "$name differs when DuckDB counts Parquet files"
}
def index = fromParquet['index.html'].getText('UTF-8')
assert !index.contains('data/phishing.csv') : 'a table read from Parquet is not offered as CSV'
def notebook = fromParquet['02-campaigns.ipynb'].getText('UTF-8')
assert notebook.contains('counted where they lie') && !notebook.contains('(null,') : 'no notebook code counts a table it has no rows of'

def parquetData = new File(basedir, 'target/data-parquet')
['phishing', 'assets'].each { table ->
    def snapshot = new File(parquetData, "${table}.snapshot.json").getText('UTF-8')
    assert snapshot.contains('"format": 1') && snapshot.contains("\"file\": \"${table}.parquet\"") && snapshot.contains('"queries": [')
}
def offlineData = new File(basedir, 'target/data-offline')
assert !offlineData.list().any { it.endsWith('.parquet') } && offlineData.list().any { it.endsWith('.snapshot.json') }
def offline = files(new File(basedir, "target/offline-site/$version"))
assert offline.keySet() == fromParquet.keySet()
fromParquet.each { name, file -> assert offline[name].bytes == file.bytes : "$name differs when built offline from the snapshots" }

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('(2 counted where they lie)')
assert log.contains('(2 from their snapshots: offline)')
assert log.contains('Recorded target/data-parquet/assets.snapshot.json, target/data-parquet/phishing.snapshot.json')
return true
