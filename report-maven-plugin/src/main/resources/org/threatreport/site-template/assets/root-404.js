// The site root's 404 page loads this from the latest version: its first link leads to the page
// asked for in the latest version when that version has it (the list of versions is the site
// root's versions.js, loaded before this script).
(function () {
  "use strict";
  var versions = window.threatReportVersions || [], latest = versions[0];
  var page = location.pathname.split("/").pop();
  var link = document.getElementById("same-page");
  if (link && latest && page && latest.pages.indexOf(page) >= 0) {
    link.setAttribute("href", latest.version + "/" + page);
  }
})();
