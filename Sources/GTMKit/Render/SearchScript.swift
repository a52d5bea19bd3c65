extension Scripts {
    /// Offline search over the files of `SearchLayout`, loaded as scripts (so it works from
    /// `file://` too): titles, tags and summaries from the manifest; body words from the term
    /// shards of the query's terms only; snippets from the texts of the results shown.
    ///
    /// The query is folded and cut as `SearchFolding` folds and cuts the index (lower case,
    /// full-width as ASCII, Traditional as Simplified with `search/fold.js`): a word matches
    /// by prefix, Chinese, Japanese and Korean by character pairs (there are no spaces between
    /// words there), each part of the query must match somewhere, and results rank by where
    /// (title, tags, summary, body). Arrow keys move through the results, Enter opens one,
    /// Escape clears the search.
    static let search = #"""
    (function () {
      "use strict";
      var root = document.getElementById("search-root");
      if (!root) { return; }
      var input = document.getElementById("search-input");
      var form = input.form;
      var list = document.getElementById("search-results");
      var status = document.getElementById("search-status");
      var note = document.getElementById("search-js-note");
      if (note) { note.hidden = true; }
      var base = root.getAttribute("data-root");
      // Opened from the disk, a folder URL shows the folder: link to its index.html.
      var pageSuffix = window.location.protocol === "file:" ? "index.html" : "";
      var shown = 50;
      var data = { index: null, shards: {}, texts: {} };
      var simplified = {};
      var traditional = null;
      var entries = [];
      var offsets = [];
      var loading = {};
      var generation = 0;

      window.GTMSearch = {
        index: function (value) { data.index = value; },
        fold: function (pairs) {
          var chars = Array.from(pairs);
          var sources = [];
          for (var i = 0; i + 1 < chars.length; i += 2) { simplified[chars[i]] = chars[i + 1]; sources.push(chars[i]); }
          if (sources.length) { traditional = new RegExp("[" + sources.join("") + "]", "gu"); }
        },
        shard: function (bucket, shard, text) {
          var terms = new Map();
          if (text) {
            text.split("\n").forEach(function (line) {
              var tab = line.indexOf("\t");
              terms.set(line.slice(0, tab), line.slice(tab + 1));
            });
          }
          data.shards[bucket + "-" + shard] = terms;
        },
        text: function (url, text) { data.texts[url] = text; }
      };

      function load(path) {
        if (!loading[path]) {
          loading[path] = new Promise(function (resolve) {
            var script = document.createElement("script");
            script.src = base + path;
            script.onload = function () { resolve(true); };
            script.onerror = function () { resolve(false); };
            document.head.appendChild(script);
          });
        }
        return loading[path];
      }

      // --- Folding and cutting, as SearchFolding does it in Swift.
      function isIdeograph(cp) {
        return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
               (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x20000 && cp <= 0x2fa1f);
      }
      var wordChar = /^[\p{L}\p{N}\p{M}]$/u;
      function classify(ch) {
        var cp = ch.codePointAt(0);
        if (cp < 0x80) { return /[0-9a-z]/i.test(ch) ? "word" : "separator"; }
        if (isIdeograph(cp)) { return "ideograph"; }
        return wordChar.test(ch) ? "word" : "separator";
      }
      function fold(text) {
        text = text.replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); }).toLowerCase();
        return traditional ? text.replace(traditional, function (c) { return simplified[c]; }) : text;
      }
      // Folded text and, for each of its UTF-16 units, where it came from in the original.
      function foldMapped(text) {
        var out = "", from = [], to = [], at = 0;
        for (var ch of text) {
          var folded = fold(ch);
          for (var k = 0; k < folded.length; k++) { from.push(at); to.push(at + ch.length); }
          out += folded;
          at += ch.length;
        }
        return { text: out, from: from, to: to };
      }
      // The parts of a query: words (matched by prefix) and runs of Chinese characters (by their
      // pairs), each with the index terms it needs. A one-letter word counts only when alone.
      function parts(query) {
        var out = [], word = "", run = [];
        function endWord() {
          if (word) { out.push({ text: word, terms: Array.from(word).length > 1 ? [word.slice(0, 64)] : [], prefix: true, word: true }); }
          word = "";
        }
        function endRun() {
          if (run.length === 1) { out.push({ text: run[0], terms: [run[0]], prefix: true, word: false }); }
          if (run.length > 1) {
            var pairs = [];
            for (var i = 0; i + 1 < run.length; i++) { pairs.push(run[i] + run[i + 1]); }
            out.push({ text: run.join(""), terms: pairs, prefix: false, word: false });
          }
          run = [];
        }
        for (var ch of fold(query)) {
          var kind = classify(ch);
          if (kind === "word") { endRun(); word += ch; }
          else if (kind === "ideograph") { endWord(); run.push(ch); }
          else { endWord(); endRun(); }
        }
        endWord();
        endRun();
        var long = out.filter(function (part) { return part.terms.length > 0; });
        return long.length ? long : out;
      }
      function truncate(term) { return Array.from(term).slice(0, 32).join(""); }
      function shardOf(term) {
        var hash = 2166136261, taken = 0;
        for (var ch of term) {
          var cp = ch.codePointAt(0);
          hash = Math.imul(hash ^ cp, 16777619) >>> 0;
          taken += 1;
          if (taken === 2 || isIdeograph(cp)) { break; }
        }
        return hash % data.index.shards;
      }

      // --- The index.
      function prepare() {
        var index = data.index;
        index.entries.forEach(function (bucket, b) {
          offsets[b] = entries.length;
          bucket.forEach(function (e, place) {
            entries.push({ title: e[0], url: e[1], kind: e[2], threat: e[3], summary: e[4], tags: e[5], bucket: b, place: place,
                           fields: [[fold(e[0]), 8], [fold(e[5].join(" ")), 5], [fold(e[4]), 3]] });
          });
        });
      }
      function shardPaths(queryParts) {
        var paths = [];
        queryParts.forEach(function (part) {
          part.terms.forEach(function (term) {
            var shard = shardOf(term);
            for (var b = 0; b < data.index.buckets; b++) { paths.push("search/t/" + b + "-" + shard + ".js"); }
          });
        });
        return paths;
      }
      // Briefs whose body has the term (a prefix: every term that starts with it).
      function postings(term, prefix) {
        var found = new Set(), shard = shardOf(term);
        for (var b = 0; b < data.index.buckets; b++) {
          var terms = data.shards[b + "-" + shard];
          if (!terms) { continue; }
          var add = function (encoded) {
            var place = 0;
            encoded.split(",").forEach(function (gap) { place += parseInt(gap, 36); found.add(offsets[b] + place); });
          };
          if (!prefix) { if (terms.has(term)) { add(terms.get(term)); } continue; }
          terms.forEach(function (encoded, key) { if (key.lastIndexOf(term, 0) === 0) { add(encoded); } });
        }
        return found;
      }
      function bodyMatches(part) {
        if (!part.terms.length) { return new Set(); }
        var sets = part.terms.map(function (term) { return postings(truncate(term), part.prefix); });
        return sets.reduce(function (a, b) { return new Set(Array.from(a).filter(function (x) { return b.has(x); })); });
      }
      function rank(queryParts, folded) {
        var body = queryParts.map(bodyMatches);
        var hits = [];
        entries.forEach(function (entry, id) {
          var total = 0;
          for (var i = 0; i < queryParts.length; i++) {
            var best = 0;
            entry.fields.forEach(function (field) { if (field[0].indexOf(queryParts[i].text) !== -1) { best = Math.max(best, field[1]); } });
            if (!best && body[i].has(id)) { best = 1; }
            if (!best) { return; }
            total += best;
          }
          var title = entry.fields[0][0];
          if (title === folded) { total += 20; } else if (title.indexOf(folded) === 0) { total += 10; }
          hits.push([total, entry]);
        });
        hits.sort(function (a, b) { return b[0] - a[0] || a[1].title.localeCompare(b[1].title); });
        return hits.map(function (hit) { return hit[1]; });
      }

      // --- Marking matched words.
      function matches(text, queryParts) {
        var mapped = foldMapped(text), ranges = [];
        queryParts.forEach(function (part, n) {
          var needles = [part.text];
          if (!part.word && mapped.text.indexOf(part.text) === -1 && part.terms.length > 1) { needles = part.terms; }
          needles.forEach(function (needle) {
            var at = mapped.text.indexOf(needle);
            while (at !== -1 && ranges.length < 500) {
              var before = at > 0 ? mapped.text.slice(at - 1, at) : "";
              if (!part.word || !before || classify(before) !== "word") {
                ranges.push({ start: mapped.from[at], end: mapped.to[at + needle.length - 1], part: n });
              }
              at = mapped.text.indexOf(needle, at + needle.length);
            }
          });
        });
        ranges.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
        return ranges.filter(function (range, i) { return i === 0 || range.start >= ranges[i - 1].end; });
      }
      function marked(text, ranges, start, end) {
        // Lines are kept (the snippet's white-space is pre-line): none left empty at either end.
        while (start < end && /\s/.test(text.charAt(start))) { start += 1; }
        while (end > start && /\s/.test(text.charAt(end - 1))) { end -= 1; }
        var fragment = document.createDocumentFragment(), at = start;
        if (start > 0) { fragment.appendChild(document.createTextNode("…")); }
        ranges.forEach(function (range) {
          if (range.start < at || range.end > end) { return; }
          fragment.appendChild(document.createTextNode(text.slice(at, range.start)));
          var mark = document.createElement("mark");
          mark.textContent = text.slice(range.start, range.end);
          fragment.appendChild(mark);
          at = range.end;
        });
        fragment.appendChild(document.createTextNode(text.slice(at, end)));
        if (end < text.length) { fragment.appendChild(document.createTextNode("…")); }
        return fragment;
      }
      // Chinese characters take about two Latin letters' width.
      function width(text, at) { return isIdeograph(text.charCodeAt(at)) ? 2 : 1; }
      // About 240 letters' width around the place where the most parts of the query meet.
      function snippet(text, queryParts) {
        var ranges = matches(text, queryParts);
        if (!ranges.length) { return null; }
        var bestAt = 0, bestCount = 0;
        ranges.forEach(function (range, i) {
          var seen = new Set();
          for (var j = i; j < ranges.length && ranges[j].start < range.start + 120; j++) { seen.add(ranges[j].part); }
          if (seen.size > bestCount) { bestCount = seen.size; bestAt = range.start; }
        });
        var start = bestAt, end = bestAt, used = 0;
        while (start > 0 && used < 60) { start -= 1; used += width(text, start); }
        var space = text.lastIndexOf(" ", start + 12);
        if (start > 0 && space > start - 20 && space < bestAt) { start = space + 1; }
        while (end < text.length && used < 240) { used += width(text, end); end += 1; }
        if (end < text.length && text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) { end += 1; }
        if (start > 0 && text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff) { start -= 1; }
        return marked(text, ranges, start, end);
      }

      // --- Results.
      function badge(className, text) {
        var span = document.createElement("span");
        span.className = className;
        span.textContent = text;
        return span;
      }
      function showText(entry, paragraph, queryParts) {
        var text = data.texts[entry.url];
        var fragment = text ? snippet(text, queryParts) : null;
        if (fragment) { paragraph.textContent = ""; paragraph.appendChild(fragment); }
      }
      function render(query, queryParts, hits) {
        list.innerHTML = "";
        if (!queryParts.length) { status.textContent = ""; return; }
        status.textContent = hits.length ? hits.length + " " + root.getAttribute("data-results")
                                         : root.getAttribute("data-none") + ": " + query;
        hits.slice(0, shown).forEach(function (entry, n) {
          var li = document.createElement("li");
          li.className = "search-hit";
          var a = document.createElement("a");
          a.href = base + entry.url + pageSuffix;
          a.id = "search-hit-" + n;
          a.appendChild(marked(entry.title, matches(entry.title, queryParts), 0, entry.title.length));
          a.setAttribute("aria-describedby", a.id + "-meta " + a.id + "-text");
          var meta = document.createElement("span");
          meta.className = "search-hit-meta";
          meta.id = a.id + "-meta";
          meta.appendChild(badge("badge", data.index.kinds[entry.kind] || entry.kind));
          if (entry.threat) {
            meta.appendChild(document.createTextNode(" "));
            meta.appendChild(badge("threat-tag threat-" + entry.threat, data.index.threat + ": " + (data.index.threats[entry.threat] || entry.threat)));
          }
          var p = document.createElement("p");
          p.className = "search-snippet";
          p.id = a.id + "-text";
          p.appendChild(marked(entry.summary, matches(entry.summary, queryParts), 0, entry.summary.length));
          li.appendChild(a);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(meta);
          li.appendChild(p);
          list.appendChild(li);
          if (data.texts[entry.url] !== undefined) { showText(entry, p, queryParts); return; }
          load("search/text/" + entry.bucket + "-" + Math.floor(entry.place / \#(SearchLayout.textsPerFile)) + ".js").then(function () {
            if (p.isConnected) { showText(entry, p, queryParts); }
          });
        });
      }
      function unavailable() {
        status.textContent = root.getAttribute("data-unavailable");
      }
      var ready = Promise.all([load("search/index.js"), load("search/fold.js")]).then(function () {
        if (!data.index) { unavailable(); return false; }
        prepare();
        return true;
      });
      function search(query) {
        var current = ++generation;
        ready.then(function (ok) {
          if (!ok || current !== generation) { return; }
          var queryParts = parts(query);
          if (!queryParts.length) { render(query, [], []); return; }
          Promise.all(shardPaths(queryParts).map(load)).then(function () {
            if (current !== generation) { return; }
            render(query, queryParts, rank(queryParts, fold(query.trim())));
          });
        });
      }
      function remember(query) {
        var url = new URL(window.location.href);
        if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
        try { window.history.replaceState(null, "", url); } catch (error) { /* file:// may refuse */ }
      }
      function clear() {
        input.value = "";
        remember("");
        search("");
        input.focus();
      }
      function links() { return Array.prototype.slice.call(list.querySelectorAll(".search-hit > a")); }

      input.addEventListener("input", function () { search(input.value); remember(input.value); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
        else if (event.key === "Escape") { event.preventDefault(); clear(); }
      });
      list.addEventListener("keydown", function (event) {
        var all = links(), at = all.indexOf(document.activeElement);
        if (at === -1) { return; }
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          var next = at + (event.key === "ArrowDown" ? 1 : -1);
          if (next < 0) { input.focus(); } else if (next < all.length) { all[next].focus(); }
        } else if (event.key === "Home" || event.key === "End") {
          event.preventDefault();
          all[event.key === "Home" ? 0 : all.length - 1].focus();
        } else if (event.key === "Escape") {
          event.preventDefault();
          clear();
        }
      });
      if (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var first = links()[0];
          if (first) { window.location.href = first.href; }
        });
      }

      var params = new URLSearchParams(window.location.search);
      if (params.get("q")) { input.value = params.get("q"); }
      search(input.value);
    })();

    """#
}
