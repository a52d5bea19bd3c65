/// The live-reload side of `serve`: a small script, served by `serve` only and tagged onto
/// the HTML it serves (the built site never carries it), that listens to the build events.
public enum LiveReload {
    /// Server-Sent Events: one `status` message on connect, then one per finished build.
    public static let eventsPath = "/__gtmgen/events"
    public static let scriptPath = "/__gtmgen/live-reload.js"

    /// The tag put before `</body>`; `data-site` is the build the page was served from.
    public static func tag(site: Int) -> String {
        "<script src=\"\(scriptPath)\" data-site=\"\(site)\"></script>"
    }

    /// Puts the tag before the last `</body>` (any case), or at the end when there is none.
    public static func inject(into html: [UInt8], site: Int) -> [UInt8] {
        let tag = Array(tag(site: site).utf8)
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"),
               zip(html[index..<index + closing.count], closing).allSatisfy({ lowercased($0) == $1 }) {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// What `serve` answers while no build has succeeded yet: the diagnostics (escaped) and the
    /// script, so the page reloads by itself once the project builds.
    public static func placeholderPage(_ status: BuildStatus) -> String {
        let items = status.diagnostics.map { "<li><code>\(escape($0.location.description))</code> \(escape($0.severity.rawValue)): \(escape($0.message))</li>" }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>gtmgen serve</title></head>
        <body>
        <h1>\(status.build == 0 ? "Building…" : "The site has not built yet")</h1>
        <ul>\(items.joined(separator: "\n"))</ul>
        \(tag(site: status.site))
        </body>
        </html>

        """
    }

    /// HTML-escapes text for element content and quoted attributes.
    public static func escape(_ text: String) -> String { HTMLEscape.escape(text) }

    /// Reloads when the served site moved on; shows the diagnostics of a failed build in an
    /// overlay (text nodes only: a message is never parsed as HTML); hides it when a build
    /// succeeds. EventSource reconnects by itself when `serve` restarts.
    public static let script = #"""
    (function () {
      "use strict";
      var me = document.currentScript;
      var site = me ? me.getAttribute("data-site") : null;
      var overlay = null;
      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }
      function show(status) {
        hide();
        overlay = document.createElement("div");
        overlay.id = "gtmgen-errors";
        overlay.setAttribute("role", "alert");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
          "background:rgba(24,24,27,.94);color:#fafafa;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left";
        var title = document.createElement("h2");
        title.style.cssText = "margin:0 0 1rem;font:bold 18px/1.3 system-ui,sans-serif;color:#fca5a5";
        title.textContent = "gtmgen: the build failed; this is the last good page. Fix and save to reload.";
        overlay.appendChild(title);
        var list = document.createElement("ul");
        list.style.cssText = "margin:0;padding:0;list-style:none";
        status.diagnostics.forEach(function (d) {
          var item = document.createElement("li");
          item.style.cssText = "margin:0 0 .75rem;white-space:pre-wrap";
          var where = document.createElement("strong");
          where.textContent = d.path + ":" + d.line + ":" + d.column;
          var kind = document.createElement("span");
          kind.style.color = d.severity === "error" ? "#f87171" : "#facc15";
          kind.textContent = " " + d.severity + ": ";
          item.appendChild(where);
          item.appendChild(kind);
          item.appendChild(document.createTextNode(d.message));
          list.appendChild(item);
        });
        overlay.appendChild(list);
        document.body.appendChild(overlay);
      }
      function handle(event) {
        var status = JSON.parse(event.data);
        if (!status.ok) { show(status); return; }
        if (site !== null && String(status.site) !== site) { location.reload(); return; }
        hide();
      }
      var source = new EventSource("/__gtmgen/events");
      ["status", "reload", "errors"].forEach(function (name) { source.addEventListener(name, handle); });
    })();

    """#
}
