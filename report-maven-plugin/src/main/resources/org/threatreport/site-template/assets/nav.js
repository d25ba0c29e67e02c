// Reading aids, all progressive: the contents as a menu on small screens, the section in view
// marked in the sidebar, links to headings copied with one click, figures opened larger, and a
// print button on the whole-report page. Every page works without them.
(function () {
  "use strict";
  var ui = {};
  try {
    var strings = document.getElementById("report-ui");
    ui = strings ? JSON.parse(strings.textContent) : {};
  } catch (e) { ui = {}; }
  function say(key) { return ui[key] || key; }

  // A polite announcement for screen readers, and a short visible note.
  var note = document.createElement("div");
  note.className = "toast";
  note.setAttribute("role", "status");
  document.body.appendChild(note);
  var noteTimer = 0;
  function announce(text) {
    note.textContent = text;
    note.classList.add("is-visible");
    clearTimeout(noteTimer);
    noteTimer = setTimeout(function () { note.classList.remove("is-visible"); }, 2000);
  }

  // ---- The contents as a menu on small screens ----
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    var setOpen = function (open) {
      document.body.classList.toggle("nav-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        // The contents first: the menu's versions come before them, but are not what it is opened for.
        var first = nav.querySelector(".nav-chapters a") || nav.querySelector("a");
        if (first) { first.focus(); }
      }
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("nav-open")) {
        setOpen(false);
        toggle.focus();
      }
    });
    nav.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) { setOpen(false); }
    });
  }

  // ---- The section in view, marked in the sidebar ----
  var sectionLinks = Array.prototype.slice.call(document.querySelectorAll(".nav-sections a"));
  if (sectionLinks.length) {
    var targets = sectionLinks.map(function (link) {
      return document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    var current = null;
    var mark = function () {
      var line = Math.min(window.innerHeight * 0.25, 120);
      var active = 0;
      targets.forEach(function (target, i) {
        if (target && target.getBoundingClientRect().top <= line) { active = i; }
      });
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
        // At the very bottom the last sections can never reach the line: the last one is in view.
        for (var i = targets.length - 1; i >= 0; i--) {
          if (targets[i] && targets[i].getBoundingClientRect().top < window.innerHeight) { active = i; break; }
        }
      }
      if (current === sectionLinks[active]) { return; }
      if (current) { current.removeAttribute("aria-current"); }
      current = sectionLinks[active];
      current.setAttribute("aria-current", "location");
    };
    var scheduled = false;
    window.addEventListener("scroll", function () {
      if (scheduled) { return; }
      scheduled = true;
      window.requestAnimationFrame(function () { scheduled = false; mark(); });
    }, { passive: true });
    window.addEventListener("hashchange", mark);
    mark();
  }

  // ---- Links to headings: a click copies the address of the section ----
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the address bar still shows it */ }
    document.body.removeChild(area);
  }
  document.querySelectorAll(".heading-anchor").forEach(function (anchor) {
    var heading = anchor.parentNode;
    var title = heading.textContent.replace(/#$/, "").trim();
    anchor.setAttribute("aria-label", say("js.anchor.copy").replace("{0}", title));
    anchor.title = anchor.getAttribute("aria-label");
    anchor.addEventListener("click", function (event) {
      event.preventDefault();
      var id = heading.id;
      if (window.history && history.replaceState) { history.replaceState(null, "", "#" + encodeURIComponent(id)); }
      heading.scrollIntoView();
      copy(window.location.href).then(function () { announce(say("js.anchor.copied")); });
    });
  });

  // ---- Figures open larger, in a dialog ----
  var dialog = null;
  function figureDialog() {
    if (dialog) { return dialog; }
    dialog = document.createElement("dialog");
    dialog.className = "figure-dialog";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "figure-dialog-close";
    close.textContent = say("js.figure.close");
    close.addEventListener("click", function () { dialog.close(); });
    var image = document.createElement("img");
    var caption = document.createElement("p");
    caption.className = "figure-dialog-caption";
    caption.id = "figure-dialog-caption";
    dialog.setAttribute("aria-labelledby", caption.id);
    dialog.appendChild(close);
    dialog.appendChild(image);
    dialog.appendChild(caption);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) { dialog.close(); }
    });
    document.body.appendChild(dialog);
    return dialog;
  }
  document.querySelectorAll(".figure-image").forEach(function (link) {
    var figure = link.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    link.setAttribute("aria-haspopup", "dialog");
    link.title = say("js.figure.open");
    link.addEventListener("click", function (event) {
      if (typeof HTMLDialogElement !== "function" || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      var box = figureDialog();
      var source = link.querySelector("img");
      var image = box.querySelector("img");
      // The drawing the page shows (narrow or wide, light or dark), half as large again as there.
      image.src = (source && source.currentSrc) || link.getAttribute("href");
      image.style.minWidth = source ? Math.round(source.getBoundingClientRect().width * 1.5) + "px" : "";
      image.alt = source ? source.alt : "";
      box.querySelector(".figure-dialog-caption").textContent = caption ? caption.textContent : "";
      box.showModal();
      box.querySelector(".figure-dialog-close").focus();
    });
  });

  // ---- In-page links under a <base> (the 404 page): they would leave the page, so keep them on it ----
  if (document.querySelector("base[href]")) {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      var target = link && document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (target) {
        event.preventDefault();
        window.location.hash = link.getAttribute("href");
        if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
        target.focus();
      }
    });
  }

  // ---- The whole report: a print button ----
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
