// Full-text search over every page of this version, in the browser. The index is search-index.js
// beside the pages: a script setting window.REPORT_SEARCH_INDEX, so search works from file:// too.
(function () {
  "use strict";

  // ---- The tokenizer: a line-for-line copy of org.threatreport.site.SearchTokenizer ----
  // Change both together; a browser test feeds both the same strings.
  var LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
  }

  function normalize(text) {
    var out = "";
    for (var i = 0; i < text.length;) {
      var c = text.codePointAt(i);
      var size = c > 0xFFFF ? 2 : 1;
      i += size;
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c -= 0xFEE0;
      } else if (c === 0x3000) {
        c = 0x20;
      }
      var ch = String.fromCodePoint(c);
      var lower = ch.toLowerCase();
      out += lower.length === size && Array.from(lower).length === 1 ? lower : ch;
    }
    return out;
  }

  function tokens(text) {
    var s = normalize(text);
    var terms = [];
    var word = "";
    var previous = null;
    for (var i = 0; i < s.length;) {
      var c = s.codePointAt(i);
      i += c > 0xFFFF ? 2 : 1;
      var ch = String.fromCodePoint(c);
      if (isCjk(c)) {
        if (word) { terms.push(word); word = ""; }
        terms.push(ch);
        if (previous !== null) { terms.push(previous + ch); }
        previous = ch;
      } else {
        previous = null;
        if (LETTER_OR_DIGIT.test(ch)) {
          word += ch;
        } else if (word) {
          terms.push(word); word = "";
        }
      }
    }
    if (word) { terms.push(word); }
    return terms;
  }
  // ---- end of the tokenizer ----

  var ui = {};
  try {
    var strings = document.getElementById("report-ui");
    ui = strings ? JSON.parse(strings.textContent) : {};
  } catch (e) { ui = {}; }
  function say(key, value) {
    return (ui[key] || key).replace("{0}", value === undefined ? "" : value);
  }

  // ---- The index ----
  var index = null;
  var waiting = [];
  var loading = false;

  function prepare(raw) {
    var keys = Object.keys(raw.terms).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    return {
      raw: raw,
      keys: keys,
      haystacks: raw.passages.map(function (p) { return normalize(p[2] + "\n" + p[3]); })
    };
  }

  function load(ready) {
    if (index) { ready(index); return; }
    waiting.push(ready);
    if (window.REPORT_SEARCH_INDEX) { done(); return; }
    if (loading) { return; }
    loading = true;
    var script = document.createElement("script");
    script.src = "search-index.js";
    script.onload = done;
    script.onerror = function () {
      loading = false;
      waiting = [];
      status(say("js.search.unavailable"));
    };
    document.head.appendChild(script);
  }

  function done() {
    if (!index && window.REPORT_SEARCH_INDEX) { index = prepare(window.REPORT_SEARCH_INDEX); }
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (callback) { callback(index); });
  }

  // The passages of every term that starts with the word `prefix`: "attack" finds "attacks".
  function prefixed(prepared, prefix) {
    var keys = prepared.keys;
    var low = 0;
    var high = keys.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (keys[middle] < prefix) { low = middle + 1; } else { high = middle; }
    }
    var passages = [];
    for (var i = low; i < keys.length && keys[i].lastIndexOf(prefix, 0) === 0; i++) {
      passages = passages.concat(prepared.raw.terms[keys[i]]);
    }
    return passages;
  }

  function split(query) {
    return normalize(query).split(/[ \t\n\x0B\f\r]+/).filter(Boolean);
  }

  // The passages that contain a word of the query, ranked: those with every word before those with
  // some; then prose before the figures' and tables' data; then by occurrences (a heading counting
  // more); then in reading order. A passage holding every term of a word is a candidate, kept if its
  // heading or text contains the word itself. As org.threatreport.site.SearchIndex#find.
  function search(prepared, query) {
    var parts = split(query);
    var count = prepared.raw.passages.length;
    var candidates = new Uint8Array(count);
    parts.forEach(function (part) {
      var ofPart = null;
      tokens(part).forEach(function (term) {
        var passages = isCjk(term.codePointAt(0)) ? prepared.raw.terms[term] || [] : prefixed(prepared, term);
        var seen = new Uint8Array(count);
        passages.forEach(function (p) { seen[p] = 1; });
        ofPart = ofPart === null ? seen : ofPart.map(function (v, p) { return v & seen[p]; });
      });
      if (ofPart !== null) {
        for (var p = 0; p < count; p++) { candidates[p] |= ofPart[p]; }
      }
    });
    var results = [];
    for (var p = 0; p < count; p++) {
      if (!candidates[p]) { continue; }
      var haystack = prepared.haystacks[p];
      var passage = prepared.raw.passages[p];
      var headingLength = passage[2].length;
      var matched = [];
      var score = 0;
      parts.forEach(function (part) {
        var contains = false;
        for (var at = haystack.indexOf(part); at >= 0; at = haystack.indexOf(part, at + part.length)) {
          contains = true;
          score += at < headingLength ? 5 : 1;
        }
        if (contains) { matched.push(part); }
      });
      if (matched.length) {
        results.push({ passage: p, all: matched.length === parts.length, data: passage[5] === 1, score: score,
          matched: matched });
      }
    }
    results.sort(function (a, b) {
      return (b.all - a.all) || (a.data - b.data) || (b.score - a.score) || (a.passage - b.passage);
    });
    return results.map(function (result) {
      var passage = prepared.raw.passages[result.passage];
      var page = prepared.raw.pages[passage[0]];
      return {
        // The page opens with the words marked (?h=), at the section or figure found.
        href: page[0] + "?h=" + encodeURIComponent(query.trim()) + (passage[1] ? "#" + passage[1] : ""),
        page: page[1],
        section: passage[2],
        text: passage[3],
        parent: passage[4] || "",
        data: result.data,
        all: result.all,
        parts: result.matched
      };
    });
  }

  // ---- Showing results ----
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 90;

  function ranges(normalized, parts, from, to) {
    var found = [];
    parts.forEach(function (part) {
      for (var at = normalized.indexOf(part, from); at >= 0 && at < to; at = normalized.indexOf(part, at + 1)) {
        found.push([at, Math.min(at + part.length, to)]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    found.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) { last[1] = Math.max(last[1], range[1]); } else { merged.push(range); }
    });
    return merged;
  }

  // `text` from `from` to `to`, each match of the query in a <mark>.
  function highlighted(element, text, parts, from, to) {
    var normalized = normalize(text);
    var at = from;
    ranges(normalized, parts, from, to).forEach(function (range) {
      element.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      element.appendChild(mark);
      at = range[1];
    });
    element.appendChild(document.createTextNode(text.slice(at, to)));
  }

  function snippet(result) {
    var text = result.text;
    var normalized = normalize(text);
    var first = -1;
    result.parts.forEach(function (part) {
      var at = normalized.indexOf(part);
      if (at >= 0 && (first < 0 || at < first)) { first = at; }
    });
    var from = first < 0 ? 0 : Math.max(0, first - SNIPPET_BEFORE);
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    if (from > 0 && text.charCodeAt(from) >= 0xDC00 && text.charCodeAt(from) <= 0xDFFF) { from--; }
    if (to < text.length && text.charCodeAt(to) >= 0xDC00 && text.charCodeAt(to) <= 0xDFFF) { to++; }
    var element = document.createElement("span");
    element.className = "search-result-snippet";
    if (from > 0) { element.appendChild(document.createTextNode("…")); }
    highlighted(element, text, result.parts, from, to);
    if (to < text.length) { element.appendChild(document.createTextNode("…")); }
    return element;
  }

  function item(result) {
    var li = document.createElement("li");
    li.className = "search-result" + (result.data ? " search-result-data" : "");
    var link = document.createElement("a");
    link.href = result.href;
    var where = document.createElement("span");
    where.className = "search-result-where";
    var chapter = document.createElement("span");
    chapter.className = "search-result-chapter";
    chapter.textContent = result.page;
    where.appendChild(chapter);
    if (result.parent) {
      where.appendChild(document.createTextNode(" › " + result.parent));
    }
    if (result.section !== result.page) {
      where.appendChild(document.createTextNode(" › "));
      var section = document.createElement("span");
      section.className = "search-result-section";
      highlighted(section, result.section, result.parts, 0, result.section.length);
      where.appendChild(section);
    }
    link.appendChild(where);
    link.appendChild(snippet(result));
    li.appendChild(link);
    return li;
  }

  function render(list, results, limit) {
    list.textContent = "";
    results.slice(0, limit).forEach(function (result) { list.appendChild(item(result)); });
  }

  // ---- The search box in the header ----
  var form = document.querySelector(".site-search");
  var input = document.getElementById("search-input");
  var panel = document.getElementById("search-results");
  var statusLine = document.getElementById("search-status");
  var pageList = document.getElementById("search-page-results");
  var PANEL_LIMIT = 8;

  function status(text) {
    if (statusLine) { statusLine.textContent = text; }
  }

  function counted(n) {
    return n === 1 ? say("js.search.one") : say("js.search.count", String(n));
  }

  function closePanel() {
    if (panel) { panel.hidden = true; }
  }

  function showPanel(query) {
    if (!panel) { return; }
    if (!query.trim()) { closePanel(); status(""); return; }
    status(say("js.search.loading"));
    load(function (prepared) {
      if (input.value !== query) { return; }
      var results = search(prepared, query);
      var list = panel.querySelector("ol");
      render(list, results, PANEL_LIMIT);
      var more = panel.querySelector(".search-more");
      more.hidden = results.length <= PANEL_LIMIT;
      more.querySelector("a").href = "search.html?q=" + encodeURIComponent(query);
      more.querySelector("a").textContent = say("js.search.more", String(results.length));
      var empty = panel.querySelector(".search-empty");
      empty.hidden = results.length > 0;
      empty.textContent = say("js.search.none", query);
      panel.hidden = false;
      status(results.length ? counted(results.length) : say("js.search.none", query));
    });
  }

  function links() {
    return panel ? Array.prototype.slice.call(panel.querySelectorAll("a")).filter(function (a) {
      return a.offsetParent !== null;
    }) : [];
  }

  if (form && input && panel) {
    var list = document.createElement("ol");
    list.className = "search-result-list";
    var empty = document.createElement("p");
    empty.className = "search-empty";
    empty.hidden = true;
    var more = document.createElement("p");
    more.className = "search-more";
    more.hidden = true;
    more.appendChild(document.createElement("a"));
    panel.appendChild(empty);
    panel.appendChild(list);
    panel.appendChild(more);

    var timer = 0;
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value;
      timer = setTimeout(function () { showPanel(query); }, 60);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = links()[0];
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape" && !panel.hidden) {
        // The first Escape closes the results; the next one clears the box, as a search box does.
        event.preventDefault();
        closePanel();
      }
    });
    panel.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at >= 0) {
        event.preventDefault();
        (all[at + 1] || all[at]).focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        if (at === 0) { input.focus(); } else { all[at - 1].focus(); }
      } else if (event.key === "Escape") {
        closePanel();
        input.focus();
      }
    });
    panel.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) { closePanel(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { closePanel(); }
    });
    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) { event.preventDefault(); }
    });
    // "/" anywhere but in a field goes to the search box, as on most documentation sites.
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  // ---- search.html: every result of ?q= ----
  // The page loads search-index.js itself, before this script: the results are there at the first paint.
  if (pageList) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    if (input) { input.value = query; }
    var heading = document.getElementById("search-page-status");
    var help = document.getElementById("search-help");
    if (query.trim()) {
      heading.textContent = say("js.search.loading");
      load(function (prepared) {
        var results = search(prepared, query);
        render(pageList, results, results.length);
        heading.textContent = results.length ? say("js.search.for", query) + " · " + counted(results.length)
          : say("js.search.none", query);
        // How search works stays in view when it found nothing.
        if (help && results.length) { help.hidden = true; }
      });
    }
  }

  // ---- The page reached from a result: the words searched for, marked ----
  // As Material for MkDocs does: a result's link carries the query as ?h=; every occurrence of its
  // words in the page's text is marked, and a figure's collapsed numbers holding one are opened. Done
  // while the page is read in, so nothing moves afterwards.
  function highlight(words) {
    var main = document.getElementById("main");
    if (!main || !words.length) { return; }
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode;
        return parent.closest("script, style, mark, .heading-anchor, .search-page, nav") ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push(node); }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var found = ranges(normalize(text), words, 0, text.length);
      if (!found.length) { return; }
      var fragment = document.createDocumentFragment();
      var at = 0;
      found.forEach(function (range) {
        fragment.appendChild(document.createTextNode(text.slice(at, range[0])));
        var mark = document.createElement("mark");
        mark.className = "search-highlight";
        mark.textContent = text.slice(range[0], range[1]);
        fragment.appendChild(mark);
        at = range[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(at)));
      // The numbers of the figure reached, when they hold the words, are shown.
      var details = node.parentNode.closest("details[data-figure]");
      if (details && window.location.hash && decodeURIComponent(window.location.hash.slice(1)) ===
          details.getAttribute("data-figure")) {
        details.open = true;
      }
      node.parentNode.replaceChild(fragment, node);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var marked = params.get("h");
  if (marked && !pageList) {
    highlight(split(marked));
    // The address goes back to the page's own, so that a link copied from it carries no search.
    params.delete("h");
    var rest = params.toString();
    try {
      history.replaceState(history.state, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
    } catch (e) { /* some browsers refuse it for file:// pages: the marks stay all the same */ }
  }

  window.ReportSearch = { normalize: normalize, tokens: tokens, load: load, search: search, highlight: highlight };
})();
