// The flagship report checks clean of errors; its warnings (if any) are listed in build.log.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /site:check found 0 errors and \d+ warnings?/
assert !log.contains('[ERROR]')
assert !new File(basedir, 'target/report-site').exists() : 'site:check wrote a site'
return true
