// The new Chinese report: its files, a POM pinning this plugin, a built site with computed values,
// figures and a table, a clean strict check, and no second report written over the first.
def project = new File(basedir, 'annual-report')
['pom.xml', '.gitignore', 'README.md', 'content/report.yaml', 'content/index.md', 'content/01-overview.md',
 'content/02-industries.md', 'data/incidents.csv', 'data/incidents.schema.yaml', 'site-template/README.md'].each {
    assert new File(project, it).isFile() : "missing $it"
}
def pom = new File(project, 'pom.xml').getText('UTF-8')
assert pom.contains("<version>${pluginVersion}</version>") : 'the POM uses the plugin version that made it'
assert pom.contains('<name>华东区 2024 年网络安全报告</name>')
def yaml = new File(project, 'content/report.yaml').getText('UTF-8')
assert yaml.contains('title: "华东区 2024 年网络安全报告"') && yaml.contains('year: 2024') && yaml.contains('language: zh-CN')

def site = new File(project, 'target/report-site/2024.0')
['index.html', '01-overview.html', '02-industries.html', 'figures/fig-monthly.svg', 'figures/fig-monthly.png',
 'figures/fig-industry.svg', 'data/incidents.csv'].each {
    assert new File(site, it).isFile() : "missing $it"
}
def overview = new File(site, '01-overview.html').getText('UTF-8')
assert overview.contains('<html lang="zh-CN">')
assert overview.contains('华东区安全运营中心共记录网络安全事件 40 起')
assert overview.contains('图 1')
def industries = new File(site, '02-industries.html').getText('UTF-8')
assert industries.contains('id="tbl-type"') && industries.contains('表 1')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("report.folder 'annual-report' already exists and is not empty: nothing was written")
assert !log.contains('\tat org.threatreport') : 'a stack trace was printed at the default log level'
assert new File(project, 'content/report.yaml').getText('UTF-8') == yaml : 'the first report is untouched'
return true
