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
})();
