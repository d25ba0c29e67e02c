// Progressive enhancement only: every page works without scripts.
(function () {
  "use strict";
  // Let readers copy a link to any heading: headings with an id get a "#" anchor.
  document.querySelectorAll("main h2[id], main h3[id]").forEach(function (heading) {
    var anchor = document.createElement("a");
    anchor.className = "heading-anchor";
    anchor.href = "#" + heading.id;
    anchor.setAttribute("aria-label", heading.textContent);
    anchor.textContent = "#";
    heading.appendChild(anchor);
  });

  // The version selector and the banner of an older version. The list of versions comes from the
  // site root's versions.js (a script setting a global, so it works from file:// too) and is read when
  // the page is opened: a version published long ago learns of the newer ones without being rebuilt.
  var versions = window.threatReportVersions;
  var meta = function (name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : "";
  };
  var current = meta("report-version");
  var page = meta("report-page") || "index.html";
  if (!Array.isArray(versions) || versions.length === 0) {
    return;
  }
  var byVersion = {};
  versions.forEach(function (entry) { byVersion[entry.version] = entry; });
  // The same page in another version, or that version's home when it has no such page.
  var pageIn = function (entry) {
    return "../" + entry.version + "/" + (entry.pages.indexOf(page) >= 0 ? page : "index.html");
  };
  var switchers = Array.prototype.slice.call(document.querySelectorAll(".version-switcher"));
  var banner = document.getElementById("version-banner");
  // A version as readers see it: a -SNAPSHOT one as a draft with its number, as the pages show it.
  var draftNode = switchers[0] || banner;
  var draft = draftNode && draftNode.getAttribute("data-draft");
  var label = function (version) {
    var suffix = "-SNAPSHOT";
    return draft && version.length > suffix.length && version.slice(-suffix.length) === suffix
      ? draft.replace("{0}", version.slice(0, -suffix.length)) : version;
  };
  // Each list of versions (in the header, and in the contents menu for phones) becomes a selector.
  switchers.forEach(function (switcher) {
    var list = switcher.querySelector(".version-list");
    if (!list) {
      return;
    }
    var select = document.createElement("select");
    select.className = "version-select";
    select.setAttribute("aria-label", switcher.getAttribute("data-label"));
    var choices = versions.slice();
    if (!byVersion[current]) {
      choices.unshift({ version: current, aliases: [], pages: [page] });
    }
    choices.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = pageIn(entry);
      option.textContent = label(entry.version) + (entry.aliases.indexOf("latest") >= 0
        ? " (" + switcher.getAttribute("data-latest") + ")" : "");
      option.selected = entry.version === current;
      select.appendChild(option);
    });
    var currentIndex = select.selectedIndex;
    select.addEventListener("change", function () { window.location.href = select.value; });
    // Coming back to this page (back/forward cache, restored form state) must not show the version left for.
    window.addEventListener("pageshow", function () { select.selectedIndex = currentIndex; });
    var all = list.querySelector(".version-all");
    list.parentNode.insertBefore(select, list);
    list.hidden = true;
    if (all) {
      var link = all.querySelector("a").cloneNode(true);
      link.className = "version-all-link";
      switcher.appendChild(link);
    }
  });
  var latest = versions[0];
  var own = byVersion[current];
  if (banner && own && latest.version !== current) {
    // What changed: the corrections log of the newest version of this edition, else of the latest.
    var revision = versions.filter(function (entry) { return entry.edition === own.edition; })[0];
    var changes = revision && revision.version !== current ? revision : latest;
    var text = banner.getAttribute("data-outdated")
      .replace("{0}", label(current)).replace("{1}", own.date).replace("{2}", label(latest.version));
    var paragraph = document.createElement("p");
    paragraph.appendChild(document.createTextNode(text + " "));
    var same = document.createElement("a");
    same.className = "version-banner-latest";
    same.href = pageIn(latest);
    same.textContent = banner.getAttribute("data-same-page");
    paragraph.appendChild(same);
    if (changes.pages.indexOf("corrections.html") >= 0) {
      paragraph.appendChild(document.createTextNode(" · "));
      var changed = document.createElement("a");
      changed.className = "version-banner-changes";
      changed.href = "../" + changes.version + "/corrections.html";
      changed.textContent = banner.getAttribute("data-changes");
      paragraph.appendChild(changed);
    }
    banner.appendChild(paragraph);
    banner.hidden = false;
  }
})();
