// Every mistake of the chapter is reported in one run, located, without a stack trace; the last
// good site stays as it was.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('content/01-intro.md:9:8: error: unknown chart type \'bars\' (did you mean \'bar\'?); expected one of bar, column, stacked, line, pie, donut')
assert log.contains('content/01-intro.md:14:5: error: no figure or table has id \'fig-kind\' (did you mean \'fig-kinds\'?)') ||
       log.contains('content/01-intro.md:14:5: error: no figure or table has id \'fig-kind\'')
assert !log.contains('\tat org.threatreport') : 'a stack trace was printed at the default log level'
assert new File(basedir, 'target/report-site/1.0/index.html').getText('UTF-8').contains('last good build')
return true
