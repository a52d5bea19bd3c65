/// The two small scripts of the site, progressive enhancement only: pages are complete
/// without them. No libraries, no outside hosts.
enum Scripts {
    /// Sorts `table.sortable` by the clicked column, using each cell's `data-sort` when present.
    static let sort = #"""
    (function () {
      "use strict";
      document.querySelectorAll("table.sortable").forEach(function (table) {
        var headers = table.querySelectorAll("thead th");
        headers.forEach(function (th, column) {
          var button = th.querySelector("button");
          if (!button) { return; }
          button.addEventListener("click", function () {
            var ascending = th.getAttribute("aria-sort") !== "ascending";
            headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var numeric = th.getAttribute("data-type") === "number";
            function key(row) {
              var cell = row.cells[column];
              var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
              return numeric ? (value === "" ? -Infinity : parseFloat(value)) : value.toLowerCase();
            }
            rows.sort(function (a, b) {
              var x = key(a), y = key(b);
              var order = numeric ? x - y : x.localeCompare(y, document.documentElement.lang || undefined);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
    })();

    """#

    /// Offline search over `search/index.json`: Latin words by prefix, Chinese, Japanese and
    /// Korean text by character bigrams (no spaces between words there), ranked by field.
    static let search = #"""
    (function () {
      "use strict";
      var root = document.getElementById("search-root");
      if (!root) { return; }
      var input = document.getElementById("search-input");
      var list = document.getElementById("search-results");
      var status = document.getElementById("search-status");
      var note = document.getElementById("search-js-note");
      if (note) { note.hidden = true; }
      var base = root.getAttribute("data-root");
      var entries = null;
      var cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

      function terms(query) {
        var out = [];
        query.toLowerCase().split(/[\s,.;:!?，。；：！？、（）()"'“”‘’]+/).forEach(function (word) {
          if (!word) { return; }
          var run = "";
          function flush() {
            if (run.length === 1) { out.push(run); }
            for (var i = 0; i + 1 < run.length; i++) { out.push(run.substr(i, 2)); }
            run = "";
          }
          var latin = "";
          for (var i = 0; i < word.length; i++) {
            var ch = word.charAt(i);
            if (cjk.test(ch)) { if (latin) { out.push(latin); latin = ""; } run += ch; }
            else { flush(); latin += ch; }
          }
          flush();
          if (latin) { out.push(latin); }
        });
        return out;
      }

      function score(entry, words, query) {
        var fields = [[entry.t.toLowerCase(), 8], [entry.g.join(" ").toLowerCase(), 5],
                      [entry.s.toLowerCase(), 3], [entry.x.toLowerCase(), 1]];
        var total = 0;
        for (var i = 0; i < words.length; i++) {
          var best = 0;
          for (var j = 0; j < fields.length; j++) {
            if (fields[j][0].indexOf(words[i]) !== -1) { best = Math.max(best, fields[j][1]); }
          }
          if (best === 0) { return 0; }
          total += best;
        }
        var title = entry.t.toLowerCase();
        if (title === query) { total += 20; } else if (title.indexOf(query) === 0) { total += 10; }
        return total;
      }

      function render(query) {
        list.innerHTML = "";
        var words = terms(query);
        if (!words.length || !entries) { status.textContent = ""; return; }
        var hits = [];
        entries.forEach(function (entry) {
          var s = score(entry, words, query.trim().toLowerCase());
          if (s > 0) { hits.push([s, entry]); }
        });
        hits.sort(function (a, b) { return b[0] - a[0] || a[1].t.localeCompare(b[1].t); });
        status.textContent = hits.length ? hits.length + " " + root.getAttribute("data-results")
                                         : root.getAttribute("data-none") + ": " + query;
        hits.slice(0, 50).forEach(function (hit) {
          var entry = hit[1];
          var li = document.createElement("li");
          li.className = "search-hit";
          var a = document.createElement("a");
          a.href = base + entry.u;
          a.textContent = entry.t;
          var kind = document.createElement("span");
          kind.className = "badge";
          kind.textContent = entry.k;
          li.appendChild(a);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(kind);
          if (entry.s) {
            var p = document.createElement("p");
            p.className = "brief-summary";
            p.textContent = entry.s;
            li.appendChild(p);
          }
          list.appendChild(li);
        });
      }

      var params = new URLSearchParams(window.location.search);
      if (params.get("q")) { input.value = params.get("q"); }
      fetch(base + "search/index.json").then(function (response) { return response.json(); }).then(function (data) {
        entries = data;
        render(input.value);
      });
      input.addEventListener("input", function () {
        render(input.value);
        var url = new URL(window.location.href);
        if (input.value) { url.searchParams.set("q", input.value); } else { url.searchParams.delete("q"); }
        window.history.replaceState(null, "", url);
      });
    })();

    """#
}
