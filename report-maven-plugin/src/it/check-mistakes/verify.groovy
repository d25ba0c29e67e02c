// site:check reports every mistake of every file in one run, one line each, and fails; it writes no site.
def log = new File(basedir, 'build.log').getText('UTF-8')
def expected = [
    // hand-typed numbers that equal computed values (warnings)
    'content/01-overview.md:5:54: warning: "12" is typed by hand; it equals the count of Retail — write it as a computed value, e.g. ${tickets.count("industry", "Retail")}',
    'content/01-overview.md:5:66: warning: "50.0%" is typed by hand; it equals the share of Retail — write it as a computed value, e.g. ${tickets.share("industry", "Retail")}',
    // template errors in a chapter's inline values
    "content/01-overview.md:6:71: error: 'ticket' is not defined (did you mean 'tickets'?); the values available are assets, report, tickets",
    "content/01-overview.md:7:11: error: unknown value 'Phising' of column 'kind' (did you mean 'Phishing'?); expected one of: Phishing, Malware",
    // cells naming unknown columns and values
    "content/01-overview.md:21:9: error: unknown column 'knd' (did you mean 'kind'?); the columns of tickets are id, date, industry, kind",
    "content/01-overview.md:29:19: error: unknown value 'Retial' of column 'industry' (did you mean 'Retail'?); expected one of Retail, Finance, Health",
    // a figure never referred to (warning)
    "content/01-overview.md:33:1: warning: figure 'fig-months' (Figure 2) is never referred to: point readers to it where the text discusses it, with @fig-months",
    // a broken cross-reference and broken links
    "content/01-overview.md:41:23: error: no figure or table has id 'fig-kind' (did you mean 'fig-kinds'?)",
    "content/01-overview.md:41:49: error: broken link '02-findngs.html': the site has no file 02-findngs.html (did you mean '02-findings.html'?)",
    "content/01-overview.md:41:85: error: broken link '02-findings.html#fig-nope': 02-findings.html has no anchor 'fig-nope'",
    // chapter front matter
    "content/03-appendix.md:1:1: error: the chapter has no title: start it with a front matter '---', 'title: …', '---'",
    "content/03-appendix.md:2:1: error: unknown front matter key 'titel' (did you mean 'title'?); expected one of title, numbered",
    // data and schemas
    "data/assets.csv:3:4: error: unknown kind 'Laptp' (did you mean 'Laptop'?); expected one of: Laptop, Server",
    "data/people.schema.yaml:4:24: error: unknown type 'strng'; expected one of date, year-month, category, multi-category, integer, decimal, boolean, text",
    // a layout of the site template, although no page uses it yet
    "site-template/note.ftlh:2:32: error: template syntax: Encountered \"/\", which does not fit here (is a '}', ')' or '>' missing before it?)",
]
expected.each { assert log.contains(it) : "missing finding: $it" }
def findings = log.readLines().findAll { it ==~ /^\[(ERROR|WARNING)\] (content|data|site-template)\/.*/ }
assert findings.size() == expected.size() : "expected ${expected.size()} findings, found:\n" + findings.join('\n')
assert log.contains('site:check found 12 errors and 3 warnings')
assert !log.contains('\tat org.threatreport') : 'a stack trace was printed at the default log level'
assert !new File(basedir, 'target/report-site').exists() : 'site:check wrote a site'
return true
