// The new English report: built with English texts and user interface, its title escaped in the POM
// and report.yaml, and the strict check clean.
def project = new File(basedir, 'annual-report')
def pom = new File(project, 'pom.xml').getText('UTF-8')
assert pom.contains('<name>Threat landscape 2024 &amp; outlook</name>')
assert pom.contains('<artifactId>annual-report</artifactId>')
assert pom.contains("<version>${pluginVersion}</version>")

def site = new File(project, 'target/report-site/2024.0')
def overview = new File(site, '01-overview.html').getText('UTF-8')
assert overview.contains('<html lang="en">')
assert overview.contains('ACME CERT recorded 40 cyber-security incidents')
assert overview.contains('Figure 1')
assert !overview.contains('图 ')
def industries = new File(site, '02-industries.html').getText('UTF-8')
assert industries.contains('Government had the most incidents, 12 or 30.0% of the total')
assert new File(site, 'index.html').getText('UTF-8').contains('Threat landscape 2024 &amp; outlook')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('site:check found 0 errors and 0 warnings')
return true
