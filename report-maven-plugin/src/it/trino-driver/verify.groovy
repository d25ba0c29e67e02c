// The plugin loads Trino's driver from the plugin's <dependencies> (not "no JDBC driver"), and a coordinator
// that does not answer is one located error per table, at the schema's url, without a stack trace.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert !log.contains('no JDBC driver') : 'the driver added to the plugin was not found'
['phishing', 'assets'].each { table ->
    assert log.contains("data/${table}.schema.yaml:2:8: error: cannot reach jdbc:trino://127.0.0.1:9/hive/soc (table ${table})") :
            "no located error for ${table}"
}
assert log.contains('is the database running')
assert !log.contains('\tat ') : 'a stack trace was printed at the default log level'
return true
