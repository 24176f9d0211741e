/// Server-rendered pages: one layout with plain CSS, and the escaping every value goes through.
///
/// Build markup with ``escape(_:)`` around every value that came from a user, a list or the database
/// (a contact named `<script>` is shown as text), and ``csrfField(_:)`` in every form that posts.
package enum WebPage {
    /// `text` made safe for element content and quoted attribute values.
    package static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// The hidden field carrying the session's CSRF token (name `csrf`).
    package static func csrfField(_ session: WebSession) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(session.csrfToken))\">"
    }

    /// A whole page: `title` (escaped here), `body` (markup the caller built with ``escape(_:)``); with a session,
    /// a header naming the user with a sign-out button.
    /// `scripts` are paths of the page's scripts (served by the application: the pages hold no inline
    /// script, and the Content-Security-Policy allows none); they read the CSRF token from the page's
    /// `csrf` meta element.
    package static func render(title: String, body: String, session: WebSession? = nil, scripts: [String] = [],
                               language: String = "en") -> String {
        var header = ""
        var head = scripts.map { "<script src=\"\(escape($0))\" defer></script>" }.joined()
        if let session {
            head += "<meta name=\"csrf\" content=\"\(escape(session.csrfToken))\">"
            header = """
                <header><span>\(escape(session.user.name)) · \(escape(session.user.role.rawValue))</span>
                <form method="post" action="/logout">\(csrfField(session))<button type="submit">Sign out</button></form></header>
                """
        }
        return """
            <!doctype html>
            <html lang="\(escape(language))"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · Dialer</title><style>\(style)</style>\(head)</head>
            <body>\(header)<main><h1>\(escape(title))</h1>
            \(body)
            </main></body></html>
            """
    }

    /// A table with escaped cells.
    package static func table(_ header: [String], _ rows: [[String]]) -> String {
        let head = header.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1c2430;background:#f4f6f8}
        header{display:flex;justify-content:flex-end;gap:1em;align-items:center;padding:.5em 1em;background:#1c2430;color:#fff}
        header form{margin:0}main{max-width:60em;margin:2em auto;padding:0 1em}
        h1{font-size:1.4em}form.card{background:#fff;padding:1.5em;border-radius:6px;max-width:22em;box-shadow:0 1px 3px #0002}
        label{display:block;margin:.6em 0 .2em}input[type=text],input[type=password]{width:100%;padding:.45em;box-sizing:border-box}
        button{margin-top:1em;padding:.45em 1.2em}.error{color:#a4161a}table{border-collapse:collapse;background:#fff}
        th,td{padding:.35em .7em;border-bottom:1px solid #dde2e7;text-align:left}
        section.call,section.preview,section.campaign{background:#fff;padding:1em 1.5em;border-radius:6px;margin:1em 0;box-shadow:0 1px 3px #0002}
        section.call.ringing{outline:3px solid #2b8a3e}fieldset{border:1px solid #dde2e7;margin:.8em 0}
        fieldset label{display:inline-block;margin-right:1.2em}.numbers{font-size:1.2em}.figures td{font-variant-numeric:tabular-nums}
        form.presence input[type=text]{width:14em}form.presence button,form.presence select{margin-right:.4em}
        section.campaign form{display:inline-block;margin-right:1em}section.campaign form label{display:inline}
        .over{color:#a4161a;font-weight:bold}.state-ready{color:#2b8a3e}.state-paused{color:#a15c00}.state-on-call{color:#1864ab}
        """
}
