/// The two small scripts of the site (sorting here, search in `SearchScript.swift`),
/// progressive enhancement only: pages are complete without them. No libraries, no outside hosts.
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
}
