// A report of 2017 from a table of five years. Every number checked here is recomputed by this script from
// data/incidents.csv (not by the plugin): counts per year, changes on the year before, medians and
// percentiles (linear interpolation between closest ranks), the bases under the figures, shares left out.
import java.math.RoundingMode

def site = new File(basedir, 'target/report-site/2017.0')
['index.html', '01-overview.html', '02-trends.html', '01-overview.md', '02-trends.ipynb', 'report.pdf',
 'data/incidents.csv', 'figures/fig-yearly.csv', 'figures/fig-dwell.svg', 'figures/fig-records.svg'].each {
    assert new File(site, it).isFile() : "missing $it"
}

// ---- the data, read here ------------------------------------------------------------------------------
def lines = new File(basedir, 'data/incidents.csv').readLines('UTF-8')
def header = lines[0].split(',', -1) as List
def rows = lines.drop(1).collect { line ->
    def cells = line.split(',', -1)
    (0..<header.size()).collectEntries { [(header[it]): cells[it]] }
}
assert rows.size() == 2000
def ofYear = { int year -> rows.findAll { it.date.startsWith("$year") } }
def numbers = { List rs, String column -> rs.findAll { it[column] != '' }.collect { new BigDecimal(it[column]) } }
def percentile = { List<BigDecimal> cells, int percent ->
    def xs = cells.sort(false)
    def h = new BigDecimal(xs.size() - 1).multiply(new BigDecimal(percent)).divide(new BigDecimal(100))
    int low = h.setScale(0, RoundingMode.FLOOR).intValue()
    def fraction = h.subtract(new BigDecimal(low))
    fraction.signum() == 0 ? xs[low] : xs[low].add(fraction.multiply(xs[low + 1].subtract(xs[low])))
}
// As the report prints a measure: half-up to at most one decimal, with digit grouping.
def measure = { BigDecimal value ->
    def one = value.setScale(1, RoundingMode.HALF_UP)
    def shown = one.stripTrailingZeros().scale() <= 0 ? one.setScale(0) : one
    String.format(Locale.ENGLISH, shown.scale() == 0 ? '%,d' : '%,.1f', shown.scale() == 0 ? shown.toBigInteger() : shown)
}
def grouped = { long count -> String.format(Locale.ENGLISH, '%,d', count) }
def percentChange = { long now, long before ->
    def p = new BigDecimal(now - before).multiply(new BigDecimal(100)).divide(new BigDecimal(before), 1, RoundingMode.HALF_UP)
    (p.signum() > 0 ? 'up ' : 'down ') + p.abs().toPlainString() + '%'
}
def share = { long count, long base ->
    new BigDecimal(count).multiply(new BigDecimal(100)).divide(new BigDecimal(base), 1, RoundingMode.HALF_UP).toPlainString() + '%'
}

// ---- the pages as read: tags out, entities back, white space collapsed -------------------------------------
def text = { String name ->
    new File(site, name).getText('UTF-8').replaceAll('(?s)<script.*?</script>', ' ').replaceAll('(?s)<svg.*?</svg>', ' ')
            .replaceAll('<[^>]+>', ' ').replace('&nbsp;', ' ').replace('&amp;', '&').replace('&lt;', '<')
            .replace('&gt;', '>').replace('&quot;', '"').replace('&#39;', "'").replaceAll('\\s+', ' ')
}
def csv = { String id -> new File(site, "figures/${id}.csv").readLines('UTF-8') }
def overview = text('01-overview.html')
def trends = text('02-trends.html')

// ---- counts per year: the line over all years, and the changes on the year before --------------------------
def perYear = (2013..2017).collect { ofYear(it).size() }
assert perYear == [300, 340, 390, 430, 540]
assert csv('fig-yearly') == ['Date,Count,Share'] + (2013..2017).collect { y ->
    "$y,${perYear[y - 2013]},${share(perYear[y - 2013], rows.size())}".toString()
}
assert trends.contains('Incidents per year, 2013–2017 (n = 2,000)') : 'the base of the five years, grouped'
def change = percentChange(540, 430)
assert change == 'up 25.6%'
assert overview.contains("In 2017 we handled 540 incidents: $change on 2016, and up ${540 - 430} on 2016 in number.")
assert overview.contains('The year before we had 430, and in 2015 390; over the five years, 2,000.')
def finance = { int y -> ofYear(y).count { it.industry == 'Finance' } as long }
assert overview.contains("Finance remains the largest industry (${finance(2017)} incidents, ${percentChange(finance(2017), finance(2016))} on 2016)")

// The table with a column per year and the change of the last.
def industries = ['Finance', 'Healthcare', 'Public sector', 'Retail', 'Manufacturing', 'Education', 'Hospitality', 'Other']
def industryYears = csv('tbl-industry-years')
assert industryYears[0] == 'Industry,2013,2014,2015,2016,2017,Change on 2016'
assert industryYears.size() == 1 + industries.size()
industries.each { industry ->
    def counts = (2013..2017).collect { y -> ofYear(y).count { it.industry == industry } as long }
    def signed = percentChange(counts[4], counts[3]).replace('up ', '+').replace('down ', '−')
    assert industryYears.contains("${industry},${counts.join(',')},${signed}".toString()) : "$industry: $industryYears"
}

// ---- measures of 2017, and the median's change on 2016 --------------------------------------------------------
def dwell2017 = numbers(ofYear(2017), 'dwell_days')
def dwell2016 = numbers(ofYear(2016), 'dwell_days')
def median2017 = percentile(dwell2017, 50)
def median2016 = percentile(dwell2016, 50)
def medianChange = new BigDecimal(100).multiply(median2017.subtract(median2016)).divide(median2016, 1, RoundingMode.HALF_UP)
assert overview.contains("The median incident went unnoticed for ${measure(median2017)} days " +
        "(${medianChange.signum() < 0 ? 'down' : 'up'} ${medianChange.abs().toPlainString()}% on 2016)")
assert overview.contains("one in ten for more than ${percentile(dwell2017, 90).setScale(0, RoundingMode.HALF_UP)} days")
def mean = dwell2017.sum().divide(new BigDecimal(dwell2017.size()), 1, RoundingMode.HALF_UP)
assert overview.contains("The mean, ${mean.toPlainString()} days")
def records = numbers(ofYear(2017), 'records')
assert overview.contains("lost ${grouped(records.sum().longValue())} in all, a median of ${measure(percentile(records, 50))} " +
        "(${records.size()} incidents with a known number), and one in ten lost more than ${measure(percentile(records, 90))}")
assert text('index.html').contains("went unnoticed for ${measure(median2017)} days")

// Medians per industry: every value, largest first, with its n.
def medians = csv('fig-dwell-median')
assert medians[0] == 'Industry,Median of Dwell time (days),n'
industries.each { industry ->
    def cells = numbers(ofYear(2017).findAll { it.industry == industry }, 'dwell_days')
    def median = percentile(cells, 50).stripTrailingZeros()
    assert medians.contains("${industry},${median.scale() < 0 ? median.setScale(0) : median.toPlainString()},${cells.size()}".toString())
}
def medianValues = medians.drop(1).collect { new BigDecimal(it.split(',')[1]) }
assert medianValues == medianValues.sort(false).reverse() : 'largest first'

// ---- bases under the figures: n, values left out, exclusions -------------------------------------------------
def empty2017 = ofYear(2017).count { it.dwell_days == '' }
assert trends.contains("n = ${dwell2017.size()}; ${empty2017} with no value left out") : 'the histogram states its base'
def histogram = csv('fig-dwell').drop(1).collect { it.replaceAll('"[^"]*"', 'label').split(',')[1] as long }
assert histogram.sum() == dwell2017.size() : 'every measured incident is in one bin'
def known = ofYear(2017).findAll { it.actor != 'Unknown' }
def unknown = ofYear(2017).size() - known.size()
assert trends.contains("n = ${known.size()}; excluding Unknown (${unknown})")
def external = known.count { it.actor == 'External' } as long
assert csv('fig-actor')[1] == "External,${external},${share(external, known.size())}".toString()
assert overview.contains("outsiders were behind ${share(external, known.size())} of them")
def onlyYear = ofYear(2017).count { it.date.length() == 4 }
assert onlyYear > 0
assert trends.contains("Dated by when the incident was reported. (n = 540; ${onlyYear} with no month not shown)")
assert overview.contains("${onlyYear} incidents of the year are known only to the year")
assert csv('fig-monthly').drop(1).collect { it.split(',')[1] as long }.sum() == 540 - onlyYear

// ---- shares of too few rows are left out (min-n: 60 on the cell) ----------------------------------------------
def education = ofYear(2017).findAll { it.industry == 'Education' }
assert education.size() < 60
def educationTable = csv('tbl-education-actors')
assert educationTable[0] == 'Actor,Count,Share'
['External', 'Internal', 'Partner', 'Unknown'].each { actor ->
    assert educationTable.contains("${actor},${education.count { it.actor == actor }},".toString()) : 'no share printed'
}
assert trends.contains("n = ${education.size()}; —: fewer than 60 rows, no share shown")
def educationPage = new File(site, '02-trends.html').getText('UTF-8')
def educationHtml = educationPage.substring(educationPage.indexOf('id="tbl-education-actors"'))
educationHtml = educationHtml.substring(0, educationHtml.indexOf('</figure>'))
assert !educationHtml.contains('%') && educationHtml.count('>—<') == 4 : 'the page prints — in place of each share'

// ---- the strict check found nothing ---------------------------------------------------------------------------
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Loaded 2000 rows of 1 table(s)')
assert log.contains('site:check found 0 errors and 0 warnings')
assert !log.contains('[ERROR]') && !log.contains('[WARNING]')
return true
